// The baseline (issue 18): the dashed line is the status quo by default; "Use as baseline"
// makes the current policies the baseline, which links carry (b.-keys) and the headlines,
// legends and controls name; "Compare with the status quo" goes back.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('a reader makes the scenario the baseline, changes a policy, shares it and goes back', async ({ page }) => {
  const app = await new App(page).open('./?v=5&region=us&bi=800', { chart: 'income' });
  const legend = app.chart('income').legend();
  await expect(legend).toContainText('dashed: status quo');
  const button = app.baselineButton();
  await expect(button).toHaveText('Use as baseline');
  await button.click();
  await expect(button).toHaveText('Compare with the status quo');
  await expect(page).toHaveURL(/b\.bi=800/);
  await expect(legend).toContainText('dashed: your baseline');
  // Scenario and baseline are the same until a policy moves.
  await expect(app.headlineChanges().first()).toHaveText('same as your baseline');
  await app.control('bi').fill('1000');
  await expect(app.output('bi')).toHaveText(/^1.000 USD a month$/);
  await expect(app.headlineChanges().first()).toContainText('vs your baseline');
  await expect(app.baselineValues().first()).toContainText('Your baseline: 800 USD a month');
  // The link reopens the same comparison (the address bar follows a moving slider at most
  // every 250 ms: page_hooks.rs). 1,000 is the default, which links leave out.
  await expect.poll(() => new URL(page.url()).searchParams.get('bi')).toBeNull();
  expect(new URL(page.url()).searchParams.get('b.bi')).toBe('800');
  const url = page.url();
  await page.goto('about:blank');
  await app.goto(url);
  await expect(app.baselineButton()).toHaveText('Compare with the status quo', { timeout: 15_000 });
  await expect(app.headlineChanges().first()).toContainText('vs your baseline', { timeout: 15_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'baseline-custom.png') });
  await app.baselineButton().click();
  await expect(page).not.toHaveURL(/b\.bi=/);
  await expect(legend).toContainText('dashed: status quo');
});

test('each control says whether it is a policy or an assumption', async ({ page }) => {
  const app = await new App(page).open('./', { chart: 'income' });
  await expect(app.role('bi')).toHaveText('policy');
  await expect(app.role('automation')).toHaveText('assumption');
});

test('an older link that changed a tax opens with its old comparison and says so', async ({ page }) => {
  const app = await new App(page).goto('./?v=4&region=us&bi=900&automation_tax=20');
  await expect(app.noticeBox()).toContainText('your own baseline', { timeout: 15_000 });
  await expect(app.baselineButton()).toHaveText('Compare with the status quo');
  await expect(page).toHaveURL(/b\.automation_tax=20/);
});

test('the Fiscal tab splits the reform into its parts, in an order the reader sets', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=us&automation_tax=20&tab=fiscal');
  const reform = app.reform();
  await expect(reform.table()).toBeVisible({ timeout: 15_000 });
  // The status quo, four parts, the scenario.
  const rows = reform.rows();
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(1).locator('th')).toHaveText('+ Basic Income');
  const before = await rows.nth(1).locator('td').first().textContent();
  // Tasks of 50 ms or more while the steps run (Chrome's long tasks): each step is its own task.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Move Financing earlier' }).click();
  await expect(rows.nth(1).locator('th')).toHaveText('+ Financing', { timeout: 10_000 });
  await expect(reform.pending()).toHaveCount(0, { timeout: 10_000 });
  const elapsed = Date.now() - started;
  const long = await page.evaluate(() => window.longTasks);
  console.log(`MEASURE stacked reform (4 parts, each a full run) redrawn ${elapsed} ms after a reorder (including the 150 ms quiet time); tasks over 50 ms meanwhile: ${long.length}${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`);
  // The whole change does not depend on the order; each part's share does.
  await expect(rows.nth(1).locator('td').first()).not.toHaveText(before);
  await reform.card().screenshot({ path: path.join(ARTIFACTS, 'reform-waterfall.png') });
});
