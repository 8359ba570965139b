// The served site in headless Chromium: every exercise opened from a URL with non-default parameters,
// run, compared with the native CLI, drawn (non-blank canvases), with no console errors and no request to
// another origin; the form and bad input; screenshots of every exercise in test-results/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';

import { inkPerCanvas, openPage, screenshots, settled, startSite } from './browser.mjs';
import { paramsFor } from './cases.mjs';
import { differences, nativeCli } from '../node/lab-module.mjs';

const catalog = JSON.parse(nativeCli(['list']).stdout);
let site;

before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const hashFor = (id, params) => `#${id}${Object.entries(params).map(([k, v]) => `&${k}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : v)}`).join('')}`;

test('the home page lists all 25 exercises by notebook', async () => {
  const page = await openPage(site);
  await page.goto(site.base);
  await page.waitForSelector('.notebook-card');
  assert.equal(await page.locator('#nav-list a[data-id]').count(), 25);
  assert.equal(await page.locator('#nav-list .nav-notebook').count(), 5);
  await page.waitForSelector('#engine-status:has-text("Engine ready")');
  await page.screenshot({ path: join(screenshots, 'home-desktop.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(page.foreignRequests, []);
  await page.closeAll();
});

describe('every exercise, opened from a URL with non-default parameters, then run from the form', () => {
  for (const exercise of catalog) {
    test(`${exercise.id} ${exercise.title}`, async () => {
      const params = paramsFor(exercise);
      const page = await openPage(site);
      await page.goto(site.base + hashFor(exercise.id, params));
      assert.equal(await settled(page), 'done', await page.locator('.run-error').textContent().catch(() => ''));

      // The page shows the Result the native CLI computes for the same parameters.
      const native = JSON.parse(nativeCli(['run', exercise.id, '--params', JSON.stringify(params)]).stdout);
      assert.ok(!native.error, JSON.stringify(native.error));
      const shown = await page.$$eval('.metric', (items) => Object.fromEntries(items.map((item) => [
        item.dataset.metric, item.querySelector('.metric-value').getAttribute('title')])));
      for (const [name, value] of Object.entries(native.metrics)) {
        if (name.endsWith('_ms')) continue;
        const pageValue = shown[name] === 'null' ? null : typeof value === 'number' ? Number(shown[name]) : shown[name] === 'true' ? true : shown[name] === 'false' ? false : shown[name];
        assert.deepEqual(differences(pageValue, value, name), [], `metric ${name}`);
      }
      assert.equal(await page.locator('.results .chart-card').count(), native.charts.length);
      assert.equal(await page.locator('.results table.data').count(), native.tables.length);
      for (const chart of native.charts) assert.ok(await page.locator('.chart-card h4', { hasText: chart.title }).count() > 0, chart.title);

      // Every chart drew something.
      for (const canvas of await inkPerCanvas(page)) {
        assert.ok(canvas.ink > Math.max(200, canvas.area * 0.005), `blank canvas: ${canvas.label} (${canvas.ink} px)`);
      }
      // The parameters are in the form and in the URL.
      for (const [name, value] of Object.entries(params)) {
        const control = page.locator(`#param-${name}`);
        if (typeof value === 'boolean') assert.equal(await control.isChecked(), value);
        else if (typeof value !== 'object') assert.equal(await control.inputValue(), String(value));
      }
      await page.screenshot({ path: join(screenshots, `${exercise.id}-desktop.png`), fullPage: true });

      // Then through the form: back to the defaults, Run, and the notebook's own run draws too.
      await page.click('button:has-text("Reset to defaults")');
      await page.click('button[type="submit"]');
      await page.waitForFunction((id) => window.location.hash.split('&')[0] === `#${id}` && !window.location.hash.includes('&') ||
        window.location.hash === `#${id}&seed=${document.querySelector('#param-seed')?.value}`, exercise.id);
      assert.equal(await settled(page), 'done');
      const defaults = JSON.parse(nativeCli(['run', exercise.id]).stdout);
      assert.equal(await page.locator('.results .chart-card').count(), defaults.charts.length);
      for (const canvas of await inkPerCanvas(page)) {
        assert.ok(canvas.ink > Math.max(200, canvas.area * 0.005), `blank canvas after a form run: ${canvas.label}`);
      }
      assert.deepEqual(page.problems, []);
      assert.deepEqual(page.foreignRequests, []);
      await page.closeAll();
    });
  }
});

test('a run through the form updates the URL and the Result', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.1`);
  await settled(page);
  await page.fill('#param-seq_len', '10');
  await page.fill('#param-d_model', '8');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => window.location.hash === '#01.1&seq_len=10&d_model=8');
  assert.equal(await settled(page), 'done');
  assert.equal(await page.getAttribute('.metric[data-metric="self_similarity"] .metric-value', 'title'), '4');
  assert.equal(await page.getAttribute('.metric[data-metric="sim_0_10"] .metric-value', 'title'), 'null');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('bad input shows the core\'s message beside the form, and the next run works', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.2`);
  await settled(page);
  await page.fill('#param-n_heads', '6');
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'error');
  const message = await page.locator('.run-error').textContent();
  assert.match(message, /d_model must be divisible by n_heads \(64 % 6 != 0\)/);
  assert.equal(await page.getAttribute('#param-n_heads', 'aria-invalid'), 'true');
  await page.fill('#param-n_heads', '8');
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  assert.equal(await page.locator('.run-error').isVisible(), false);
  // A URL with an out-of-range value and an unknown name: the page says what is allowed.
  await page.goto(`${site.base}#01.1&seq_len=100000`);
  assert.equal(await settled(page), 'error');
  assert.match(await page.locator('.run-error').textContent(), /seq_len must be at most 512/);
  await page.goto(`${site.base}#01.1&colour=red`);
  assert.equal(await settled(page), 'error');
  assert.match(await page.locator('.run-error').textContent(), /unknown parameter "colour"/);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
