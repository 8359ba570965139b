// What a learner does beyond the defaults: compares runs (kept by hand, or a sweep from the URL, in the page and in
// the embed, with their CSV and JSON), brings their own text (typed one item a line, loaded from a file, dropped on
// the field), trains 05.4 on a text, sees a broken JSON field pointed at its line with the old Result marked as not
// current, and watches the time left of a long run. Every figure is checked against the native CLI's Result.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openPage, screenshots, settled, startSite } from './browser.mjs';
import { nativeCli } from '../node/lab-module.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const cli = (id, params) => {
  const run = nativeCli(['run', id, '--params', JSON.stringify(params)]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout);
};
const close = (a, b) => Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;

// The datasets of the Chart.js chart in the card whose title starts with `title`: [{label, ys}]
const datasetsOf = (page, title) => page.$$eval('.results .chart-card', (cards, wanted) => {
  const card = cards.find((c) => c.querySelector('h4').textContent.startsWith(wanted));
  const chart = card && globalThis.Chart.getChart(card.querySelector('canvas'));
  return chart ? chart.data.datasets.map((d) => ({ label: d.label, ys: d.data.map((p) => (p && typeof p === 'object' ? p.y : p)) })) : null;
}, title);

async function downloaded(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('a sweep in the URL runs 01.5 once per learning rate and draws both losses on one chart, in its CSV and JSON too', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.5&steps=100&compare=lr:0.001,0.01`);
  await page.waitForSelector('.compare-runs[data-compared="2"]', { timeout: 60000 });
  assert.equal(await settled(page), 'done');
  const runs = [cli('01.5', { steps: 100, lr: 0.001 }), cli('01.5', { steps: 100, lr: 0.01 })];
  const loss = runs[0].charts.find((c) => c.key === 'loss');
  const datasets = await datasetsOf(page, loss.title.slice(0, 12));
  assert.deepEqual(datasets.map((d) => d.label), ['lr=0.001', 'lr=0.01']);
  runs.forEach((run, r) => {
    const values = run.charts.find((c) => c.key === 'loss').series[0].values;
    assert.equal(datasets[r].ys.length, values.length);
    values.forEach((v, i) => assert.ok(close(datasets[r].ys[i], v), `run ${r} step ${i}: ${datasets[r].ys[i]} vs ${v}`));
  });
  // The headline figures: a column per run, each the core's value.
  const header = await page.$$eval('.compare-metrics thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(header, ['metric', 'lr=0.001', 'lr=0.01']);
  const finalLoss = await page.$$eval('.compare-metrics tbody tr', (trs) => trs.find((tr) => tr.firstChild.textContent === 'final_loss')
    .querySelectorAll('td').length);
  assert.equal(finalLoss, 2);
  assert.ok(runs[0].metrics.final_loss > runs[1].metrics.final_loss * 3, 'the two runs differ, so the overlay shows two curves');

  // The chart's CSV carries both runs, the JSON export both Results.
  const card = page.locator('.chart-card', { hasText: loss.title.slice(0, 12) });
  const csv = (await downloaded(page, () => card.locator('button', { hasText: 'Download CSV' }).click())).trim().split('\r\n');
  assert.equal(csv[0], `${loss.x_label},lr=0.001,lr=0.01`);
  assert.equal(csv.length, loss.x.length + 1);
  const lastRow = csv[csv.length - 1].split(',').map(Number);
  assert.ok(close(lastRow[1], runs[0].charts[0].series[0].values.at(-1)) && close(lastRow[2], runs[1].charts[0].series[0].values.at(-1)));
  const json = JSON.parse(await downloaded(page, () => page.click('.result-toolbar button:has-text("Download Result")')));
  assert.deepEqual(json.compared.map((run) => run.label), ['lr=0.001', 'lr=0.01']);
  assert.deepEqual(json.compared.map((run) => run.result.metrics.final_loss), runs.map((run) => run.metrics.final_loss));
  // The sweep control shows what the URL asked for.
  assert.equal(await page.inputValue('#param-sweep-name'), 'lr');
  assert.equal(await page.inputValue('#param-sweep-values'), '0.001, 0.01');
  await page.screenshot({ path: join(screenshots, 'compare-01.5-lr.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the sweep control writes the comparison into the URL, so the link reproduces it; at 375 px it fits', async () => {
  const page = await openPage(site, { width: 375, height: 800 });
  await page.goto(`${site.base}#01.1`);
  await settled(page);
  await page.click('.sweep > summary');
  await page.selectOption('#param-sweep-name', 'seq_len');
  await page.fill('#param-sweep-values', '12, 24');
  await page.click('.sweep-run');
  await page.waitForFunction(() => window.location.hash.includes('&compare=seq_len:12,24'));
  await page.waitForSelector('.compare-runs[data-compared="2"]');
  assert.equal(await settled(page), 'done');
  // Heatmaps side by side on one colour scale: two panels per heatmap, titled by their runs.
  const titles = await page.$$eval('.compare-side-by-side .chart-card h4', (hs) => hs.map((h) => h.textContent));
  assert.ok(titles.some((t) => t.endsWith('· seq_len=12')) && titles.some((t) => t.endsWith('· seq_len=24')), titles.join(' | '));
  const rows = await page.$$eval('.compare-side-by-side canvas.heatmap-canvas', (cs) => cs.map((c) => Number(/of (\d+) rows/.exec(c.getAttribute('aria-label'))[1])));
  assert.deepEqual(rows.slice(0, 2), [12, 24]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the comparison overflows by ${overflow} px`);
  // The side-by-side pair's CSV holds both runs' cells, each row led by its run.
  const pair = page.locator('.compare-side-by-side').first();
  const csv = (await downloaded(page, () => pair.locator('button', { hasText: 'all runs' }).click())).trim().split('\r\n');
  const encoding = [cli('01.1', { seq_len: 12 }), cli('01.1', { seq_len: 24 })].map((run) => run.charts[0]);
  assert.equal(csv.length, 1 + 12 + 24);
  assert.ok(csv[0].startsWith('run,'));
  assert.deepEqual([csv[1].split(',')[0], csv[13].split(',')[0]], ['seq_len=12', 'seq_len=24']);
  assert.ok(close(Number(csv[13].split(',')[3]), encoding[1].z[0][1]));
  await page.screenshot({ path: join(screenshots, 'compare-01.1-phone.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('Keep this run pins a Result: the next run draws over it, Clear kept runs returns to one', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#02.5&epochs=20`);
  await settled(page);
  await page.click('.keep-run');
  assert.equal(await page.textContent('.keep-run'), 'Kept');
  await page.fill('#param-epochs', '60');
  await page.click('button[type="submit"]');
  await page.waitForSelector('.compare-runs[data-compared="2"]');
  assert.equal(await settled(page), 'done');
  const native = [cli('02.5', { epochs: 20 }), cli('02.5', { epochs: 60 })];
  const bar = native[0].charts.find((c) => c.type === 'bar');
  const datasets = await datasetsOf(page, bar.title.slice(0, 10));
  assert.ok(datasets, `a grouped bar chart for ${bar.key}`);
  const expected = native.flatMap((run) => run.charts.find((c) => c.key === bar.key).series);
  assert.equal(datasets.length, expected.length);
  assert.ok(datasets.every((d) => /^epochs=(20|60)/.test(d.label)), datasets.map((d) => d.label).join(', '));
  datasets.forEach((d, i) => expected[i].values.forEach((v, k) => assert.ok(close(d.ys[k], v))));
  await page.click('.clear-kept');
  await page.waitForSelector('.results .metrics');
  assert.equal(await page.$('.compare-runs'), null);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('while a sweep trains its second run, the live loss grows over the first run\'s curve', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.5&steps=3000&compare=lr:0.001,0.01`);
  const live = await page.waitForFunction(() => {
    const canvas = document.querySelector('.results .chart-card canvas');
    const chart = canvas && globalThis.Chart.getChart(canvas);
    return chart && chart.data.datasets.length === 2 && chart.data.datasets[0].data.length > 0 && chart.data.datasets.map((d) => d.label);
  }, null, { timeout: 60000, polling: 50 });
  assert.deepEqual(await live.jsonValue(), ['lr=0.01 (live)', 'lr=0.001']);
  await page.waitForSelector('.compare-runs[data-compared="2"]', { timeout: 120000 });
  assert.equal(await settled(page), 'done');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the embed runs a comparison from its hash too', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}embed.html#01.5&steps=60&compare=lr:0.001,0.01`);
  await page.waitForSelector('.compare-runs[data-compared="2"]', { timeout: 60000 });
  assert.equal(await settled(page), 'done');
  const datasets = await page.$$eval('.results canvas', (cs) => cs.map((c) => globalThis.Chart.getChart(c)?.data.datasets.length ?? 0));
  assert.ok(datasets.includes(2));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('04.2 takes its corpus as plain text, one sentence a line, and computes what the CLI computes for it', async () => {
  const corpus = ['the dog ran to the park', 'the dog sat in the sun', 'a cat sat on the dog'];
  const page = await openPage(site);
  await page.goto(`${site.base}#04.2`);
  await settled(page);
  await page.fill('#param-corpus', corpus.join('\n'));
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => window.location.hash.includes('corpus='));
  assert.equal(await settled(page), 'done');
  const native = cli('04.2', { corpus });
  assert.equal((await page.textContent('.results .insight')).replace(/^Insight\. /, ''), native.insight);
  // The hash holds the list as JSON, so the link reproduces it.
  assert.match(decodeURIComponent(await page.evaluate(() => window.location.hash)), /corpus=\["the dog ran to the park"/);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('04.3 loads its training pairs from a .csv file (text,label) and 03.3 its queries from a dropped .txt file', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#04.3`);
  await settled(page);
  const train = [['I love it, works great', 1], ['awful, broken on arrival', 0], ['great value and "fast"', 1], ['bad and slow', 0],
    ['love the quality', 1], ['terrible support', 0]];
  const csv = `text,label\n${train.map(([t, l]) => (t.includes('"') ? `"${t.replaceAll('"', '""')}"` : t) + `,${l}`).join('\n')}\n`;
  await page.setInputFiles('#param-train ~ .file-actions input[type="file"]', { name: 'reviews.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => /Loaded reviews\.csv: 6 items/.test(document.querySelector('#param-train-loaded').textContent));
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  const native = cli('04.3', { train });
  for (const [name, value] of Object.entries(native.metrics)) {
    const shown = Number(await page.getAttribute(`.metric[data-metric="${name}"] .metric-value`, 'title'));
    if (typeof value === 'number') assert.ok(close(shown, value), `${name}: ${shown} vs ${value}`);
  }
  assert.equal(native.metrics.features, Number(await page.getAttribute('.metric[data-metric="features"] .metric-value', 'title')));

  await page.goto(`${site.base}#03.3`);
  await settled(page);
  const queries = ['neural network training', 'language model'];
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'queries.txt', { type: 'text/plain' }));
    return transfer;
  }, `${queries.join('\r\n')}\r\n`);
  await page.dispatchEvent('#param-queries', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.querySelector('#param-queries').value === 'neural network training\nlanguage model');
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  assert.equal((await page.textContent('.results .insight')).replace(/^Insight\. /, ''), cli('03.3', { queries }).insight);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a JSON field that does not parse is pointed at its line, and the Result below is marked as not current', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#04.4`);
  await settled(page);
  await page.fill('#param-cases', '[\n  {"name": "A", "text": "hello"},\n  {"name": "B" "text": "world"}\n]');
  await page.click('button[type="submit"]');
  await page.waitForSelector('.results.stale .stale-note');
  assert.match(await page.textContent('#param-cases-error'), /line 3, column 16/);
  assert.match(await page.textContent('.run-status'), /Not run/);
  assert.doesNotMatch(await page.textContent('.run-status'), /Done/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'param-cases');
  assert.equal(await page.evaluate(() => document.activeElement.selectionStart), '[\n  {"name": "A", "text": "hello"},\n  {"name": "B" '.length);
  assert.equal(await page.$('.keep-run:not([disabled])'), null, 'a stale Result cannot be kept');
  await page.screenshot({ path: join(screenshots, 'json-error-stale.png') });
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('05.4 trains on a text typed into its corpus and reports the held-out perplexity the CLI reports', async () => {
  const text = 'the quick brown fox jumps over the lazy dog. '.repeat(12);
  const page = await openPage(site);
  await page.goto(`${site.base}#05.4&steps=150`);
  await settled(page);
  await page.fill('#param-corpus', text);
  await page.click('button[type="submit"]');
  assert.equal(await settled(page, 90000), 'done');
  const native = cli('05.4', { corpus: text, steps: 150 });
  for (const name of ['ppl_heldout_before', 'ppl_heldout_after']) {
    const shown = Number(await page.getAttribute(`.metric[data-metric="${name}"] .metric-value`, 'title'));
    assert.ok(close(shown, native.metrics[name]), `${name}: ${shown} vs ${native.metrics[name]}`);
  }
  assert.ok(native.metrics.ppl_heldout_after < native.metrics.ppl_heldout_before);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a long run shows its progress with the time left (05.1 at 2,000 steps)', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#05.1&steps=2000`);
  await page.waitForFunction(() => /step \d+ \/ \d+.*(about [\d.]+ s|under a second) left/.test(document.querySelector('.run-status')?.textContent || ''),
    null, { timeout: 60000, polling: 50 });
  const status = await page.textContent('.run-status');
  await page.locator('.controls').screenshot({ path: join(screenshots, 'progress-time-left.png') });
  assert.equal(await settled(page, 120000), 'done');
  assert.match(status, /s so far/);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
