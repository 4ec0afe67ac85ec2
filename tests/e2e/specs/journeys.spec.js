// A policy reader's journeys through the app: every main lever moves the charts, the year
// scrubber moves the headline strip, the keyboard reaches every control, an accessibility
// scan finds nothing serious, and screenshots are saved for people to look at.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

for (const [id, name] of [['bi', 'Basic Income'], ['automation', 'Automation rate'], ['p2p', 'Support for P2P']]) {
  test(`the ${name} lever changes the charts`, async ({ page }) => {
    const app = await new App(page).openDrawn();
    const before = await app.fingerprint('.card canvas');
    const slider = app.control(id);
    await slider.focus();
    for (let i = 0; i < 10; i += 1) await slider.press('ArrowRight');
    await expect.poll(() => app.fingerprint('.card canvas'), { timeout: 5_000 }).not.toBe(before);
  });
}

test('the year scrubber updates the headline strip', async ({ page }) => {
  const app = await new App(page).openDrawn();
  const first = app.headlineValues().first();
  const before = await first.textContent();
  await app.control('year').focus();
  await page.keyboard.press('Home');
  await expect(app.output('year')).toHaveText('2025');
  await expect(first).not.toHaveText(before);
  await expect(app.headlineChanges().nth(1)).toHaveText('same as status quo');
});

test('keyboard alone reaches and moves every control', async ({ page }) => {
  const app = await new App(page).openDrawn();
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
  const controls = await app.controlIds();
  expect(controls.length).toBeGreaterThan(15);
  for (const id of controls) expect(reached, `control ${id} reached by Tab`).toContain(id);
  // And moves it: the keyboard changes a slider deep in a group.
  const diffusion = app.control('diffusion');
  const value = await diffusion.inputValue();
  await diffusion.focus();
  await page.keyboard.press('ArrowRight');
  await expect(diffusion).not.toHaveValue(value);
});

test('an accessibility scan finds no serious or critical violation', async ({ browser }) => {
  // axe is injected as a script, which the page's CSP rightly forbids: bypass it for the scan.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const app = await new App(page).openDrawn();
  await app.groups().evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  expect(await app.accessibilityProblems()).toEqual([]);
  // The About tab's table of published comparisons, once filled in.
  await app.tab('About the model').click();
  const validation = app.validation();
  await expect(validation.pendingAnywhere()).toHaveCount(0, { timeout: 30_000 });
  expect(await app.accessibilityProblems(validation.section, { nodes: false })).toEqual([]);
  await context.close();
});

for (const [width, height] of [[1440, 900], [390, 844]]) {
  test(`screenshot at ${width}×${height}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const app = await new App(page).openDrawn();
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
      const top = (element) => element.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
      expect(await top(app.lead())).toBeLessThan(height);
      const chart = await top(app.firstCard());
      expect(chart, `the first chart starts at ${chart} px`).toBeLessThanOrEqual(1.5 * height);
      // The sentence fits the screen's width.
      const lead = await app.lead().boundingBox();
      expect(lead.x + lead.width).toBeLessThanOrEqual(width);
      await app.tab('About the model').click();
      await expect(app.validation().pendingAnywhere()).toHaveCount(0, { timeout: 30_000 });
      expect(await wider()).toBe(0);
    }
    if (width > 1000) {
      await app.tab('Distribution').click();
      await expect(app.chart('deciles').canvas()).toBeVisible();
      await page.waitForTimeout(300);
      await app.grid().screenshot({ path: path.join(ARTIFACTS, 'distribution.png') });
      await app.tab('Fiscal detail').click();
      await expect(app.chart('trade').canvas()).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ARTIFACTS, 'fiscal.png') });
      await page.screenshot({ path: path.join(ARTIFACTS, 'fiscal-full.png'), fullPage: true });
      await app.tab('About the model').click();
      await expect(page.getByRole('heading', { name: 'The MAP model' })).toBeVisible();
      const validation = app.validation();
      await expect(validation.pendingAnywhere()).toHaveCount(0, { timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'about.png') });
      await validation.section.screenshot({ path: path.join(ARTIFACTS, 'about-validation.png') });
    }
    await context.close();
  });
}
