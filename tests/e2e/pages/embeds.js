// The example lesson page (lesson-example.html) and its frames, each holding an embedded view,
// and how to measure whether an embed fits its frame.
const { expect } = require('@playwright/test');

const { App } = require('./app');

/** The example lesson page: its frames, each an embed of the app. */
class LessonPage {
  constructor(page) {
    this.page = page;
  }

  /** Opens the lesson page. */
  async open() {
    await this.page.goto('./lesson-example.html');
    return this;
  }

  /** The page's frames, as elements of the lesson page. */
  frames() {
    return this.page.locator('iframe');
  }

  /** One frame, as an element of the lesson page. */
  frameElement(index) {
    return this.frames().nth(index);
  }

  /** The app embedded in one frame. */
  embed(index) {
    return new App(this.page, this.page.frameLocator('iframe').nth(index));
  }

  /** A frame's height on the lesson page. */
  frameHeight(index) {
    return this.frameElement(index).evaluate((e) => e.getBoundingClientRect().height);
  }

  /** Waits until a frame's content is drawn and its height has stopped changing; its Frame. */
  async settled(index) {
    const element = this.frameElement(index);
    const frame = await (await element.elementHandle()).contentFrame();
    const app = new App(this.page, frame);
    await expect(app.canvas()).toBeVisible({ timeout: 20_000 });
    // The bands' legend can take another line when they arrive.
    await expect(app.withBands().first()).toBeAttached({ timeout: 30_000 });
    let last = -1;
    await expect.poll(async () => {
      const now = await element.evaluate((e) => e.getBoundingClientRect().height);
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [300, 300, 300, 500, 1000] }).toBe(true);
    return frame;
  }
}

/** What overflows a frame's viewport (or a page's), measured inside it. */
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

module.exports = { LessonPage, overflow };
