// A chart card of the app: its canvas, legend, unit note and data table.

/**
 * Non-white pixels of a canvas, or of the first of a list of canvases (0 before it has a
 * size). Runs in the page: pass it to `evaluate` or `evaluateAll`.
 */
function inkOf(target) {
  const canvas = Array.isArray(target) ? target[0] : target;
  if (!canvas || canvas.width === 0) return 0;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) n += 1;
  return n;
}

/** A chart card, by chart id (`#chart-<id>`): title, canvas, legend and data table. */
class Chart {
  constructor(root, id) {
    this.id = id;
    /** The card itself. */
    this.card = root.locator(`#chart-${id}`);
    /** The card while it is the one a lesson step highlights. */
    this.focused = root.locator(`#chart-${id}.focus`);
  }

  /** The chart's canvas. */
  canvas() {
    return this.card.locator('canvas');
  }

  /** The legend under the chart. */
  legend() {
    return this.card.locator('.legend');
  }

  /** The note that says in which unit the values are. */
  unit() {
    return this.card.locator('.axis-unit');
  }

  /** The card's "Data" details, which build their table when opened. */
  data() {
    return this.card.locator('details.data');
  }

  /** What opens the data table. */
  dataSummary() {
    return this.data().locator('summary');
  }

  /** The data table (absent until its details open). */
  table() {
    return this.data().locator('table');
  }

  /** The data table's rows. */
  rows() {
    return this.data().locator('tbody tr');
  }

  /** The data table's cells. */
  cells() {
    return this.data().locator('tbody td');
  }

  /** Non-white pixels of the chart's canvas. */
  inked() {
    return this.canvas().evaluate(inkOf);
  }
}

module.exports = { Chart, inkOf };
