// Share links and embedding: a link round-trips through the page, a hostile link opens with
// notices and sane values, Back works, and the embed renders inside the lesson page.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { ARTIFACTS } = require('../pages/app');

test('a link opens its exact scenario and view, and the address bar follows', async ({ page }) => {
  await page.goto('./?v=4&region=fi&bi=800&automation=1.5&p2p=40&tab=distribution&year=2040');
  await expect(page.locator('output[for=bi]')).toHaveText('800 EUR a month');
  await expect(page.locator('output[for=automation]')).toHaveText('1.50 % of tasks a year');
  // A link of the current schema opens without notices.
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect(page.locator('output[for=p2p]')).toHaveText('40 %');
  await expect(page.getByRole('tab', { name: 'Distribution' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('output[for=year]')).toHaveText('2040');
  await expect(page.locator('#chart-lorenz canvas')).toBeVisible({ timeout: 15_000 });
  const url = new URL(page.url());
  expect(url.searchParams.get('region')).toBe('fi');
  expect(url.searchParams.get('bi')).toBe('800');
  expect(url.searchParams.get('tab')).toBe('distribution');

  // Sliders replace the history entry; a region change pushes one, and Back restores it.
  const length = await page.evaluate(() => history.length);
  await page.locator('#bi').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('bi')).toBe('810');
  expect(await page.evaluate(() => history.length)).toBe(length);
  await page.locator('#region').selectOption('uk');
  await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('uk');
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
  await page.goBack();
  await expect(page.locator('output[for=bi]')).toHaveText('810 EUR a month');
  await expect(page.locator('#region')).toHaveValue('fi');
});

test('a link made before model v2 opens its values, with a notice for each changed meaning', async ({ page }) => {
  await page.goto('./?v=1&region=fi&bi=800&automation=1.5&rule=balanced');
  await expect(page.locator('output[for=bi]')).toHaveText('800 EUR a month');
  await expect(page.locator('output[for=automation]')).toHaveText('1.50 % of tasks a year');
  const notices = page.locator('.notice');
  await expect(notices).toHaveCount(2);
  await expect(notices.filter({ hasText: "'Automation rate'" })).toContainText('made before model v2');
  await expect(notices.filter({ hasText: 'balanced rule' })).toContainText('structural');
  // The address bar is rewritten in the current schema.
  await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('5');
});

test('a link made before peer production by category tells what P2P now means', async ({ page }) => {
  await page.goto('./?v=3&region=us&p2p=40');
  await expect(page.locator('output[for=p2p]')).toHaveText('40 %');
  const notices = page.locator('.notice');
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('public support for peer production');
  // P2P at 0 meant no peer production before and still does: no notice.
  await page.goto('./?v=3&region=us&p2p=0');
  await expect(page.locator('output[for=p2p]')).toHaveText('0 %');
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('a hostile link opens with notices that name each problem', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./?v=99&bi=9000&frobnicate=1&automation=NaN&p2p=lots&region=fi&region=mars&year=1900');
  const notices = page.locator('.notice');
  await expect(notices.first()).toBeVisible();
  const text = (await notices.allTextContents()).join(' ');
  expect(text).toContain('version');
  expect(text).toContain('Basic Income');
  expect(text).toContain('frobnicate');
  expect(text).toContain('mars');
  await expect(page.locator('output[for=bi]')).toHaveText('4\u2009000 USD a month');
  // 4,000 USD a month to every adult, half to each child, cannot be paid for: the page says
  // so and shows the no-policy baseline rather than no chart at all.
  await expect(page.locator('.notice.error')).toContainText('status-quo baseline', { timeout: 15_000 });
  await expect(page.locator('.notice.error')).not.toContainText('last scenario');
  await expect(page.locator('canvas').first()).toBeVisible({ timeout: 15_000 });
  // The link's notices can be dismissed (the error stays while the scenario cannot run).
  const dismissible = page.locator('.notice:not(.error)');
  const count = await dismissible.count();
  await dismissible.first().getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(dismissible).toHaveCount(count - 1);
  await expect(page.locator('#error-banner')).toBeHidden();
  expect(errors).toEqual([]);
});

test('share offers the link and an embed snippet for the current view', async ({ page }) => {
  await page.goto('./?v=1&region=uk&bi=700');
  await page.locator('#share-menu > summary').click();
  const link = await page.locator('#share-link').inputValue();
  expect(link).toContain('region=uk');
  expect(link).toContain('bi=700');
  const snippet = await page.locator('#share-embed').inputValue();
  expect(snippet).toContain('<iframe');
  expect(snippet).toContain('embed=1');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#share-menu .share-status')).not.toBeEmpty();
});

test('the embed renders inside the example lesson page and opens the full app', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.goto('./lesson-example.html');
  const first = page.frameLocator('iframe').first();
  await expect(first.locator('canvas')).toBeVisible({ timeout: 20_000 });
  await expect(first.locator('#bi')).toBeVisible();
  await expect(first.locator('.topbar')).toHaveCount(0);
  const second = page.frameLocator('iframe').nth(1);
  await expect(second.locator('#p2p')).toBeVisible({ timeout: 20_000 });
  await expect(second.locator('output[for=p2p]')).toBeVisible();
  const href = await second.getByRole('link', { name: /Open in mapsim/ }).getAttribute('href');
  expect(href).toContain('region=fi');
  expect(href).not.toContain('embed=1');
  await page.locator('iframe').first().screenshot({ path: path.join(ARTIFACTS, 'embed-600x400.png') });
});
