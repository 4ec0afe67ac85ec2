// The Monte Carlo bands' status and switch, and the Uncertainty tab's tornado view.

/** The bands' status and switch, and the Uncertainty tab's ranking of what moves an output. */
class Uncertainty {
  constructor(root) {
    this.root = root;
  }

  /** The bands' status: `data-state` running, done or error, and their fingerprint. */
  status() {
    return this.root.locator('#bands-status');
  }

  /** The switch that shows or hides the bands. */
  showBands() {
    return this.root.locator('#show-bands');
  }

  /** The Uncertainty tab's panel. */
  panel() {
    return this.root.locator('.uncertainty');
  }

  /** One row of the tornado per uncertain parameter. */
  rows() {
    return this.root.locator('#tornado tbody tr');
  }

  /** The parameters' names, in the order of the ranking. */
  names() {
    return this.rows().locator('th');
  }

  /** The changes of the output, one cell per row. */
  changes() {
    return this.rows().locator('td');
  }

  /** The tornado's bars. */
  bars() {
    return this.root.locator('#tornado svg rect');
  }

  /** Which output the tornado ranks. */
  outputMenu() {
    return this.root.locator('#tornado-output');
  }

  /** The heading of the ranked output. */
  outputHeading() {
    return this.root.locator('#uncertainty-title ~ h3').first();
  }

  /** How each uncertain parameter is drawn. */
  distributions() {
    return this.root.locator('#distributions');
  }
}

module.exports = { Uncertainty };
