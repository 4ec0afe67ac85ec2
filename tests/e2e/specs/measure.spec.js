// Figures, not pass/fail: main-thread time from a slider input to the charts redrawn, long
// tasks during a drag, and time to the first chart. Printed as MEASURE lines by scripts/test.
const { test, expect } = require('@playwright/test');

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p))];
  return { median: at(0.5), p95: at(0.95) };
}

test('measure slider-to-redraw and first chart', async ({ page }) => {
  const start = Date.now();
  await page.goto('./');
  await expect(page.locator('#chart-income canvas')).toBeVisible({ timeout: 15_000 });
  const firstChart = Date.now() - start;
  const timings = await page.evaluate(async () => {
    const slider = document.querySelector('#bi');
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ entryTypes: ['longtask'] });
    const out = [];
    for (let i = 0; i < 40; i += 1) {
      slider.value = String(500 + 25 * i);
      const t0 = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // Frame 1 runs the model and renders; the charts draw in the effects that follow.
      await frame();
      await frame();
      out.push(performance.now() - t0);
    }
    observer.disconnect();
    return { out, longTasks };
  });
  const s = stats(timings.out);
  console.log(`MEASURE slider input to charts redrawn (6 charts, release build, 40 inputs): median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
  console.log(`MEASURE long tasks (> 50 ms) during those inputs: ${timings.longTasks.length}`);
  console.log(`MEASURE navigation to first chart visible: ${firstChart} ms`);
  expect(timings.out.length).toBe(40);
});
