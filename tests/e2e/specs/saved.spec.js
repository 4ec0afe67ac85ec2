// Saved scenarios survive a reload; damaged entries are skipped with a notice; scenarios
// go out and come back as JSON files, and a bad file gets a clear message.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { App } = require('../pages/app');

test('a saved scenario survives a reload, loads, renames and deletes', async ({ page }) => {
  const app = await new App(page).open('./?v=1&region=fi&bi=900');
  const saved = app.saved();
  await saved.toggle();
  await saved.nameInput().fill('Finnish 900');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saved.names()).toHaveText(['Finnish 900']);

  await app.open('./');
  await expect(app.output('bi')).toHaveText('1\u2009000 USD a month');
  await saved.toggle();
  await page.getByRole('button', { name: 'Load Finnish 900' }).click();
  await expect(app.output('bi')).toHaveText('900 EUR a month');

  await page.getByRole('button', { name: 'Rename Finnish 900' }).click();
  await saved.renameInput().fill('Helsinki');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(saved.names()).toHaveText(['Helsinki']);
  await page.getByRole('button', { name: 'Delete Helsinki' }).click();
  await expect(saved.names()).toHaveCount(0);
});

test('a corrupted or foreign entry shows a notice and the app works', async ({ page }) => {
  const app = await new App(page).goto('./');
  await page.evaluate(() => {
    localStorage.setItem('mapsim.scenario.broken', '{not json');
    localStorage.setItem('mapsim.scenario.other', JSON.stringify({ hello: 'world' }));
    localStorage.setItem('mapsim.scenario.good', JSON.stringify({ name: 'good', link: 'v=1&region=uk&bi=500' }));
  });
  await app.open('./');
  const text = (await app.notices().allTextContents()).join(' ');
  expect(text).toContain("'broken' could not be read");
  expect(text).toContain("'other' could not be read");
  const saved = app.saved();
  await saved.toggle();
  await expect(saved.names()).toHaveText(['good']);
  await page.getByRole('button', { name: 'Load good' }).click();
  await expect(app.output('bi')).toHaveText('500 GBP a month');
});

test('a scenario goes out as a JSON file and comes back; a bad file gets a message', async ({ page }) => {
  const app = await new App(page).open('./?v=1&region=uk&bi=650&p2p=45');
  const saved = app.saved();
  await saved.toggle();
  const download = await app.download(page.getByRole('button', { name: 'Export as file' }));
  expect(download.suggestedFilename()).toBe('mapsim-scenario-uk.json');
  const file = path.join(os.tmpdir(), `mapsim-${Date.now()}.json`);
  await download.saveAs(file);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(data.mapsim).toBe(1);
  expect(data.link).toContain('bi=650');

  await app.open('./');
  await saved.toggle();
  await saved.importFile().setInputFiles(file);
  await expect(app.output('bi')).toHaveText('650 GBP a month');
  await expect(app.output('p2p')).toHaveText('45 %');

  const bad = path.join(os.tmpdir(), `mapsim-bad-${Date.now()}.json`);
  fs.writeFileSync(bad, 'this is not json');
  await saved.toggle();
  await saved.importFile().setInputFiles(bad);
  await expect(app.notices().last()).toContainText('not a mapsim scenario');
  await expect(app.canvas()).toBeVisible();
});
