// The menus of the top bar: Share, Export and the saved scenarios.
const fs = require('fs');

/** The Share menu: the link, the embed snippet for a chosen view and its height. */
class ShareMenu {
  constructor(root) {
    this.root = root;
  }

  /** Opens (or closes) the menu. */
  async toggle() {
    await this.root.locator('#share-menu > summary').click();
  }

  /** The share link's text box. */
  link() {
    return this.root.locator('#share-link');
  }

  /** The embed snippet's text box. */
  embed() {
    return this.root.locator('#share-embed');
  }

  /** Which view the embed snippet shows. */
  view() {
    return this.root.locator('#share-view');
  }

  /** The height the snippet gives, with how it was found. */
  height() {
    return this.root.locator('#share-height');
  }

  /** What happened when a button was pressed ("Copied", …). */
  status() {
    return this.root.locator('#share-menu .share-status');
  }
}

/** The Export menu: CSV, JSON, the books, the bands and who gains, as downloads. */
class ExportMenu {
  constructor(app) {
    this.app = app;
    this.root = app.root;
    this.menu = app.root.locator('#export-menu');
  }

  /** Opens (or closes) the menu. */
  async toggle() {
    await this.root.locator('#export-menu > summary').click();
  }

  /** Closes the menu without a click. */
  async close() {
    await this.menu.evaluate((d) => { d.open = false; });
  }

  /** A download button of the menu by its id (`bands`, `winners`, …). */
  item(id) {
    return this.root.locator(`#export-${id}`);
  }

  /** Opens the menu, downloads the file of the button named `name`, closes the menu. */
  async download(name) {
    await this.toggle();
    const file = await this.app.download(this.app.page.getByRole('button', { name }));
    const path = await file.path();
    await this.toggle();
    return { name: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
  }
}

/** The saved-scenarios panel: save, load, rename, delete, and files in and out. */
class SavedScenarios {
  constructor(root) {
    this.root = root;
  }

  /** Opens (or closes) the panel. */
  async toggle() {
    await this.root.locator('.saved > summary').click();
  }

  /** The name to save the scenario under. */
  nameInput() {
    return this.root.locator('#save-name');
  }

  /** The names of the saved scenarios. */
  names() {
    return this.root.locator('.saved-name');
  }

  /** The new name of a scenario being renamed. */
  renameInput() {
    return this.root.locator('#rename-input');
  }

  /** The file input that imports a scenario. */
  importFile() {
    return this.root.locator('#import-file');
  }
}

module.exports = { ShareMenu, ExportMenu, SavedScenarios };
