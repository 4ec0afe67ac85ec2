// The app's first journey: the page loads, the slider moves with the keyboard, the chart redraws,
// nothing is logged as an error, and nothing outside the page's own origin is requested.
const { test, expect } = require('@playwright/test');

const { App } = require('../pages/app');

test('slider moved by keyboard redraws the chart, with no error and no foreign request', async ({ page, baseURL }) => {
  const errors = [];
  const foreign = [];
  const origin = new URL(baseURL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreign.push(url);
    }
  });

  const app = await new App(page).goto('./');
  await expect(page.getByRole('heading', { name: 'mapsim' })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Basic Income', exact: true });
  await expect(slider).toBeVisible();
  await expect(app.canvas()).toBeVisible();
  await expect.poll(async () => (await app.pixels()).inked, { timeout: 10_000 }).toBeGreaterThan(1000);
  const before = await app.pixels();

  await slider.focus();
  for (let i = 0; i < 40; i += 1) await slider.press('ArrowRight');
  await expect.poll(async () => (await app.pixels()).sum, { timeout: 5_000 }).not.toBe(before.sum);
  await expect(app.outputs().first()).toContainText('USD a month');
  await expect(app.errorBanner()).toBeHidden();

  expect(errors, 'console errors').toEqual([]);
  expect(foreign, 'requests outside the page origin').toEqual([]);
});

test('the chart is sharp: its backing store follows the device pixel ratio', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const app = await new App(page).goto('./');
  await expect.poll(async () => (await app.pixels()).inked, { timeout: 10_000 }).toBeGreaterThan(1000);
  const size = await app.canvas().evaluate((canvas) => ({ css: canvas.clientWidth, backing: canvas.width }));
  expect(size.backing).toBe(Math.round(size.css * 2));
  await context.close();
});

test('the page declares a strict Content-Security-Policy and a noscript message', async ({ page }) => {
  const app = await new App(page).goto('./');
  const csp = await app.csp();
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const inlineScripts = await app.inlineScripts();
  expect(inlineScripts).toBe(0);
  await expect(app.noscript()).toHaveCount(1);
});

test('a WebAssembly file that fails to load shows a visible error banner', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  const app = await new App(page).goto('./');
  const banner = app.errorBanner();
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(banner).toContainText('could not start');
});
