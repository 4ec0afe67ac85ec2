// The app's controls: region, presets, tabs, and an infeasible scenario shown as a notice
// while the charts keep the last scenario that could be computed.
const { test, expect } = require('@playwright/test');
const { App } = require('../pages/app');

test('switching region changes the currency and keeps the charts', async ({ page }) => {
  await new App(page).open();
  await page.locator('#region').selectOption('fi');
  await expect(page.locator('output[for=bi]')).toContainText('EUR a month');
  await expect(page.locator('.card')).toHaveCount(6);
  await expect(page.getByRole('heading', { name: 'Median real disposable income' })).toBeVisible();
});

test('a preset applies its values and can be reset', async ({ page }) => {
  await new App(page).open();
  await page.locator('#preset').selectOption('automation_without_bi');
  await expect(page.locator('output[for=bi]')).toContainText('0 USD a month');
  await page.getByRole('button', { name: 'Reset all' }).click();
  await expect(page.locator('output[for=bi]')).toContainText('1\u2009000 USD a month');
});

test('tabs show the fiscal and resource charts', async ({ page }) => {
  await new App(page).open();
  await page.getByRole('tab', { name: 'Fiscal detail' }).click();
  await expect(page.getByRole('heading', { name: 'Revenue by instrument' })).toBeVisible();
  await page.getByRole('tab', { name: 'Resources and work' }).click();
  await expect(page.getByRole('heading', { name: 'Material use against a sustainable budget' })).toBeVisible();
});

test('the fiscal tab draws inflation, capacity use and trade, each with its unit', async ({ page }) => {
  await new App(page).open();
  await page.getByRole('tab', { name: 'Fiscal detail' }).click();
  for (const [id, title, note, cell] of [
    ['inflation', 'Inflation pressure', 'Values in % a year', '% a year'],
    ['capacity', 'Capacity use', 'Values as an index (base year = 100)', '(index)'],
    ['trade', 'Trade and foreign assets', 'Values in % of GDP', '% of GDP'],
  ]) {
    const card = page.locator(`#chart-${id}`);
    await expect(card.getByRole('heading', { name: title })).toBeVisible();
    await expect(card.locator('.axis-unit')).toHaveText(note);
    await expect.poll(() => card.locator('canvas').evaluate((c) => {
      if (c.width === 0) return 0;
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) n += 1;
      return n;
    }), { timeout: 10_000 }).toBeGreaterThan(1000);
    await card.locator('details.data summary').click();
    // The table is built when its details open: wait for it.
    await expect.poll(() => card.locator('tbody td').count(), { timeout: 5_000 }).toBeGreaterThan(10);
    const cells = await card.locator('tbody td').allTextContents();
    for (const text of cells) expect(text, `${title}: "${text}" has its unit`).toContain(cell);
  }
  await expect(page.locator('#chart-trade .legend')).toContainText('Current account');
  await expect(page.locator('#chart-trade .legend')).toContainText('Net foreign assets');
  await expect(page.locator('#chart-spending .legend')).toContainText('Pensions');
  // The four costs of the Basic Income, first on the tab.
  for (const cost of ['gross', 'net', 'budget', 'dynamic']) {
    await expect(page.locator('#chart-bi_costs .legend')).toContainText(`Basic Income ${cost} cost`);
  }
  await expect(page.locator('#chart-benefits .legend')).toContainText('Unemployment benefits');
  await expect(page.locator('#chart-benefits .legend')).toContainText('Child benefit');
  await expect(page.locator('#chart-benefits .legend')).toContainText('Means-tested assistance');
});

test('an infeasible scenario shows a readable notice, never a blank chart', async ({ page }) => {
  await new App(page).open();
  await page.locator('#region').selectOption('ng');
  const slider = page.getByRole('slider', { name: 'Basic Income', exact: true });
  await slider.focus();
  await slider.press('End');
  const notice = page.locator('.notice.error');
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toContainText('income tax rate');
  await expect(notice).toContainText('the last scenario that could be computed');
  await expect(page.locator('canvas').first()).toBeVisible();
  await expect(page.locator('#error-banner')).toBeHidden();
});

test('every control has a label, and help opens from the keyboard', async ({ page }) => {
  await new App(page).open();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select')].filter((el) => {
      const id = el.id;
      const label = id && document.querySelector(`label[for="${id}"]`);
      return !label && !el.closest('label') && !el.getAttribute('aria-label');
    }).length);
  expect(unlabelled).toBe(0);
  const about = page.getByLabel('About Basic Income', { exact: true });
  await about.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('A payment every adult receives every month').first()).toBeVisible();
});

test('a chart\'s data table appears when its details open, and follows the sliders', async ({ page }) => {
  await new App(page).open();
  const details = page.locator('#chart-income details.data');
  await expect(details.locator('table')).toHaveCount(0);
  await details.locator('summary').click();
  const cells = details.locator('tbody td');
  await expect(cells.first()).toContainText('USD a month');
  const before = await details.locator('tbody tr').nth(5).textContent();
  await page.locator('#bi').evaluate((el) => {
    el.value = '1800';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(details.locator('tbody tr').nth(5)).not.toHaveText(before);
});
