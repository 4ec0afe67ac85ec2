// Tables of the other tabs: the books, the reform's parts, the phases in force, the
// published comparisons, and the comparison with a pinned scenario.

/** The transactions-flow matrix of the displayed year (Books tab). */
class Books {
  constructor(root) {
    this.root = root;
  }

  /** The sums at the end of each row of flows. */
  rowSums() {
    return this.root.locator('#tfm tbody tr:not(.sum) td.sum');
  }

  /** The sums at the foot of each column. */
  columnSums() {
    return this.root.locator('#tfm tr.sum td');
  }

  /** The rows of flows. */
  rows() {
    return this.root.locator('#tfm tbody tr');
  }

  /** Headers that explain themselves on hover. */
  explained() {
    return this.root.locator('#tfm th[title]');
  }
}

/** The reform split into its parts, in an order the reader sets (Fiscal tab). */
class Reform {
  constructor(root) {
    this.root = root;
  }

  /** The whole card. */
  card() {
    return this.root.locator('#reform');
  }

  /** The waterfall table. */
  table() {
    return this.root.locator('#waterfall');
  }

  /** Its rows: the status quo, each part, the scenario. */
  rows() {
    return this.table().locator('tbody tr');
  }

  /** Shown while the parts are being run again. */
  pending() {
    return this.root.locator('#reform-pending');
  }
}

/** The timeline of the production phases in force (Resources tab). */
class Phases {
  constructor(root) {
    this.root = root;
  }

  /** The timeline's table. */
  table() {
    return this.root.locator('#phases');
  }

  /** One row per phase. */
  rows() {
    return this.table().locator('tbody tr');
  }
}

/** How the model compares with published studies (About tab). */
class Validation {
  constructor(root) {
    /** The section, by its heading. */
    this.region = root.getByRole('region', { name: 'How the model compares with published studies' });
    /** The same section, found also while it is hidden. */
    this.section = root.locator('section.validation');
  }

  /** The sentences that say what the table is. */
  explain() {
    return this.region.locator('.explain');
  }

  /** One row per study. */
  rows() {
    return this.region.locator('tbody tr');
  }

  /** Rows still waiting for their verdict. */
  pending() {
    return this.region.locator('tbody tr[data-verdict="pending"]');
  }

  /** Rows still waiting for their verdict, found also while the section is hidden. */
  pendingAnywhere() {
    return this.section.locator('tbody tr[data-verdict="pending"]');
  }

  /** A row's study, by its title. */
  study(row) {
    return row.locator('.study');
  }

  /** A row's verdict in words: Hit or Miss. */
  verdict(row) {
    return row.locator('td.verdict strong');
  }

  /** A row's figures: published, model, distance and tolerance. */
  figures(row) {
    return row.locator('td.num');
  }

  /** What opens a row's source. */
  sourceToggle(row) {
    return row.locator('details.source summary');
  }

  /** A row's source, once opened. */
  source(row) {
    return row.locator('details.source p');
  }

  /** How many are within tolerance. */
  status() {
    return this.region.locator('.validation-status');
  }
}

/** The table of headline differences between pinned scenario A and the scenario shown. */
class Comparison {
  constructor(root) {
    this.root = root;
  }

  /** The table. */
  table() {
    return this.root.locator('#compare-table');
  }

  /** Its rows, one per headline. */
  rows() {
    return this.table().locator('tbody tr');
  }
}

module.exports = { Books, Reform, Phases, Validation, Comparison };
