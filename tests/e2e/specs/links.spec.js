// Share links and embedding: a link round-trips through the page, a hostile link opens with
// notices and sane values, Back works, and the embed renders inside the lesson page.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');
const { LessonPage } = require('../pages/embeds');

test('a link opens its exact scenario and view, and the address bar follows', async ({ page }) => {
  const app = await new App(page).goto('./?v=4&region=fi&bi=800&automation=1.5&p2p=40&tab=distribution&year=2040');
  await expect(app.output('bi')).toHaveText('800 EUR a month');
  await expect(app.output('automation')).toHaveText('1.50 % of tasks a year');
  // A link of the current schema opens without notices.
  await expect(app.notices()).toHaveCount(0);
  await expect(app.output('p2p')).toHaveText('40 %');
  await expect(app.tab('Distribution')).toHaveAttribute('aria-selected', 'true');
  await expect(app.output('year')).toHaveText('2040');
  await expect(app.chart('lorenz').canvas()).toBeVisible({ timeout: 15_000 });
  const url = new URL(page.url());
  expect(url.searchParams.get('region')).toBe('fi');
  expect(url.searchParams.get('bi')).toBe('800');
  expect(url.searchParams.get('tab')).toBe('distribution');

  // Sliders replace the history entry; a region change pushes one, and Back restores it.
  const length = await page.evaluate(() => history.length);
  await app.control('bi').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('bi')).toBe('810');
  expect(await page.evaluate(() => history.length)).toBe(length);
  await app.control('region').selectOption('uk');
  await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('uk');
  expect(await page.evaluate(() => history.length)).toBe(length + 1);
  await page.goBack();
  await expect(app.output('bi')).toHaveText('810 EUR a month');
  await expect(app.control('region')).toHaveValue('fi');
});

test('a link made before model v2 opens its values, with a notice for each changed meaning', async ({ page }) => {
  const app = await new App(page).goto('./?v=1&region=fi&bi=800&automation=1.5&rule=balanced');
  await expect(app.output('bi')).toHaveText('800 EUR a month');
  await expect(app.output('automation')).toHaveText('1.50 % of tasks a year');
  const notices = app.notices();
  await expect(notices).toHaveCount(2);
  await expect(notices.filter({ hasText: "'Automation rate'" })).toContainText('made before model v2');
  await expect(notices.filter({ hasText: 'balanced rule' })).toContainText('structural');
  // The address bar is rewritten in the current schema.
  await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('5');
});

test('a link made before peer production by category tells what P2P now means', async ({ page }) => {
  const app = await new App(page).goto('./?v=3&region=us&p2p=40');
  await expect(app.output('p2p')).toHaveText('40 %');
  const notices = app.notices();
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('public support for peer production');
  // P2P at 0 meant no peer production before and still does: no notice.
  await app.goto('./?v=3&region=us&p2p=0');
  await expect(app.output('p2p')).toHaveText('0 %');
  await expect(app.notices()).toHaveCount(0);
});

test('a hostile link opens with notices that name each problem', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = await new App(page).goto('./?v=99&bi=9000&frobnicate=1&automation=NaN&p2p=lots&region=fi&region=mars&year=1900');
  const notices = app.notices();
  await expect(notices.first()).toBeVisible();
  const text = (await notices.allTextContents()).join(' ');
  expect(text).toContain('version');
  expect(text).toContain('Basic Income');
  expect(text).toContain('frobnicate');
  expect(text).toContain('mars');
  await expect(app.output('bi')).toHaveText('4\u2009000 USD a month');
  // 4,000 USD a month to every adult, half to each child, cannot be paid for: the page says
  // so and shows the no-policy baseline rather than no chart at all.
  await expect(app.errorNotice()).toContainText('status-quo baseline', { timeout: 15_000 });
  await expect(app.errorNotice()).not.toContainText('last scenario');
  await expect(app.canvas()).toBeVisible({ timeout: 15_000 });
  // The link's notices can be dismissed (the error stays while the scenario cannot run).
  const dismissible = app.dismissibleNotices();
  const count = await dismissible.count();
  await dismissible.first().getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(dismissible).toHaveCount(count - 1);
  await expect(app.errorBanner()).toBeHidden();
  expect(errors).toEqual([]);
});

test('share offers the link and an embed snippet for the current view', async ({ page }) => {
  const app = await new App(page).goto('./?v=1&region=uk&bi=700');
  const share = app.share();
  await share.toggle();
  const link = await share.link().inputValue();
  expect(link).toContain('region=uk');
  expect(link).toContain('bi=700');
  const snippet = await share.embed().inputValue();
  expect(snippet).toContain('<iframe');
  expect(snippet).toContain('embed=1');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.status()).not.toBeEmpty();
});

test('the embed renders inside the example lesson page and opens the full app', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1200 });
  const lessonPage = await new LessonPage(page).open();
  const first = lessonPage.embed(0);
  await expect(first.canvases()).toBeVisible({ timeout: 20_000 });
  await expect(first.control('bi')).toBeVisible();
  await expect(first.topBar()).toHaveCount(0);
  const second = lessonPage.embed(1);
  await expect(second.control('p2p')).toBeVisible({ timeout: 20_000 });
  await expect(second.output('p2p')).toBeVisible();
  const href = await second.root.getByRole('link', { name: /Open in mapsim/ }).getAttribute('href');
  expect(href).toContain('region=fi');
  expect(href).not.toContain('embed=1');
  await lessonPage.frameElement(0).screenshot({ path: path.join(ARTIFACTS, 'embed-600x400.png') });
});
