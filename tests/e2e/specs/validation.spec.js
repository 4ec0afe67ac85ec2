// "How the model compares with published studies" (About tab): every entry of
// models/validation.toml is evaluated in the browser and shown with its unit and a Hit or Miss
// verdict in words; the evaluation waits while the user moves a slider, so it never delays one.
const { test, expect } = require('@playwright/test');

const { App } = require('../pages/app');

test('the About tab lists every published comparison with a Hit or Miss verdict', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = await new App(page).goto('./?tab=about');
  const validation = app.validation();
  await expect(validation.region).toBeVisible({ timeout: 15_000 });
  await expect(validation.explain()).toContainText('NOT calibrated to');
  await expect(validation.explain()).toContainText('a miss is shown as a miss');
  const rows = validation.rows();
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  // Every row gets its verdict (each entry runs the model once or twice).
  await expect(validation.pending()).toHaveCount(0, { timeout: 30_000 });
  await expect(validation.status()).toContainText('within tolerance');
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    const row = rows.nth(i);
    const verdict = await row.getAttribute('data-verdict');
    const study = await validation.study(row).textContent();
    expect(['hit', 'miss'], `${study}: evaluated`).toContain(verdict);
    // The verdict is in words, not colour alone.
    await expect(validation.verdict(row)).toHaveText(verdict === 'hit' ? 'Hit' : 'Miss');
    // Published, model, distance and tolerance each carry the entry's unit.
    const cells = await validation.figures(row).allTextContents();
    expect(cells.length, study).toBe(4);
    const unit = cells[0].replace(/^[−+]?[\d.\u2009]+ /, '');
    expect(unit.length, `${study}: a unit in "${cells[0]}"`).toBeGreaterThan(0);
    for (const cell of cells) expect(cell, study).toContain(unit);
    expect(cells[2], `${study}: distance is signed or zero`).toMatch(/^([+−]|0\.00 )/);
    expect(cells[3]).toMatch(/^± /);
    await expect(validation.sourceToggle(row)).toHaveText('Source');
  }
  // The study's source opens from its title cell.
  await validation.sourceToggle(rows.first()).click();
  await expect(validation.source(rows.first())).toBeVisible();
  expect(errors).toEqual([]);
});

test('the comparison waits while a slider moves, and finishes once it rests', async ({ page }) => {
  const app = await new App(page).open('./?bands=off', { chart: 'income' });
  await app.tab('About the model').click();
  const result = await app.control('bi').evaluate(async (slider) => {
    const t0 = performance.now();
    // Two seconds of slider input, every 100 ms (the evaluation waits for 400 ms of rest).
    for (let i = 0; i < 20; i += 1) {
      slider.value = String(800 + 50 * (i % 4));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 100));
    }
    const t1 = performance.now();
    const during = performance.getEntriesByName('mapsim:validation', 'measure')
      .filter((m) => m.startTime >= t0 && m.startTime <= t1);
    const models = performance.getEntriesByName('mapsim:model', 'measure').filter((m) => m.startTime >= t0);
    return { during: during.length, models: models.length };
  });
  expect(result.during, 'evaluations while the slider moved').toBe(0);
  expect(result.models, 'model runs for the slider inputs').toBeGreaterThan(10);
  const validation = app.validation();
  await expect(validation.pending()).toHaveCount(0, { timeout: 30_000 });
  const slices = await page.evaluate(() =>
    performance.getEntriesByName('mapsim:validation', 'measure').map((m) => m.duration));
  const longest = Math.max(...slices);
  const total = slices.reduce((a, b) => a + b, 0);
  console.log(`MEASURE validation table: ${slices.length} entries, ${total.toFixed(0)} ms in all, longest slice ${longest.toFixed(0)} ms (main thread, only while the controls rest)`);
  // Evaluated once per session: leaving and reopening the tab does not run the model again.
  await app.tab('Overview').click();
  await app.tab('About the model').click();
  await expect(validation.pending()).toHaveCount(0);
  await page.waitForTimeout(600);
  const after = await page.evaluate(() => performance.getEntriesByName('mapsim:validation', 'measure').length);
  expect(after).toBe(slices.length);
});
