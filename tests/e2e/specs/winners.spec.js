// Who gains and who pays (issue 19): the Distribution tab's winners chart and group shares,
// the headline card, and the CSV of the chosen year.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('the Distribution tab says who gains and who pays, decile by decile and group by group', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=us&tab=distribution&year=2040');
  const winners = app.winners();
  const chart = winners.chart;
  await expect(chart.card).toBeVisible({ timeout: 15_000 });
  await expect(chart.card.getByRole('heading')).toHaveText('Who gains and who pays, 2040');
  await expect(winners.summary()).toContainText(/In 2040, \d+ % of people are better off by more than 1 % in real terms and \d+ % worse off\./);
  // The bars are drawn.
  await expect.poll(() => chart.inked(), { timeout: 10_000 }).toBeGreaterThan(1000);
  // Everyone, three person groups, five household types.
  await expect(winners.shares()).toHaveCount(9);
  await expect(winners.shares().first().locator('th')).toHaveText('Everyone');
  // The data table: ten deciles, each change with its unit.
  await chart.dataSummary().click();
  await expect(winners.deciles()).toHaveCount(10);
  await expect(winners.deciles().first().locator('td').nth(1)).toContainText('USD a month');
  // The headline strip says the same share.
  const share = (await winners.summary().textContent()).match(/(\d+) % of people are better off/)[1];
  await expect(app.headline('winners').locator('.value')).toHaveText(`${share} %`);
  await chart.card.screenshot({ path: path.join(ARTIFACTS, 'winners.png') });
  await winners.groups.card.screenshot({ path: path.join(ARTIFACTS, 'winners-groups.png') });

  // The CSV of the chosen year holds the same share.
  const exports = app.exports();
  await exports.toggle();
  const file = await app.download(exports.item('winners'));
  expect(file.suggestedFilename()).toBe('mapsim-us-winners-2040.csv');
  const text = fs.readFileSync(await file.path(), 'utf8');
  expect(text).toContain('breakdown,group,measure,value,unit');
  const row = text.split('\n').find((l) => l.startsWith('all,everyone,better_off_over_1_pct,'));
  expect(Math.round(Number(row.split(',')[3]))).toBe(Number(share));
});

test('under the status quo nobody gains or pays', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=fi&bi=0&p2p=0&tab=distribution');
  await expect(app.winners().summary()).toContainText('0 % of people are better off by more than 1 % in real terms and 0 % worse off', { timeout: 15_000 });
});

test('six typical households and a household like yours get their income statements', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=uk&tab=distribution&year=2035');
  const households = app.households();
  const summary = households.rows();
  await expect(summary.first()).toBeVisible({ timeout: 15_000 });
  expect(await summary.count()).toBeGreaterThanOrEqual(5);
  await expect(summary.first().locator('th')).toHaveText('A single adult at median pay');
  await expect(summary.first().locator('td').nth(0)).toContainText('GBP a month');
  // The whole statement of the first one: from pay to real disposable income.
  await households.toggles().first().click();
  const lines = households.statementLines('single_median_pay');
  await expect(lines.first()).toHaveText('Pay from work');
  await expect(lines.last()).toHaveText('Real disposable income');

  // A household like yours: two adults, one earning, two children.
  const mine = app.mine();
  const before = await mine.summary().textContent();
  await mine.set('adults', '2');
  await mine.set('children', '2');
  await expect(mine.summary()).not.toHaveText(before);
  // Both edits stay: the second one starts from the first.
  await expect(mine.field('adults')).toHaveValue('2');
  await expect(mine.field('children')).toHaveValue('2');
  await expect(mine.field('earnings-1')).toBeVisible();
  // Bad values get a message beside their field, and the statement keeps the last good ones.
  const good = await mine.summary().textContent();
  await mine.set('adults', '3');
  await expect(mine.error('adults')).toHaveText('Enter the number of adults: a whole number from 1 to 2.');
  await expect(mine.field('adults')).toHaveAttribute('aria-invalid', 'true');
  // What the reader typed stays in view beside its message (a redraw does not replace it).
  await expect(mine.field('adults')).toHaveValue('3');
  await mine.set('wealth', '-500');
  await expect(mine.error('wealth')).toContainText('cannot be below 0');
  await expect(mine.summary()).toHaveText(good);
  await expect(mine.field('earnings-1')).toBeVisible();
  // Put right, the message goes.
  await mine.set('adults', '2');
  await expect(mine.error('adults')).toHaveCount(0);
  await expect(mine.field('adults')).not.toHaveAttribute('aria-invalid', 'true');
  await mine.set('wealth', '10000');
  await expect(mine.statement().nth(4).locator('th')).toHaveText('Basic Income');
  await expect(mine.statement().nth(4).locator('td').nth(2)).toContainText('+');
  // Nothing the reader entered goes into the link.
  expect(page.url()).not.toContain('children');
  await mine.card().screenshot({ path: path.join(ARTIFACTS, 'household-like-mine.png') });
});

test('the headline strip opens with sentences that follow every input, read out once the input rests', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=us&year=2040');
  const lead = app.explain();
  await expect(lead).toContainText(/^By 2040, a Basic Income of 1\u2009000 USD a month (raises|lowers) /, { timeout: 15_000 });
  await expect(lead).toContainText('% of people are better off');
  await expect(lead).toContainText('Per person a month on average:');
  // The polite live region takes the text once it has rested, not at every step of a drag.
  await expect(app.explainLive()).toHaveText(await lead.textContent(), { timeout: 5_000 });
  await app.setValue('bi', 0);
  await expect(lead).toContainText(/^By 2040, your scenario /, { timeout: 10_000 });
  await expect(app.explainLive()).toContainText('By 2040, your scenario', { timeout: 5_000 });
});

test('teachers can embed who gains and who pays, and the cost lesson walks to it', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=us&embed=1&view=winners&controls=bi');
  await expect(app.winners().chart.card).toBeVisible({ timeout: 15_000 });
  await expect(app.winners().shares()).toHaveCount(9);
  await expect(app.control('bi')).toBeVisible();
  await app.goto('./?v=5&region=uk&embed=1&view=households&controls=bi');
  await expect(app.households().rows().first()).toBeVisible({ timeout: 15_000 });
  await app.goto('./?lesson=basic_income_cost&step=7');
  await expect(app.tab('Distribution')).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 });
  await expect(app.winners().chart.card).toBeVisible({ timeout: 15_000 });
});

test('a household like yours goes into the share link only when its reader ticks the box', async ({ page }) => {
  const app = await new App(page).goto('./?v=5&region=fi&tab=distribution');
  const mine = app.mine();
  await expect(mine.summary()).toBeVisible({ timeout: 15_000 });
  await mine.set('children', '3');
  expect(page.url()).not.toContain('h.');
  await mine.shareBox().check();
  await expect(page).toHaveURL(/h\.children=3/);
  await mine.set('earnings-0', '3100');
  await expect(page).toHaveURL(/h\.pay=3100/);
  // The link reopens the same household, box ticked.
  const shared = page.url();
  await app.goto('./?v=5&region=fi');
  await app.goto(shared);
  await expect(mine.field('earnings-0')).toHaveValue('3100', { timeout: 15_000 });
  await expect(mine.field('children')).toHaveValue('3');
  await expect(mine.shareBox()).toBeChecked();
  // Unticked, the link forgets it, and the form keeps what the reader entered.
  await mine.shareBox().uncheck();
  await expect(page).not.toHaveURL(/h\./);
  await expect(mine.field('children')).toHaveValue('3');
  // Another tab and back: the form still holds it.
  await app.tab('Overview').click();
  await app.tab('Distribution').click();
  await expect(mine.field('children')).toHaveValue('3', { timeout: 15_000 });
});
