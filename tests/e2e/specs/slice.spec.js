// The app's first journey: the page loads, the slider moves with the keyboard, the chart redraws,
// nothing is logged as an error, and nothing outside the page's own origin is requested.
const { test, expect } = require('@playwright/test');

/** A fingerprint of the chart's pixels (sum and count of non-white pixels). */
async function chartPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    if (!canvas || canvas.width === 0) return { sum: 0, inked: 0, width: 0, height: 0 };
    const context = canvas.getContext('2d');
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) % 1000000007;
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked += 1;
    }
    return { sum, inked, width: canvas.width, height: canvas.height };
  });
}

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

  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'mapsim' })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Basic Income', exact: true });
  await expect(slider).toBeVisible();
  await expect(page.locator('canvas').first()).toBeVisible();
  await expect.poll(async () => (await chartPixels(page)).inked, { timeout: 10_000 }).toBeGreaterThan(1000);
  const before = await chartPixels(page);

  await slider.focus();
  for (let i = 0; i < 40; i += 1) await slider.press('ArrowRight');
  await expect.poll(async () => (await chartPixels(page)).sum, { timeout: 5_000 }).not.toBe(before.sum);
  await expect(page.locator('output').first()).toContainText('USD a month');
  await expect(page.locator('#error-banner')).toBeHidden();

  expect(errors, 'console errors').toEqual([]);
  expect(foreign, 'requests outside the page origin').toEqual([]);
});

test('the chart is sharp: its backing store follows the device pixel ratio', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto('./');
  await expect.poll(async () => (await chartPixels(page)).inked, { timeout: 10_000 }).toBeGreaterThan(1000);
  const size = await page.evaluate(() => {
    const canvas = document.querySelector('canvas');
    return { css: canvas.clientWidth, backing: canvas.width };
  });
  expect(size.backing).toBe(Math.round(size.css * 2));
  await context.close();
});

test('the page declares a strict Content-Security-Policy and a noscript message', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  const inlineScripts = await page.evaluate(() =>
    [...document.querySelectorAll('script')].filter((s) => !s.src).length);
  expect(inlineScripts).toBe(0);
  await expect(page.locator('noscript')).toHaveCount(1);
});

test('a WebAssembly file that fails to load shows a visible error banner', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./');
  const banner = page.locator('#error-banner');
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(banner).toContainText('could not start');
});
