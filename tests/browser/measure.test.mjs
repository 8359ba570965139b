// Measures, without asserting any time: what a first visit transfers (every byte the server sends, service
// worker precache included, raw and as gzip would send it) and how long from navigation to the first drawn chart.
// Prints the figures and writes them to test-results/measurements.json.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { openPage, settled, startSite } from './browser.mjs';
import { root } from '../node/lab-module.mjs';

const served = [];
let site;

before(async () => { site = await startSite({ onServe: (path, body) => served.push({ path, raw: body.length, gzip: gzipSync(body).length }) }); });
after(async () => { await site?.close(); });

test('a first visit to an exercise: bytes transferred and time to the first chart', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.1`);
  assert.equal(await settled(page), 'done');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);  // let the service worker finish precaching the shell
  const timing = await page.evaluate(() => ({
    firstChart: performance.getEntriesByName('lab:first-chart')[0]?.startTime,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
  }));
  const kib = (n) => Math.round(n / 102.4) / 10;
  const total = served.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
  const figures = {
    first_visit_files: served.length,
    first_visit_kib_raw: kib(total.raw),
    first_visit_kib_gzip: kib(total.gzip),
    navigation_to_first_chart_ms: Math.round(timing.firstChart),
    dom_content_loaded_ms: Math.round(timing.domContentLoaded),
    files: served.map((file) => `${file.path} ${file.raw} B (${file.gzip} B gzip)`),
  };
  console.log(`first visit: ${figures.first_visit_files} files, ${figures.first_visit_kib_raw} KiB raw, ${figures.first_visit_kib_gzip} KiB gzip; navigation to first chart ${figures.navigation_to_first_chart_ms} ms`);
  writeFileSync(join(root, 'test-results', 'measurements.json'), `${JSON.stringify(figures, null, 2)}\n`);
  assert.ok(Number.isFinite(timing.firstChart));
  assert.ok(served.every((file) => !file.path.includes('lab-scalar')), 'a SIMD browser never downloads the scalar build');
  await page.closeAll();
});

test('two 512 × 512 heatmaps: compute, transfer and draw', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.1&seq_len=512&d_model=512`);
  assert.equal(await settled(page), 'done');
  const figures = await page.evaluate(() => ({
    render_ms: Math.round(performance.getEntriesByName('lab:render').at(-1).duration),
    status: document.querySelector('.run-status').textContent,
    rows: [...document.querySelectorAll('canvas.heatmap-canvas')].map((c) => c.getAttribute('aria-label').match(/of (\d+) rows/)[1]),
  }));
  console.log(`512 × 512: ${figures.status} Drawing the Result (two 512 × 512 heatmaps and a line) took ${figures.render_ms} ms.`);
  assert.deepEqual(figures.rows, ['512', '512']);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
