// The app's controls: region, presets, tabs, and an infeasible scenario shown as a notice
// while the charts keep the last scenario that could be computed.
const { test, expect } = require('@playwright/test');
const { App } = require('../pages/app');

test('switching region changes the currency and keeps the charts', async ({ page }) => {
  const app = await new App(page).open();
  await app.control('region').selectOption('fi');
  await expect(app.output('bi')).toContainText('EUR a month');
  await expect(app.cards()).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Median real disposable income' })).toBeVisible();
});

test('a preset applies its values and can be reset', async ({ page }) => {
  const app = await new App(page).open();
  await app.control('preset').selectOption('automation_without_bi');
  await expect(app.output('bi')).toContainText('0 USD a month');
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(app.output('bi')).toContainText('1\u2009000 USD a month');
});

test('tabs show the fiscal and resource charts', async ({ page }) => {
  const app = await new App(page).open();
  await app.tab('Fiscal detail').click();
  await expect(page.getByRole('heading', { name: 'Revenue by instrument' })).toBeVisible();
  await app.tab('Resources and work').click();
  await expect(page.getByRole('heading', { name: 'Material use against a sustainable budget' })).toBeVisible();
});

test('the fiscal tab draws inflation, capacity use and trade, each with its unit', async ({ page }) => {
  const app = await new App(page).open();
  await app.tab('Fiscal detail').click();
  for (const [id, title, note, cell] of [
    ['inflation', 'Inflation pressure', 'Values in % a year', '% a year'],
    ['capacity', 'Capacity use', 'Values as an index (base year = 100)', '(index)'],
    ['trade', 'Trade and foreign assets', 'Values in % of GDP', '% of GDP'],
  ]) {
    const chart = app.chart(id);
    await expect(chart.card.getByRole('heading', { name: title })).toBeVisible();
    await expect(chart.unit()).toHaveText(note);
    await expect.poll(() => chart.inked(), { timeout: 10_000 }).toBeGreaterThan(1000);
    await chart.dataSummary().click();
    // The table is built when its details open: wait for it.
    await expect.poll(() => chart.cells().count(), { timeout: 5_000 }).toBeGreaterThan(10);
    const cells = await chart.cells().allTextContents();
    for (const text of cells) expect(text, `${title}: "${text}" has its unit`).toContain(cell);
  }
  await expect(app.chart('trade').legend()).toContainText('Current account');
  await expect(app.chart('trade').legend()).toContainText('Net foreign assets');
  await expect(app.chart('spending').legend()).toContainText('Pensions');
  // The four costs of the Basic Income, first on the tab.
  for (const cost of ['gross', 'net', 'budget', 'dynamic']) {
    await expect(app.chart('bi_costs').legend()).toContainText(`Basic Income ${cost} cost`);
  }
  const benefits = app.chart('benefits').legend();
  await expect(benefits).toContainText('Unemployment benefits');
  await expect(benefits).toContainText('Child benefit');
  await expect(benefits).toContainText('Means-tested assistance');
});

test('an infeasible scenario shows a readable notice, never a blank chart', async ({ page }) => {
  const app = await new App(page).open();
  await app.control('region').selectOption('ng');
  const slider = page.getByRole('slider', { name: 'Basic Income', exact: true });
  await slider.focus();
  await slider.press('End');
  const notice = app.errorNotice();
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toContainText('income tax rate');
  await expect(notice).toContainText('the last scenario that could be computed');
  await expect(app.canvas()).toBeVisible();
  await expect(app.errorBanner()).toBeHidden();
});

test('every control has a label, and help opens from the keyboard', async ({ page }) => {
  const app = await new App(page).open();
  expect(await app.unlabelled()).toBe(0);
  const about = page.getByLabel('About Basic Income', { exact: true });
  await about.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('A payment every adult receives every month').first()).toBeVisible();
});

test('a chart\'s data table appears when its details open, and follows the sliders', async ({ page }) => {
  const app = await new App(page).open();
  const income = app.chart('income');
  await expect(income.table()).toHaveCount(0);
  await income.dataSummary().click();
  await expect(income.cells().first()).toContainText('USD a month');
  const before = await income.rows().nth(5).textContent();
  await app.setValue('bi', 1800);
  await expect(income.rows().nth(5)).not.toHaveText(before);
});
