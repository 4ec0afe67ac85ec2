// The books view: the transactions-flow matrix and balance sheet of the displayed year, in
// which every row and column of the flows sums to zero.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('the books of the displayed year balance', async ({ page }) => {
  const app = await new App(page).goto('./?v=1&region=fi&bi=800&tab=books&year=2040');
  await expect(page.getByRole('heading', { name: 'The books of 2040' })).toBeVisible({ timeout: 15_000 });
  const books = app.books();
  const rowSums = await books.rowSums().allTextContents();
  expect(rowSums.length).toBeGreaterThan(15);
  for (const s of rowSums) expect(s).toBe('0');
  const columnSums = await books.columnSums().allTextContents();
  for (const s of columnSums) expect(s).toBe('0');
  const first = await books.rows().first().locator('td').first().textContent();
  expect(first).not.toBe('0');
  await expect(books.explained().first()).toHaveAttribute('title', /.+/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'books.png'), fullPage: true });
});
