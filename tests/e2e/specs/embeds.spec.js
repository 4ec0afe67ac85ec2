// Embeds that fit their frame (issue 19): on the example lesson page no embedded view scrolls
// inside its frame or is clipped by it, the frames follow their content's height (the embed
// posts it to the page), and the Share menu's snippet gives a height that fits its view.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');
const { LessonPage, overflow } = require('../pages/embeds');

test('no embedded view on the lesson page scrolls inside or is clipped by its frame', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 2600 });
  const lessonPage = await new LessonPage(page).open();
  const count = await lessonPage.frames().count();
  expect(count).toBe(3);
  for (let i = 0; i < count; i++) {
    const frame = await lessonPage.settled(i);
    const o = await overflow(frame);
    expect(o.vertical, `frame ${i} scrolls inside`).toBeLessThanOrEqual(0);
    expect(o.horizontal, `frame ${i} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(o.right, `frame ${i}: something is cut off on the right`).toBeLessThanOrEqual(0);
    expect(o.chart, `frame ${i}: the chart's axis is cut off`).toBeLessThanOrEqual(0);
    expect(o.link, `frame ${i}: "Open in mapsim" is cut off`).toBeLessThanOrEqual(0);
    // The frame follows its content, without a gap either.
    expect(Math.abs(o.height - o.content), `frame ${i} is ${o.height} px for ${o.content} px`).toBeLessThanOrEqual(4);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'lesson-example.png'), fullPage: true });

  // The reader opens a control's explanation in the lesson: the frame follows.
  const lesson = await lessonPage.settled(2);
  const before = await lessonPage.frameHeight(2);
  await lesson.locator('.embed-controls details.help > summary').first().click();
  await expect.poll(() => lessonPage.frameHeight(2)).toBeGreaterThan(before);
  const o = await overflow(lesson);
  expect(o.vertical).toBeLessThanOrEqual(0);
  expect(o.link).toBeLessThanOrEqual(0);
});

test('the Share menu gives an embed snippet whose height fits the chosen view', async ({ page, browser }) => {
  const app = await new App(page).open('./?v=5&region=uk&bi=400', { chart: 'income' });
  const share = app.share();
  await share.toggle();
  for (const view of ['income', 'winners', 'households']) {
    await share.view().selectOption(view);
    await expect(share.height()).toContainText('px tall', { timeout: 30_000 });
    const snippet = await share.embed().inputValue();
    const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    const width = Number(snippet.match(/width="(\d+)"/)[1]);
    const height = Number(snippet.match(/height="(\d+)"/)[1]);
    expect(src).toContain(`view=${view}`);
    expect(snippet).toContain('embed-resize.js');
    // The snippet's frame, as a lesson page shows it: nothing scrolls or is cut off, and the
    // content fills it to within a few pixels.
    const context = await browser.newContext({ viewport: { width, height } });
    const page2 = await context.newPage();
    const embed = await new App(page2).goto(src);
    await expect(embed.openFull()).toBeVisible({ timeout: 20_000 });
    await expect(view === 'households' ? embed.households().rows().first() : embed.canvas())
      .toBeVisible({ timeout: 20_000 });
    if (view === 'income') {
      // Its legend says what the bands are once they arrive.
      await expect(embed.withBands()).toHaveCount(1, { timeout: 30_000 });
    }
    await page2.waitForTimeout(300);
    const o = await overflow(page2.mainFrame());
    expect(o.vertical, `${view}: scrolls inside ${height} px`).toBeLessThanOrEqual(0);
    expect(o.link, `${view}: link cut off`).toBeLessThanOrEqual(0);
    expect(o.right, `${view}: something is cut off on the right`).toBeLessThanOrEqual(0);
    expect(Math.abs(o.content - height), `${view}: ${o.content} px of content in ${height} px`).toBeLessThanOrEqual(4);
    await page2.screenshot({ path: path.join(ARTIFACTS, `embed-snippet-${view}.png`) });
    await context.close();
  }
});
