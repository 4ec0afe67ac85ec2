// Page objects of the end-to-end tests: how to open mapsim and wait until it has drawn, and
// the parts of the page the specs use, each named once here rather than as raw selectors in
// every spec.
const path = require('path');
const { expect } = require('@playwright/test');

/** Where specs save screenshots for people to look at. */
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

class App {
  constructor(page) {
    this.page = page;
  }

  /** Opens a link of the app and waits for its first chart. */
  async open(url = './') {
    await this.page.goto(url);
    await expect(this.page.locator('canvas').first()).toBeVisible({ timeout: 15_000 });
    return this;
  }

  /** Opens a link and waits until the income chart has ink on it (drawn, not just laid out). */
  async openDrawn(url = './') {
    await this.open(url);
    await expect.poll(() => this.inked(), { timeout: 10_000 }).toBeGreaterThan(1000);
    return this;
  }

  /** A slider or menu of the controls, by parameter id. */
  control(id) {
    return this.page.locator(`#${id}`);
  }

  /** The value a control shows, with its unit. */
  output(id) {
    return this.page.locator(`output[for=${id}]`);
  }

  /** A tab of the chart sets, by its name. */
  tab(name) {
    return this.page.getByRole('tab', { name });
  }

  /** A chart card, by chart id. */
  chart(id) {
    return this.page.locator(`#chart-${id}`);
  }

  /** The headline strip's cards. */
  headlines() {
    return this.page.locator('.headline');
  }

  /** The notices shown above the charts. */
  notices() {
    return this.page.locator('.notice');
  }

  /** Non-white pixels of a canvas (the income chart by default). */
  inked(selector = '#chart-income canvas') {
    return this.page.evaluate((sel) => {
      const canvas = document.querySelector(sel);
      if (!canvas || canvas.width === 0) return 0;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) n += 1;
      return n;
    }, selector);
  }

  /** A fingerprint of the pixels of every canvas matching `selector`. */
  fingerprint(selector = '.card canvas') {
    return this.page.evaluate((sel) => {
      let sum = 0;
      for (const canvas of document.querySelectorAll(sel)) {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < data.length; i += 16) sum = (sum * 31 + data[i] + 3 * data[i + 1]) % 1000000007;
      }
      return sum;
    }, selector);
  }
}

module.exports = { App, ARTIFACTS };
