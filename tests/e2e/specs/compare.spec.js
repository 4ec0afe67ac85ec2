// Comparison: pin scenario A, change the sliders for B, see both on every chart and a table
// of headline differences; the comparison survives in the share link.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('pinning A and changing B shows both, and the link keeps the comparison', async ({ page }) => {
  const app = await new App(page).open('./?v=1&region=us&bi=500');
  const comparison = app.comparison();
  await page.getByRole('button', { name: 'Pin as A to compare' }).click();
  await expect(comparison.table()).toBeVisible();
  // A Basic Income the balanced rule can still pay for (4,000 a month cannot be, since
  // model v2 part 2 pays children and pensioners too).
  await app.setValue('bi', 1500);
  await expect(app.output('bi')).toHaveText('1\u2009500 USD a month');
  await expect(page.getByText('dotted: pinned scenario A').first()).toBeVisible();
  const firstDiff = comparison.rows().first().locator('td').nth(2);
  await expect(firstDiff).not.toHaveText(/^0 /);
  // The address bar follows a moving slider at most every 250 ms (page_hooks.rs).
  await expect.poll(() => new URL(page.url()).searchParams.get('bi')).toBe('1500');
  const url = new URL(page.url());
  expect(url.searchParams.get('a.bi')).toBe('500');
  expect(url.searchParams.get('bi')).toBe('1500');
  await page.screenshot({ path: path.join(ARTIFACTS, 'compare.png') });

  await page.reload();
  await expect(comparison.table()).toBeVisible({ timeout: 15_000 });
  await expect(app.pinButton()).toHaveAttribute('aria-pressed', 'true');
  await app.pinButton().click();
  await expect(comparison.table()).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('a.bi')).toBeNull();
});
