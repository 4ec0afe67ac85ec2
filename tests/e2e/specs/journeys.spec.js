// A policy reader's journeys through the app: every main lever moves the charts, the year
// scrubber moves the headline strip, the keyboard reaches every control, an accessibility
// scan finds nothing serious, and screenshots are saved for people to look at.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

for (const [id, name] of [['bi', 'Basic Income'], ['automation', 'Automation rate'], ['p2p', 'Support for P2P']]) {
  test(`the ${name} lever changes the charts`, async ({ page }) => {
    await new App(page).openDrawn();
    const before = await new App(page).fingerprint('.card canvas');
    const slider = page.locator(`#${id}`);
    await slider.focus();
    for (let i = 0; i < 10; i += 1) await slider.press('ArrowRight');
    await expect.poll(() => new App(page).fingerprint('.card canvas'), { timeout: 5_000 }).not.toBe(before);
  });
}

test('the year scrubber updates the headline strip', async ({ page }) => {
  await new App(page).openDrawn();
  const first = page.locator('.headline .value').first();
  const before = await first.textContent();
  await page.locator('#year').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('output[for=year]')).toHaveText('2025');
  await expect(first).not.toHaveText(before);
  await expect(page.locator('.headline .change').nth(1)).toHaveText('same as status quo');
});

test('keyboard alone reaches and moves every control', async ({ page }) => {
  await new App(page).openDrawn();
  const reached = new Set();
  await page.locator('body').focus();
  for (let i = 0; i < 300; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, id: el.id, open: el.parentElement && el.parentElement.open,
        group: el.tagName === 'SUMMARY' && el.parentElement.classList.contains('group') };
    });
    if (info.group && !info.open) await page.keyboard.press('Enter');
    if (info.id) reached.add(info.id);
    if (info.tag === 'BODY' && i > 10) break;
  }
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll('.controls input[type=range], .controls select')]
      .filter((el) => !el.disabled).map((el) => el.id));
  expect(controls.length).toBeGreaterThan(15);
  for (const id of controls) expect(reached, `control ${id} reached by Tab`).toContain(id);
  // And moves it: the keyboard changes a slider deep in a group.
  const diffusion = page.locator('#diffusion');
  const value = await diffusion.inputValue();
  await diffusion.focus();
  await page.keyboard.press('ArrowRight');
  await expect(diffusion).not.toHaveValue(value);
});

test('an accessibility scan finds no serious or critical violation', async ({ browser }) => {
  // axe is injected as a script, which the page's CSP rightly forbids: bypass it for the scan.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await new App(page).openDrawn();
  await page.locator('details.group').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  // The About tab's table of published comparisons, once filled in.
  await page.getByRole('tab', { name: 'About the model' }).click();
  await expect(page.locator('section.validation tbody tr[data-verdict="pending"]')).toHaveCount(0, { timeout: 30_000 });
  const about = await page.evaluate(async () =>
    window.axe.run('section.validation', { resultTypes: ['violations'] }));
  const aboutSerious = about.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}`);
  expect(aboutSerious).toEqual([]);
  await context.close();
});

for (const [width, height] of [[1440, 900], [390, 844]]) {
  test(`screenshot at ${width}×${height}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await new App(page).openDrawn();
    await page.screenshot({ path: path.join(ARTIFACTS, `app-${width}x${height}.png`) });
    await page.screenshot({ path: path.join(ARTIFACTS, `app-${width}x${height}-full.png`), fullPage: true });
    // Nothing makes the page wider than the screen (wide tables and the tab strip scroll in
    // their own boxes).
    const wider = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await wider()).toBe(0);
    if (width < 1000) {
      // On a phone the headline sentence and the first chart come before the long list of
      // controls: the sentence is on the first screen and the first chart's top within
      // one and a half screens.
      const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      expect(await top('.explain-lead')).toBeLessThan(height);
      const chart = await top('.grid .card');
      expect(chart, `the first chart starts at ${chart} px`).toBeLessThanOrEqual(1.5 * height);
      // The sentence fits the screen's width.
      const lead = await page.locator('.explain-lead').first().boundingBox();
      expect(lead.x + lead.width).toBeLessThanOrEqual(width);
      await page.getByRole('tab', { name: 'About the model' }).click();
      await expect(page.locator('section.validation tbody tr[data-verdict="pending"]')).toHaveCount(0, { timeout: 30_000 });
      expect(await wider()).toBe(0);
    }
    if (width > 1000) {
      await page.getByRole('tab', { name: 'Distribution' }).click();
      await expect(page.locator('#chart-deciles canvas')).toBeVisible();
      await page.waitForTimeout(300);
      await page.locator('.grid').screenshot({ path: path.join(ARTIFACTS, 'distribution.png') });
      await page.getByRole('tab', { name: 'Fiscal detail' }).click();
      await expect(page.locator('#chart-trade canvas')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ARTIFACTS, 'fiscal.png') });
      await page.screenshot({ path: path.join(ARTIFACTS, 'fiscal-full.png'), fullPage: true });
      await page.getByRole('tab', { name: 'About the model' }).click();
      await expect(page.getByRole('heading', { name: 'The MAP model' })).toBeVisible();
      const validation = page.locator('section.validation');
      await expect(validation.locator('tbody tr[data-verdict="pending"]')).toHaveCount(0, { timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'about.png') });
      await validation.screenshot({ path: path.join(ARTIFACTS, 'about-validation.png') });
    }
    await context.close();
  });
}
