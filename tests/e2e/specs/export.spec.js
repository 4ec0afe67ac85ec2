// Exports: the CSV parses, records the scenario in its header, and its numbers match what
// the page shows; the JSON and the books download too.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');

const { App, ARTIFACTS } = require('../pages/app');

test('CSV, JSON and books downloads hold the scenario and its numbers', async ({ page }) => {
  const app = await new App(page).open('./?v=1&region=uk&bi=700');
  const exports = app.exports();

  const csv = await exports.download('Every series (CSV)');
  expect(csv.name).toBe('mapsim-uk-series.csv');
  const lines = csv.text.trim().split('\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  expect(comments.join('\n')).toContain('# region: United Kingdom');
  expect(comments.join('\n')).toContain('# parameter bi = 700');
  expect(comments.join('\n')).toMatch(/# link: http.*bi=700/);
  const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split(','));
  const header = rows[0];
  const year = header.indexOf('year');
  const median = header.indexOf('median_income');
  expect(rows.length).toBe(52);
  const row2050 = rows.find((r) => r[year] === '2050');
  const fromCsv = Math.round(Number(row2050[median]));
  const shown = await app.headlineValues().first().textContent();
  const fromPage = Number(shown.replace(/[^0-9.]/g, ''));
  expect(Math.abs(fromCsv - fromPage)).toBeLessThanOrEqual(1);

  const json = await exports.download('Scenario and results (JSON)');
  const parsed = JSON.parse(json.text);
  expect(JSON.stringify(parsed)).toContain('median_income');

  const books = await exports.download('Books of the chosen year (CSV)');
  expect(books.name).toBe('mapsim-uk-books-2050.csv');
  const flowRows = books.text.split('\n\n')[0].trim().split('\n').slice(1);
  expect(flowRows.length).toBeGreaterThan(15);
  for (const r of flowRows) {
    const sum = Number(r.split(',').pop());
    expect(Math.abs(sum)).toBeLessThan(1e-3);
  }
});

test('a chart downloads as a PNG at twice its size, not blank', async ({ page }) => {
  const app = await new App(page).open('./?v=1&region=us&bi=1200', { chart: 'income' });
  const file = await app.download(page.getByRole('button', { name: 'Download Median real disposable income as a PNG image' }));
  expect(file.suggestedFilename()).toBe('mapsim-us-income.png');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBe(1440);
  expect(bytes.readUInt32BE(20)).toBe(1076);
  expect(bytes.length).toBeGreaterThan(30_000);
  fs.writeFileSync(path.join(ARTIFACTS, 'export-income.png'), bytes);
});
