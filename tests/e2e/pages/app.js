// Page objects of the end-to-end tests: how to open mapsim and wait until it has drawn, and
// the parts of the page the specs use, each named once here (or in the other files of this
// folder) rather than as raw selectors in every spec.
const path = require('path');
const { expect } = require('@playwright/test');

const { Chart, inkOf } = require('./chart');
const { ShareMenu, ExportMenu, SavedScenarios } = require('./menus');
const { LessonPanel } = require('./lesson');
const { Winners, Households, HouseholdForm } = require('./distribution');
const { Uncertainty } = require('./uncertainty');
const { Books, Reform, Phases, Validation, Comparison } = require('./tables');

/** Where specs save screenshots for people to look at. */
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/** The whole app: a page of its own, or an embed inside a frame of another page. */
class App {
  /**
   * `page` is the browser page; `root` is where the app's elements are found: the page
   * itself, or a frame (a Frame or FrameLocator) that holds an embedded view.
   */
  constructor(page, root = page) {
    this.page = page;
    this.root = root;
  }

  /** Goes to a link without waiting for anything. */
  async goto(url = './') {
    await this.page.goto(url);
    return this;
  }

  /**
   * Opens a link of the app and waits for its first chart, or for the canvas of the chart
   * `chart` (an id) when it is given.
   */
  async open(url = './', { chart } = {}) {
    await this.page.goto(url);
    const canvas = chart ? this.chart(chart).canvas() : this.canvas();
    await expect(canvas).toBeVisible({ timeout: 15_000 });
    return this;
  }

  /** Opens a link and waits until the income chart has ink on it (drawn, not just laid out). */
  async openDrawn(url = './') {
    await this.open(url);
    await expect.poll(() => this.inked(), { timeout: 10_000 }).toBeGreaterThan(1000);
    return this;
  }

  /** A slider or menu of the controls (or of the top bar: region, preset, lesson, year), by id. */
  control(id) {
    return this.root.locator(`#${id}`);
  }

  /** The value a control shows, with its unit. */
  output(id) {
    return this.root.locator(`output[for=${id}]`);
  }

  /** Every value shown beside a control. */
  outputs() {
    return this.root.locator('output');
  }

  /** Sets a slider's value as a drag would (one input event), without the keyboard. */
  async setValue(id, value) {
    await this.control(id).evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, String(value));
  }

  /** The box of one control (its label, role, help and baseline value), by parameter id. */
  controlBox(id) {
    return this.root.locator('.control').filter({ has: this.control(id) });
  }

  /** Whether a control is a policy or an assumption, by parameter id. */
  role(id) {
    return this.controlBox(id).locator('.role');
  }

  /** The baseline's value written under each control that differs from it. */
  baselineValues() {
    return this.root.locator('.control .baseline');
  }

  /** The sliders and menus of the controls that can be used, as their ids. */
  controlIds() {
    return this.root.locator('.controls input[type=range], .controls select')
      .evaluateAll((all) => all.filter((el) => !el.disabled).map((el) => el.id));
  }

  /** How many inputs and menus have neither a label nor an accessible name. */
  unlabelled() {
    return this.root.locator('input, select').evaluateAll((all) => all.filter((el) => {
      const id = el.id;
      const label = id && document.querySelector(`label[for="${id}"]`);
      return !label && !el.closest('label') && !el.getAttribute('aria-label');
    }).length);
  }

  /** The collapsible groups of controls. */
  groups() {
    return this.root.locator('details.group');
  }

  /** "Use as baseline" / "Compare with the status quo". */
  baselineButton() {
    return this.root.locator('#baseline');
  }

  /** "Pin as A to compare", pressed while scenario A is pinned. */
  pinButton() {
    return this.root.locator('#pin');
  }

  /** A tab of the chart sets, by its name. */
  tab(name) {
    return this.root.getByRole('tab', { name });
  }

  /** A chart card, by chart id. */
  chart(id) {
    return new Chart(this.root, id);
  }

  /** Every chart card. */
  cards() {
    return this.root.locator('.card');
  }

  /** The grid of chart cards of the tab shown. */
  grid() {
    return this.root.locator('.grid');
  }

  /** The first chart card of the grid. */
  firstCard() {
    return this.root.locator('.grid .card').first();
  }

  /** Every canvas of the page. */
  canvases() {
    return this.root.locator('canvas');
  }

  /** The first canvas of the page. */
  canvas() {
    return this.canvases().first();
  }

  /** What is marked as showing the Monte Carlo bands (`data-bands`: charts, legends). */
  withBands() {
    return this.root.locator('[data-bands]');
  }

  /** The headline strip's cards. */
  headlines() {
    return this.root.locator('.headline');
  }

  /** One headline card, by its id (`winners`, …). */
  headline(id) {
    return this.root.locator(`#headline-${id}`);
  }

  /** The figures of the headline cards. */
  headlineValues() {
    return this.headlines().locator('.value');
  }

  /** What each headline says about the change against the baseline. */
  headlineChanges() {
    return this.headlines().locator('.change');
  }

  /** The uncertainty interval of each headline. */
  headlineIntervals() {
    return this.headlines().locator('.interval');
  }

  /** The sentences that open the headline strip. */
  explain() {
    return this.root.locator('#explain');
  }

  /** The polite live region that reads the sentences out once the input rests. */
  explainLive() {
    return this.root.locator('#explain-live');
  }

  /** The first sentence of the strip, as laid out. */
  lead() {
    return this.root.locator('.explain-lead').first();
  }

  /** The notices shown above the charts. */
  notices() {
    return this.root.locator('.notice');
  }

  /** The notice of a scenario that cannot be computed. */
  errorNotice() {
    return this.root.locator('.notice.error');
  }

  /** The notices a reader can dismiss (all but the error). */
  dismissibleNotices() {
    return this.root.locator('.notice:not(.error)');
  }

  /** The box that holds the notices. */
  noticeBox() {
    return this.root.locator('.notices');
  }

  /** The banner shown when the app cannot start or has crashed. */
  errorBanner() {
    return this.root.locator('#error-banner');
  }

  /** The top bar (absent from embeds). */
  topBar() {
    return this.root.locator('.topbar');
  }

  /** An embed's link to the full app. */
  openFull() {
    return this.root.locator('.app.embedded a.open-full');
  }

  /** The page's Content-Security-Policy, as its meta tag declares it. */
  csp() {
    return this.root.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  }

  /** How many scripts are written inline in the page. */
  inlineScripts() {
    return this.root.locator('script').evaluateAll((all) => all.filter((s) => !s.src).length);
  }

  /** The message for browsers without JavaScript. */
  noscript() {
    return this.root.locator('noscript');
  }

  /** The Share menu. */
  share() {
    return new ShareMenu(this.root);
  }

  /** The Export menu. */
  exports() {
    return new ExportMenu(this);
  }

  /** The saved-scenarios panel of the top bar. */
  saved() {
    return new SavedScenarios(this.root);
  }

  /** The lesson panel; `title` (a string or pattern) picks it by its accessible name. */
  lesson(title) {
    return new LessonPanel(this.root, title);
  }

  /** Who gains and who pays (Distribution tab). */
  winners() {
    return new Winners(this.root);
  }

  /** The typical households' income statements (Distribution tab). */
  households() {
    return new Households(this.root);
  }

  /** "A household like yours": its form and statement (Distribution tab). */
  mine() {
    return new HouseholdForm(this.root);
  }

  /** The Monte Carlo bands' status and the Uncertainty tab. */
  uncertainty() {
    return new Uncertainty(this.root);
  }

  /** The books of the displayed year (Books tab). */
  books() {
    return new Books(this.root);
  }

  /** The reform split into its parts (Fiscal tab). */
  reform() {
    return new Reform(this.root);
  }

  /** The timeline of the phases in force (Resources tab). */
  phases() {
    return new Phases(this.root);
  }

  /** How the model compares with published studies (About tab). */
  validation() {
    return new Validation(this.root);
  }

  /** The table of differences between pinned scenario A and the scenario shown. */
  comparison() {
    return new Comparison(this.root);
  }

  /** Clicks `target` and returns the download it starts. */
  async download(target) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), target.click()]);
    return file;
  }

  /**
   * The serious and critical violations of an accessibility scan (axe-core, injected once;
   * the context must bypass the page's CSP) of `target`, a locator, or of the whole document.
   * `nodes` adds the first few offending elements to each line.
   */
  async accessibilityProblems(target, { nodes = true } = {}) {
    if (!(await this.page.evaluate(() => Boolean(window.axe)))) {
      await this.page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    }
    const options = { resultTypes: ['violations'] };
    const results = target
      ? await target.evaluate(async (el, o) => window.axe.run(el, o), options)
      : await this.page.evaluate(async (o) => window.axe.run(document, o), options);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}${nodes ? ` — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}` : ''}`);
  }

  /** Non-white pixels of a canvas (the income chart by default); 0 if there is none yet. */
  inked(selector = '#chart-income canvas') {
    return this.root.locator(selector).evaluateAll(inkOf);
  }

  /**
   * The first canvas's pixels: a fingerprint of all of them, the count of non-white ones,
   * and the backing store's size.
   */
  pixels() {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      if (!canvas || canvas.width === 0) return { sum: 0, inked: 0, width: 0, height: 0 };
      const context = canvas.getContext('2d');
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) % 1000000007;
        if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked += 1;
      }
      return { sum, inked, width: canvas.width, height: canvas.height };
    });
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

/** The median and 95th percentile of a list of timings. */
function stats(values) {
  if (values.length === 0) return { median: NaN, p95: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95) };
}

/** How a MEASURE line writes `stats`. */
const ms = (s) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;

module.exports = { App, ARTIFACTS, stats, ms };
