// Guided lessons: a lesson link opens at its step with the step's values, Next and Back
// apply each step's scenario, students explore and return, and the lesson embeds.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { ARTIFACTS } = require('../pages/app');

test('a lesson link opens at the right step and Next/Back apply the steps', async ({ page }) => {
  await page.goto('./?lesson=automation&step=3');
  const panel = page.getByRole('region', { name: /Lesson: Automation and the labour share/ });
  await expect(panel).toBeVisible();
  await expect(panel.locator('.progress-label')).toHaveText('Step 3 of 6');
  await expect(panel.locator('.step-title')).toHaveText('Wages or jobs?');
  await expect(page.locator('output[for=automation]')).toHaveText('1.00 % of tasks a year');
  await expect(page.locator('output[for=bi]')).toHaveText('0 USD a month');
  // The step's chart is highlighted (unemployment is on the Resources and work tab).
  await expect(page.locator('#chart-work.focus')).toBeVisible({ timeout: 15_000 });

  // Step 4 keeps the chart and changes what wages follow.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(panel.locator('.progress-label')).toHaveText('Step 4 of 6');
  await expect(panel.locator('.step-title')).toHaveText('If wages do not give way');
  await expect(page.locator('#wage_anchor')).toHaveValue('1'); // the second option, 'tfp'
  await expect(page.locator('#chart-work.focus')).toBeVisible();
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(page.locator('output[for=bi]')).toHaveText('1\u2009000 USD a month');
  await expect(page.locator('#chart-poverty.focus')).toBeVisible();
  // The last step: how sure the model is, on the unemployment chart with its bands.
  await panel.getByRole('button', { name: 'Next →' }).click();
  await expect(panel.locator('.step-title')).toHaveText('How sure can we be?');
  await expect(page.locator('#chart-work.focus')).toHaveAttribute('data-bands', /\d+/, { timeout: 30_000 });
  await expect(panel.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await panel.getByRole('button', { name: '← Back' }).click();
  await expect(panel.locator('.step-title')).toHaveText('A Basic Income on top');
  await panel.getByRole('button', { name: '← Back' }).click();
  await expect(page.locator('output[for=bi]')).toHaveText('0 USD a month');
  expect(new URL(page.url()).searchParams.get('step')).toBe('4');

  // Students move sliders freely, then return to the lesson's values.
  await page.locator('#bi').focus();
  await page.keyboard.press('End');
  await expect(page.locator('output[for=bi]')).toHaveText('4\u2009000 USD a month');
  await panel.getByRole('button', { name: "Back to the lesson's values" }).click();
  await expect(page.locator('output[for=bi]')).toHaveText('0 USD a month');
  await page.screenshot({ path: path.join(ARTIFACTS, 'lesson.png') });
});

test('a lesson can be started from the menu and left', async ({ page }) => {
  await page.goto('./');
  await page.locator('#lesson').selectOption('ownership');
  await expect(page.locator('.lesson .progress-label')).toHaveText('Step 1 of 5');
  await expect(page.locator('#region')).toHaveValue('fi');
  await page.getByRole('button', { name: 'Leave the lesson' }).click();
  await expect(page.locator('.lesson')).toHaveCount(0);
  await expect(page.locator('#region')).toHaveValue('fi');
});

test('the embedded lesson works inside the lesson page iframe', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 1600 });
  await page.goto('./lesson-example.html');
  const frame = page.frameLocator('iframe').nth(2);
  await expect(frame.locator('.lesson .progress-label')).toHaveText('Step 2 of 8', { timeout: 20_000 });
  await expect(frame.locator('#chart-p2p canvas')).toBeVisible({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Next →' }).click();
  // Step 3 shows what each phase can make, category by category.
  await expect(frame.locator('.lesson .progress-label')).toHaveText('Step 3 of 8');
  await expect(frame.locator('#chart-p2p_categories canvas')).toBeVisible({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Next →' }).click();
  await expect(frame.locator('.lesson .progress-label')).toHaveText('Step 4 of 8');
  await expect(frame.locator('output[for=p2p]')).toHaveText('60 %');
  // Steps 6 and 7: material use by category, then who does the work.
  await frame.getByRole('button', { name: 'Next →' }).click();
  await frame.getByRole('button', { name: 'Next →' }).click();
  await expect(frame.locator('.lesson .progress-label')).toHaveText('Step 6 of 8');
  await expect(frame.locator('#chart-materials_by_category canvas')).toBeVisible({ timeout: 20_000 });
  await frame.getByRole('button', { name: 'Next →' }).click();
  await expect(frame.locator('.lesson .progress-label')).toHaveText('Step 7 of 8');
  await expect(frame.locator('#chart-work canvas')).toBeVisible({ timeout: 20_000 });
  await page.locator('iframe').nth(2).screenshot({ path: path.join(ARTIFACTS, 'lesson-embed.png') });
});
