// The phases in force: the Resources tab shows a timeline of the production phases with what
// each can make, category by category, and every chart's phase shading links to it.
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('the Resources tab shows the phases in force, and a chart links to them', async ({ page }) => {
  const app = await new App(page).open('./?v=4&region=us&p2p=60', { chart: 'income' });
  // From a chart on the Overview tab, the phase shading leads to the timeline.
  await app.chart('income').card.getByRole('button', { name: 'shaded years: the phases in force' }).click();
  await expect(app.tab('Resources and work')).toHaveAttribute('aria-selected', 'true');
  const phases = app.phases();
  await expect(phases.table()).toBeVisible();
  const rows = phases.rows();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('2030–2044');
  await expect(rows.nth(2)).toContainText('Personal production');
  await expect(rows.nth(2)).toContainText('clothing and other goods 85 %');
  await expect(rows.nth(2)).toContainText('services');
  await expect(rows.nth(2)).toContainText('35 % of the market price');
  await expect(app.chart('p2p_categories').canvas()).toBeVisible();
  await phases.table().screenshot({ path: path.join(ARTIFACTS, 'phases-timeline.png') });

  // Phase 3 first: Phase 2, scheduled after it, never runs; the ownership channel switched off.
  await app.goto('./?v=4&region=us&p2p=60&phase3=2040&phase2=2070&commons_ownership=equity&tab=resources');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('like market shares');
});
