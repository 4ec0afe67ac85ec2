// Who gains and who pays (issue 19): the Distribution tab's winners chart and group shares,
// the headline card, and the CSV of the chosen year.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');

const { ARTIFACTS } = require('../pages/app');

test('the Distribution tab says who gains and who pays, decile by decile and group by group', async ({ page }) => {
  await page.goto('./?v=5&region=us&tab=distribution&year=2040');
  const card = page.locator('#chart-winners');
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole('heading')).toHaveText('Who gains and who pays, 2040');
  await expect(page.locator('#winners-summary')).toContainText(/In 2040, \d+ % of people are better off by more than 1 % in real terms and \d+ % worse off\./);
  // The bars are drawn.
  await expect.poll(() => card.locator('canvas').evaluate((c) => {
    if (c.width === 0) return 0;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) n += 1;
    return n;
  }), { timeout: 10_000 }).toBeGreaterThan(1000);
  // Everyone, three person groups, five household types.
  await expect(page.locator('#winners-shares tbody tr')).toHaveCount(9);
  await expect(page.locator('#winners-shares tbody tr').first().locator('th')).toHaveText('Everyone');
  // The data table: ten deciles, each change with its unit.
  await card.locator('details.data summary').click();
  await expect(page.locator('#winners-deciles tbody tr')).toHaveCount(10);
  await expect(page.locator('#winners-deciles tbody tr').first().locator('td').nth(1)).toContainText('USD a month');
  // The headline strip says the same share.
  const share = (await page.locator('#winners-summary').textContent()).match(/(\d+) % of people are better off/)[1];
  await expect(page.locator('#headline-winners .value')).toHaveText(`${share} %`);
  await page.locator('#chart-winners').screenshot({ path: path.join(ARTIFACTS, 'winners.png') });
  await page.locator('#chart-winners-groups').screenshot({ path: path.join(ARTIFACTS, 'winners-groups.png') });

  // The CSV of the chosen year holds the same share.
  await page.locator('#export-menu > summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#export-winners').click(),
  ]);
  expect(file.suggestedFilename()).toBe('mapsim-us-winners-2040.csv');
  const text = fs.readFileSync(await file.path(), 'utf8');
  expect(text).toContain('breakdown,group,measure,value,unit');
  const row = text.split('\n').find((l) => l.startsWith('all,everyone,better_off_over_1_pct,'));
  expect(Math.round(Number(row.split(',')[3]))).toBe(Number(share));
});

test('under the status quo nobody gains or pays', async ({ page }) => {
  await page.goto('./?v=5&region=fi&bi=0&p2p=0&tab=distribution');
  await expect(page.locator('#winners-summary')).toContainText('0 % of people are better off by more than 1 % in real terms and 0 % worse off', { timeout: 15_000 });
});

test('six typical households and a household like yours get their income statements', async ({ page }) => {
  await page.goto('./?v=5&region=uk&tab=distribution&year=2035');
  const summary = page.locator('#households-summary tbody tr');
  await expect(summary.first()).toBeVisible({ timeout: 15_000 });
  expect(await summary.count()).toBeGreaterThanOrEqual(5);
  await expect(summary.first().locator('th')).toHaveText('A single adult at median pay');
  await expect(summary.first().locator('td').nth(0)).toContainText('GBP a month');
  // The whole statement of the first one: from pay to real disposable income.
  await page.locator('#households details summary').first().click();
  const lines = page.locator('#statement-single_median_pay tbody tr th');
  await expect(lines.first()).toHaveText('Pay from work');
  await expect(lines.last()).toHaveText('Real disposable income');

  // A household like yours: two adults, one earning, two children.
  const before = await page.locator('#mine-summary').textContent();
  await page.locator('#mine-adults').fill('2');
  await page.locator('#mine-adults').dispatchEvent('change');
  await page.locator('#mine-children').fill('2');
  await page.locator('#mine-children').dispatchEvent('change');
  await expect(page.locator('#mine-summary')).not.toHaveText(before);
  // Both edits stay: the second one starts from the first.
  await expect(page.locator('#mine-adults')).toHaveValue('2');
  await expect(page.locator('#mine-children')).toHaveValue('2');
  await expect(page.locator('#mine-earnings-1')).toBeVisible();
  // Bad values get a message beside their field, and the statement keeps the last good ones.
  const good = await page.locator('#mine-summary').textContent();
  await page.locator('#mine-adults').fill('3');
  await page.locator('#mine-adults').dispatchEvent('change');
  await expect(page.locator('#mine-adults-error')).toHaveText('Enter the number of adults: a whole number from 1 to 2.');
  await expect(page.locator('#mine-adults')).toHaveAttribute('aria-invalid', 'true');
  // What the reader typed stays in view beside its message (a redraw does not replace it).
  await expect(page.locator('#mine-adults')).toHaveValue('3');
  await page.locator('#mine-wealth').fill('-500');
  await page.locator('#mine-wealth').dispatchEvent('change');
  await expect(page.locator('#mine-wealth-error')).toContainText('cannot be below 0');
  await expect(page.locator('#mine-summary')).toHaveText(good);
  await expect(page.locator('#mine-earnings-1')).toBeVisible();
  // Put right, the message goes.
  await page.locator('#mine-adults').fill('2');
  await page.locator('#mine-adults').dispatchEvent('change');
  await expect(page.locator('#mine-adults-error')).toHaveCount(0);
  await expect(page.locator('#mine-adults')).not.toHaveAttribute('aria-invalid', 'true');
  await page.locator('#mine-wealth').fill('10000');
  await page.locator('#mine-wealth').dispatchEvent('change');
  await expect(page.locator('#statement-mine tbody tr').nth(4).locator('th')).toHaveText('Basic Income');
  await expect(page.locator('#statement-mine tbody tr').nth(4).locator('td').nth(2)).toContainText('+');
  // Nothing the reader entered goes into the link.
  expect(page.url()).not.toContain('children');
  await page.locator('#mine').screenshot({ path: path.join(ARTIFACTS, 'household-like-mine.png') });
});

test('the headline strip opens with sentences that follow every input, read out once the input rests', async ({ page }) => {
  await page.goto('./?v=5&region=us&year=2040');
  const lead = page.locator('#explain');
  await expect(lead).toContainText(/^By 2040, a Basic Income of 1\u2009000 USD a month (raises|lowers) /, { timeout: 15_000 });
  await expect(lead).toContainText('% of people are better off');
  await expect(lead).toContainText('Per person a month on average:');
  // The polite live region takes the text once it has rested, not at every step of a drag.
  await expect(page.locator('#explain-live')).toHaveText(await lead.textContent(), { timeout: 5_000 });
  await page.locator('#bi').evaluate((el) => {
    el.value = '0';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(lead).toContainText(/^By 2040, your scenario /, { timeout: 10_000 });
  await expect(page.locator('#explain-live')).toContainText('By 2040, your scenario', { timeout: 5_000 });
});

test('teachers can embed who gains and who pays, and the cost lesson walks to it', async ({ page }) => {
  await page.goto('./?v=5&region=us&embed=1&view=winners&controls=bi');
  await expect(page.locator('#chart-winners')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#winners-shares tbody tr')).toHaveCount(9);
  await expect(page.locator('#bi')).toBeVisible();
  await page.goto('./?v=5&region=uk&embed=1&view=households&controls=bi');
  await expect(page.locator('#households-summary tbody tr').first()).toBeVisible({ timeout: 15_000 });
  await page.goto('./?lesson=basic_income_cost&step=7');
  await expect(page.getByRole('tab', { name: 'Distribution' })).toHaveAttribute('aria-selected', 'true', { timeout: 15_000 });
  await expect(page.locator('#chart-winners')).toBeVisible({ timeout: 15_000 });
});

test('a household like yours goes into the share link only when its reader ticks the box', async ({ page }) => {
  await page.goto('./?v=5&region=fi&tab=distribution');
  await expect(page.locator('#mine-summary')).toBeVisible({ timeout: 15_000 });
  await page.locator('#mine-children').fill('3');
  await page.locator('#mine-children').dispatchEvent('change');
  expect(page.url()).not.toContain('h.');
  await page.locator('#mine-share').check();
  await expect(page).toHaveURL(/h\.children=3/);
  await page.locator('#mine-earnings-0').fill('3100');
  await page.locator('#mine-earnings-0').dispatchEvent('change');
  await expect(page).toHaveURL(/h\.pay=3100/);
  // The link reopens the same household, box ticked.
  const shared = page.url();
  await page.goto('./?v=5&region=fi');
  await page.goto(shared);
  await expect(page.locator('#mine-earnings-0')).toHaveValue('3100', { timeout: 15_000 });
  await expect(page.locator('#mine-children')).toHaveValue('3');
  await expect(page.locator('#mine-share')).toBeChecked();
  // Unticked, the link forgets it, and the form keeps what the reader entered.
  await page.locator('#mine-share').uncheck();
  await expect(page).not.toHaveURL(/h\./);
  await expect(page.locator('#mine-children')).toHaveValue('3');
  // Another tab and back: the form still holds it.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Distribution' }).click();
  await expect(page.locator('#mine-children')).toHaveValue('3', { timeout: 15_000 });
});
