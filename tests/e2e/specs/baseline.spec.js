// The baseline (issue 18): the dashed line is the status quo by default; "Use as baseline"
// makes the current policies the baseline, which links carry (b.-keys) and the headlines,
// legends and controls name; "Compare with the status quo" goes back.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { ARTIFACTS } = require('../pages/app');

test('a reader makes the scenario the baseline, changes a policy, shares it and goes back', async ({ page }) => {
  await page.goto('./?v=5&region=us&bi=800');
  await expect(page.locator('#chart-income canvas')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#chart-income .legend')).toContainText('dashed: status quo');
  const button = page.locator('#baseline');
  await expect(button).toHaveText('Use as baseline');
  await button.click();
  await expect(button).toHaveText('Compare with the status quo');
  await expect(page).toHaveURL(/b\.bi=800/);
  await expect(page.locator('#chart-income .legend')).toContainText('dashed: your baseline');
  // Scenario and baseline are the same until a policy moves.
  await expect(page.locator('.headline .change').first()).toHaveText('same as your baseline');
  const slider = page.locator('#bi');
  await slider.fill('1000');
  await expect(page.locator('output[for=bi]')).toHaveText(/^1.000 USD a month$/);
  await expect(page.locator('.headline .change').first()).toContainText('vs your baseline');
  await expect(page.locator('.control .baseline').first()).toContainText('Your baseline: 800 USD a month');
  // The link reopens the same comparison.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.locator('#baseline')).toHaveText('Compare with the status quo', { timeout: 15_000 });
  await expect(page.locator('.headline .change').first()).toContainText('vs your baseline', { timeout: 15_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'baseline-custom.png') });
  await page.locator('#baseline').click();
  await expect(page).not.toHaveURL(/b\.bi=/);
  await expect(page.locator('#chart-income .legend')).toContainText('dashed: status quo');
});

test('each control says whether it is a policy or an assumption', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#chart-income canvas')).toBeVisible({ timeout: 15_000 });
  const roleOf = (id) => page.locator('.control').filter({ has: page.locator(`#${id}`) }).locator('.role');
  await expect(roleOf('bi')).toHaveText('policy');
  await expect(roleOf('automation')).toHaveText('assumption');
});

test('an older link that changed a tax opens with its old comparison and says so', async ({ page }) => {
  await page.goto('./?v=4&region=us&bi=900&automation_tax=20');
  await expect(page.locator('.notices')).toContainText('your own baseline', { timeout: 15_000 });
  await expect(page.locator('#baseline')).toHaveText('Compare with the status quo');
  await expect(page).toHaveURL(/b\.automation_tax=20/);
});

test('the Fiscal tab splits the reform into its parts, in an order the reader sets', async ({ page }) => {
  await page.goto('./?v=5&region=us&automation_tax=20&tab=fiscal');
  const table = page.locator('#waterfall');
  await expect(table).toBeVisible({ timeout: 15_000 });
  // The status quo, four parts, the scenario.
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.locator('tbody tr').nth(1).locator('th')).toHaveText('+ Basic Income');
  const before = await table.locator('tbody tr').nth(1).locator('td').first().textContent();
  // Tasks of 50 ms or more while the steps run (Chrome's long tasks): each step is its own task.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Move Financing earlier' }).click();
  await expect(table.locator('tbody tr').nth(1).locator('th')).toHaveText('+ Financing', { timeout: 10_000 });
  await expect(page.locator('#reform-pending')).toHaveCount(0, { timeout: 10_000 });
  const elapsed = Date.now() - started;
  const long = await page.evaluate(() => window.longTasks);
  console.log(`MEASURE stacked reform (4 parts, each a full run) redrawn ${elapsed} ms after a reorder (including the 150 ms quiet time); tasks over 50 ms meanwhile: ${long.length}${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`);
  // The whole change does not depend on the order; each part's share does.
  await expect(table.locator('tbody tr').nth(1).locator('td').first()).not.toHaveText(before);
  await page.locator('#reform').screenshot({ path: path.join(ARTIFACTS, 'reform-waterfall.png') });
});
