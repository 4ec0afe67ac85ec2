// Monte Carlo bands from the Web Workers: they appear after a slider change, reproduce the
// native engine's bands bit for bit, never cause a long task on the main thread during a
// drag, and the tornado view ranks the uncertain parameters.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

/// The fingerprint the native test froze for a link (tests/bands_fingerprint.txt).
function frozen(link) {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'bands_fingerprint.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${link} `));
  return line.split(' ')[1];
}

test('bands appear after a slider change and match the native engine', async ({ page }) => {
  // Two full Monte Carlo runs of 200 draws: allow for a slow machine.
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = await new App(page).goto('./?v=1');
  const income = app.chart('income');
  const status = app.uncertainty().status();
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-fingerprint', frozen('?v=1&draws=200'));
  await expect(income.card).toHaveAttribute('data-bands', '200');
  await expect(app.headlineIntervals().first()).toContainText('90 % of draws:');
  await expect(income.legend()).toContainText('shaded: where 50 %');

  // The bands download as CSV, ordered, with how they were made.
  const exports = app.exports();
  await exports.toggle();
  const file = await app.download(exports.item('bands'));
  expect(file.suggestedFilename()).toBe('mapsim-us-bands.csv');
  const text = fs.readFileSync(await file.path(), 'utf8');
  expect(text).toContain('# mapsim Monte Carlo: 200 draws');
  expect(text).toContain('# drawn: tfp_growth ~ triangular');
  const rows = text.split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split(','));
  expect(rows.length).toBeGreaterThan(1000);
  for (const r of rows) {
    const b = r.slice(4).map(Number);
    for (let k = 1; k < b.length; k += 1) expect(b[k]).toBeGreaterThanOrEqual(b[k - 1]);
  }
  await exports.close();

  // A new value: the old bands go (they belonged to another scenario), new ones come.
  await app.setValue('bi', 1400);
  await expect(income.card).not.toHaveAttribute('data-bands', '200', { timeout: 2_000 });
  await expect(income.card).toHaveAttribute('data-bands', /\d+/, { timeout: 10_000 });
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await income.card.screenshot({ path: path.join(ARTIFACTS, 'bands-income.png') });

  // The switch hides them and travels in the link.
  await app.uncertainty().showBands().uncheck();
  await expect(income.card).not.toHaveAttribute('data-bands', /.*/);
  await expect(page).toHaveURL(/bands=off/);
  expect(errors).toEqual([]);
});

test('measure: main-thread work of the Monte Carlo during a drag, and the bands after it', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await new App(page).goto('./?v=1');
  await expect(app.uncertainty().status()).toHaveAttribute('data-state', /running|done/, { timeout: 30_000 });
  const result = await app.control('bi').evaluate(async (slider) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, end: e.startTime + e.duration })));
    observer.observe({ entryTypes: ['longtask'] });
    performance.clearMeasures('mapsim:bands');
    const t0 = performance.now();
    // A continuous drag: an input every frame for 60 frames, then the bands of the last value.
    for (let i = 0; i < 60; i += 1) {
      slider.value = String(600 + 10 * i);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
    }
    const dragEnd = performance.now();
    const done = () => document.querySelector('#bands-status').dataset.state === 'done';
    const shown = () => document.querySelector('#chart-income').dataset.bands !== undefined;
    let firstBands = NaN;
    while (!done() && performance.now() - dragEnd < 20_000) {
      if (Number.isNaN(firstBands) && shown()) firstBands = performance.now() - dragEnd;
      await new Promise((r) => setTimeout(r, 10));
    }
    observer.disconnect();
    const bands = performance.getEntriesByName('mapsim:bands', 'measure').map((m) => ({ start: m.startTime, end: m.startTime + m.duration }));
    const overlapping = longTasks.filter((t) => bands.some((b) => b.start < t.end && b.end > t.start));
    const duringDrag = longTasks.filter((t) => t.start >= t0 && t.start < dragEnd);
    return {
      longTasks: longTasks.length,
      duringDrag: duringDrag.length,
      causedByMonteCarlo: overlapping.length,
      bandWork: bands.map((b) => b.end - b.start),
      firstBandsAfter: firstBands,
      allBandsAfter: performance.now() - dragEnd,
    };
  });
  const work = [...result.bandWork].sort((a, b) => a - b);
  console.log(`MEASURE Monte Carlo (200 draws, workers: ${await page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)))}): first bands ${result.firstBandsAfter.toFixed(0)} ms after the last input, all ${result.allBandsAfter.toFixed(0)} ms (including the 250 ms quiet time)`);
  console.log(`MEASURE main-thread band updates: ${work.length}, median ${work[Math.floor(work.length / 2)]?.toFixed(2)} ms, max ${work[work.length - 1]?.toFixed(2)} ms; long tasks during a 60-frame drag: ${result.duringDrag}, overlapping band work: ${result.causedByMonteCarlo}`);
  // Speed is measured, not asserted (a slow machine turns a redraw into a long task): the
  // figures above go to BENCHMARKS.md. What must hold anywhere: the bands arrive after the
  // drag, applied in slices on the main thread.
  expect(result.bandWork.length).toBeGreaterThan(0);
  expect(Number.isFinite(result.firstBandsAfter)).toBe(true);
});

test('the tornado view ranks what moves an output', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const app = await new App(page).goto('./?v=1&tab=uncertainty');
  const tornado = app.uncertainty();
  const rows = tornado.rows();
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  expect(await rows.count()).toBeGreaterThanOrEqual(9);
  // The widest bar spans half the track; every bar has a width.
  const widths = await tornado.bars().evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  expect(Math.max(...widths)).toBeCloseTo(100, 1);
  expect(widths.every((w) => w >= 0)).toBe(true);
  await expect(tornado.distributions()).toContainText('triangular');
  const before = await tornado.names().allTextContents();
  await tornado.outputMenu().selectOption({ label: 'Unemployment' });
  await expect(tornado.outputHeading()).toContainText('Unemployment');
  // Another output, another ranking (its rows are the same parameters in another order or
  // with other changes), with units on every change.
  await expect(tornado.changes().first()).toContainText('pp');
  expect((await tornado.names().allTextContents()).length).toBe(before.length);
  await tornado.panel().screenshot({ path: path.join(ARTIFACTS, 'tornado.png') });
  expect(problems).toEqual([]);
});

test('measure: Monte Carlo of 200 and 1000 draws in the browser', async ({ page }) => {
  test.setTimeout(120_000);
  for (const draws of [200, 1000]) {
    const app = await new App(page).open(`./?v=1&draws=${draws}`, { chart: 'income' });
    const t0 = Date.now();
    await expect(app.uncertainty().status()).toHaveAttribute('data-state', 'done', { timeout: 100_000 });
    const elapsed = Date.now() - t0;
    const workers = await page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)));
    console.log(`MEASURE Monte Carlo in the browser, ${draws} draws on ${workers} workers (N = 600, 50 years): ${elapsed} ms from the first chart to all bands`);
    // Draws that ran (a rare draw has an infeasible financing rule and is left out).
    const ran = Number(await app.chart('income').card.getAttribute('data-bands'));
    expect(ran).toBeGreaterThan(0.98 * draws);
    expect(ran).toBeLessThanOrEqual(draws);
  }
});

test('the Uncertainty tab passes an accessibility scan', async ({ browser }) => {
  test.setTimeout(90_000);
  // axe is injected as a script, which the page's CSP rightly forbids: bypass it for the scan.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const app = await new App(page).goto('./?v=1&tab=uncertainty');
  const uncertainty = app.uncertainty();
  await expect(uncertainty.rows().first()).toBeVisible({ timeout: 60_000 });
  expect(await app.accessibilityProblems(uncertainty.panel())).toEqual([]);
  await context.close();
});

test('if the worker cannot start, the page says so and the charts still work', async ({ page }) => {
  await page.route('**/worker_bg.wasm', (route) => route.abort());
  const app = await new App(page).open('./?v=1', { chart: 'income' });
  const status = app.uncertainty().status();
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 15_000 });
  await expect(status).toContainText('could not be computed');
  await app.setValue('bi', 1500);
  await expect(app.output('bi')).toContainText('1\u2009500');
  // The new scenario gets the same message, not an endless "computing".
  await expect(status).toHaveAttribute('data-state', 'error', { timeout: 5_000 });
  await expect(app.errorBanner()).toBeHidden();
});
