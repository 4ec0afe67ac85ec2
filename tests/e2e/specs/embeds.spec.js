// Embeds that fit their frame (issue 19): on the example lesson page no embedded view scrolls
// inside its frame or is clipped by it, the frames follow their content's height (the embed
// posts it to the page), and the Share menu's snippet gives a height that fits its view.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { ARTIFACTS } = require('../pages/app');

/** What overflows a frame's viewport, measured inside the frame. */
async function overflow(frame) {
  return frame.evaluate(() => {
    const doc = document.documentElement;
    const bottom = (selector) => {
      const all = [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length);
      return all.length ? Math.max(...all.map((e) => e.getBoundingClientRect().bottom)) : 0;
    };
    return {
      // Positive when the frame would scroll inside.
      vertical: doc.scrollHeight - window.innerHeight,
      horizontal: doc.scrollWidth - window.innerWidth,
      // Positive when a table, chart or control sticks out on the right (and is cut off).
      right: Math.max(...[...document.querySelectorAll('table, canvas, .control, output')]
        .filter((e) => e.getClientRects().length)
        .map((e) => e.getBoundingClientRect().right)) - window.innerWidth,
      // Positive when the chart's axis or the link sits below the frame's bottom edge.
      chart: bottom('canvas') - window.innerHeight,
      link: bottom('a.open-full') - window.innerHeight,
      content: Math.ceil(document.querySelector('.app.embedded').getBoundingClientRect().bottom),
      height: window.innerHeight,
    };
  });
}

/** Waits until a frame's content is drawn and its height has stopped changing. */
async function settled(page, index) {
  const element = page.locator('iframe').nth(index);
  const frame = await (await element.elementHandle()).contentFrame();
  await expect(frame.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
  // The bands' legend can take another line when they arrive.
  await expect(frame.locator('[data-bands]').first()).toBeAttached({ timeout: 30_000 });
  let last = -1;
  await expect.poll(async () => {
    const now = await element.evaluate((e) => e.getBoundingClientRect().height);
    const same = now === last;
    last = now;
    return same;
  }, { intervals: [300, 300, 300, 500, 1000] }).toBe(true);
  return frame;
}

test('no embedded view on the lesson page scrolls inside or is clipped by its frame', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 2600 });
  await page.goto('./lesson-example.html');
  const count = await page.locator('iframe').count();
  expect(count).toBe(3);
  for (let i = 0; i < count; i++) {
    const frame = await settled(page, i);
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
  const lesson = await settled(page, 2);
  const before = await page.locator('iframe').nth(2).evaluate((e) => e.getBoundingClientRect().height);
  await lesson.locator('.embed-controls details.help > summary').first().click();
  await expect.poll(() => page.locator('iframe').nth(2).evaluate((e) => e.getBoundingClientRect().height))
    .toBeGreaterThan(before);
  const o = await overflow(lesson);
  expect(o.vertical).toBeLessThanOrEqual(0);
  expect(o.link).toBeLessThanOrEqual(0);
});

test('the Share menu gives an embed snippet whose height fits the chosen view', async ({ page, browser }) => {
  await page.goto('./?v=5&region=uk&bi=400');
  await expect(page.locator('#chart-income canvas')).toBeVisible({ timeout: 15_000 });
  await page.locator('#share-menu > summary').click();
  for (const view of ['income', 'winners', 'households']) {
    await page.locator('#share-view').selectOption(view);
    await expect(page.locator('#share-height')).toContainText('px tall', { timeout: 30_000 });
    const snippet = await page.locator('#share-embed').inputValue();
    const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    const width = Number(snippet.match(/width="(\d+)"/)[1]);
    const height = Number(snippet.match(/height="(\d+)"/)[1]);
    expect(src).toContain(`view=${view}`);
    expect(snippet).toContain('embed-resize.js');
    // The snippet's frame, as a lesson page shows it: nothing scrolls or is cut off, and the
    // content fills it to within a few pixels.
    const context = await browser.newContext({ viewport: { width, height } });
    const embed = await context.newPage();
    await embed.goto(src);
    await expect(embed.locator('.app.embedded a.open-full')).toBeVisible({ timeout: 20_000 });
    await expect(embed.locator(view === 'households' ? '#households-summary tbody tr' : 'canvas').first())
      .toBeVisible({ timeout: 20_000 });
    if (view === 'income') {
      // Its legend says what the bands are once they arrive.
      await expect(embed.locator('[data-bands]')).toHaveCount(1, { timeout: 30_000 });
    }
    await embed.waitForTimeout(300);
    const o = await overflow(embed.mainFrame());
    expect(o.vertical, `${view}: scrolls inside ${height} px`).toBeLessThanOrEqual(0);
    expect(o.link, `${view}: link cut off`).toBeLessThanOrEqual(0);
    expect(o.right, `${view}: something is cut off on the right`).toBeLessThanOrEqual(0);
    expect(Math.abs(o.content - height), `${view}: ${o.content} px of content in ${height} px`).toBeLessThanOrEqual(4);
    await embed.screenshot({ path: path.join(ARTIFACTS, `embed-snippet-${view}.png`) });
    await context.close();
  }
});
