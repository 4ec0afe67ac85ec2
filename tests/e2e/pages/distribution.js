// The Distribution tab's cards: who gains and who pays, the typical households, and a
// household like yours.
const { Chart } = require('./chart');

/** Who gains and who pays: the winners chart, its summary sentence and its tables. */
class Winners {
  constructor(root) {
    this.root = root;
    /** The chart of changes by decile. */
    this.chart = new Chart(root, 'winners');
    /** The card of the shares by group. */
    this.groups = new Chart(root, 'winners-groups');
  }

  /** "In 2040, N % of people are better off …". */
  summary() {
    return this.root.locator('#winners-summary');
  }

  /** Everyone, the person groups and the household types, with their shares. */
  shares() {
    return this.root.locator('#winners-shares tbody tr');
  }

  /** The ten deciles of the data table. */
  deciles() {
    return this.root.locator('#winners-deciles tbody tr');
  }
}

/** The typical households and their income statements. */
class Households {
  constructor(root) {
    this.root = root;
  }

  /** One row per typical household. */
  rows() {
    return this.root.locator('#households-summary tbody tr');
  }

  /** What opens each household's whole statement. */
  toggles() {
    return this.root.locator('#households details summary');
  }

  /** The line names of a household's statement, by its id. */
  statementLines(id) {
    return this.root.locator(`#statement-${id} tbody tr th`);
  }
}

/** "A household like yours": the form, its messages and its income statement. */
class HouseholdForm {
  constructor(root) {
    this.root = root;
  }

  /** The whole card. */
  card() {
    return this.root.locator('#mine');
  }

  /** A field of the form: `adults`, `children`, `wealth`, `earnings-0`, … */
  field(name) {
    return this.root.locator(`#mine-${name}`);
  }

  /** The message beside a field with a bad value. */
  error(name) {
    return this.root.locator(`#mine-${name}-error`);
  }

  /** Types a value into a field and leaves it (a change event). */
  async set(name, value) {
    await this.field(name).fill(value);
    await this.field(name).dispatchEvent('change');
  }

  /** The box that puts the household into the share link. */
  shareBox() {
    return this.field('share');
  }

  /** The sentence that sums up the statement. */
  summary() {
    return this.root.locator('#mine-summary');
  }

  /** The statement's rows. */
  statement() {
    return this.root.locator('#statement-mine tbody tr');
  }
}

module.exports = { Winners, Households, HouseholdForm };
