// Saved scenarios survive a reload; damaged entries are skipped with a notice; scenarios
// go out and come back as JSON files, and a bad file gets a clear message.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('../pages/app');

test('a saved scenario survives a reload, loads, renames and deletes', async ({ page }) => {
  await new App(page).open('./?v=1&region=fi&bi=900');
  await page.locator('.saved > summary').click();
  await page.locator('#save-name').fill('Finnish 900');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.saved-name')).toHaveText(['Finnish 900']);

  await new App(page).open('./');
  await expect(page.locator('output[for=bi]')).toHaveText('1\u2009000 USD a month');
  await page.locator('.saved > summary').click();
  await page.getByRole('button', { name: 'Load Finnish 900' }).click();
  await expect(page.locator('output[for=bi]')).toHaveText('900 EUR a month');

  await page.getByRole('button', { name: 'Rename Finnish 900' }).click();
  await page.locator('#rename-input').fill('Helsinki');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.locator('.saved-name')).toHaveText(['Helsinki']);
  await page.getByRole('button', { name: 'Delete Helsinki' }).click();
  await expect(page.locator('.saved-name')).toHaveCount(0);
});

test('a corrupted or foreign entry shows a notice and the app works', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => {
    localStorage.setItem('mapsim.scenario.broken', '{not json');
    localStorage.setItem('mapsim.scenario.other', JSON.stringify({ hello: 'world' }));
    localStorage.setItem('mapsim.scenario.good', JSON.stringify({ name: 'good', link: 'v=1&region=uk&bi=500' }));
  });
  await new App(page).open('./');
  const text = (await page.locator('.notice').allTextContents()).join(' ');
  expect(text).toContain("'broken' could not be read");
  expect(text).toContain("'other' could not be read");
  await page.locator('.saved > summary').click();
  await expect(page.locator('.saved-name')).toHaveText(['good']);
  await page.getByRole('button', { name: 'Load good' }).click();
  await expect(page.locator('output[for=bi]')).toHaveText('500 GBP a month');
});

test('a scenario goes out as a JSON file and comes back; a bad file gets a message', async ({ page }) => {
  await new App(page).open('./?v=1&region=uk&bi=650&p2p=45');
  await page.locator('.saved > summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mapsim-scenario-uk.json');
  const file = path.join(os.tmpdir(), `mapsim-${Date.now()}.json`);
  await download.saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(saved.mapsim).toBe(1);
  expect(saved.link).toContain('bi=650');

  await new App(page).open('./');
  await page.locator('.saved > summary').click();
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('output[for=bi]')).toHaveText('650 GBP a month');
  await expect(page.locator('output[for=p2p]')).toHaveText('45 %');

  const bad = path.join(os.tmpdir(), `mapsim-bad-${Date.now()}.json`);
  fs.writeFileSync(bad, 'this is not json');
  await page.locator('.saved > summary').click();
  await page.locator('#import-file').setInputFiles(bad);
  await expect(page.locator('.notice').last()).toContainText('not a mapsim scenario');
  await expect(page.locator('canvas').first()).toBeVisible();
});
