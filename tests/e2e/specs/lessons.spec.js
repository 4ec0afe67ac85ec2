// Guided lessons: a lesson link opens at its step with the step's values, Next and Back
// apply each step's scenario, students explore and return, and the lesson embeds.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');
const { LessonPage } = require('../pages/embeds');

test('a lesson link opens at the right step and Next/Back apply the steps', async ({ page }) => {
  const app = await new App(page).goto('./?lesson=automation&step=3');
  const lesson = app.lesson(/Lesson: Automation and the labour share/);
  await expect(lesson.panel).toBeVisible();
  await expect(lesson.progress()).toHaveText('Step 3 of 6');
  await expect(lesson.stepTitle()).toHaveText('Wages or jobs?');
  await expect(app.output('automation')).toHaveText('1.00 % of tasks a year');
  await expect(app.output('bi')).toHaveText('0 USD a month');
  // The step's chart is highlighted (unemployment is on the Resources and work tab).
  await expect(app.chart('work').focused).toBeVisible({ timeout: 15_000 });

  // Step 4 keeps the chart and changes what wages follow.
  await lesson.next().click();
  await expect(lesson.progress()).toHaveText('Step 4 of 6');
  await expect(lesson.stepTitle()).toHaveText('If wages do not give way');
  await expect(app.control('wage_anchor')).toHaveValue('1'); // the second option, 'tfp'
  await expect(app.chart('work').focused).toBeVisible();
  await lesson.next().click();
  await expect(app.output('bi')).toHaveText('1\u2009000 USD a month');
  await expect(app.chart('poverty').focused).toBeVisible();
  // The last step: how sure the model is, on the unemployment chart with its bands.
  await lesson.next().click();
  await expect(lesson.stepTitle()).toHaveText('How sure can we be?');
  await expect(app.chart('work').focused).toHaveAttribute('data-bands', /\d+/, { timeout: 30_000 });
  await expect(lesson.next()).toBeDisabled();
  await lesson.back().click();
  await expect(lesson.stepTitle()).toHaveText('A Basic Income on top');
  await lesson.back().click();
  await expect(app.output('bi')).toHaveText('0 USD a month');
  expect(new URL(page.url()).searchParams.get('step')).toBe('4');

  // Students move sliders freely, then return to the lesson's values.
  await app.control('bi').focus();
  await page.keyboard.press('End');
  await expect(app.output('bi')).toHaveText('4\u2009000 USD a month');
  await lesson.backToValues().click();
  await expect(app.output('bi')).toHaveText('0 USD a month');
  await page.screenshot({ path: path.join(ARTIFACTS, 'lesson.png') });
});

test('a lesson can be started from the menu and left', async ({ page }) => {
  const app = await new App(page).goto('./');
  await app.control('lesson').selectOption('ownership');
  const lesson = app.lesson();
  await expect(lesson.progress()).toHaveText('Step 1 of 5');
  await expect(app.control('region')).toHaveValue('fi');
  await lesson.leave().click();
  await expect(lesson.panel).toHaveCount(0);
  await expect(app.control('region')).toHaveValue('fi');
});

test('the embedded lesson works inside the lesson page iframe', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1600 });
  const lessonPage = await new LessonPage(page).open();
  const embed = lessonPage.embed(2);
  const lesson = embed.lesson();
  await expect(lesson.progress()).toHaveText('Step 2 of 8', { timeout: 20_000 });
  await expect(embed.chart('p2p').canvas()).toBeVisible({ timeout: 20_000 });
  await lesson.next().click();
  // Step 3 shows what each phase can make, category by category.
  await expect(lesson.progress()).toHaveText('Step 3 of 8');
  await expect(embed.chart('p2p_categories').canvas()).toBeVisible({ timeout: 20_000 });
  await lesson.next().click();
  await expect(lesson.progress()).toHaveText('Step 4 of 8');
  await expect(embed.output('p2p')).toHaveText('60 %');
  // Steps 6 and 7: material use by category, then who does the work.
  await lesson.next().click();
  await lesson.next().click();
  await expect(lesson.progress()).toHaveText('Step 6 of 8');
  await expect(embed.chart('materials_by_category').canvas()).toBeVisible({ timeout: 20_000 });
  await lesson.next().click();
  await expect(lesson.progress()).toHaveText('Step 7 of 8');
  await expect(embed.chart('work').canvas()).toBeVisible({ timeout: 20_000 });
  await lessonPage.frameElement(2).screenshot({ path: path.join(ARTIFACTS, 'lesson-embed.png') });
});
