// Charts that read at any parameters: one colour scale across 01.2's heads, a log axis (with its toggle) for 01.5's
// loss, 01.3's 194 per-parameter bars turned sideways, zero bars that show, PNGs that carry their title and
// caption, 02.2 measured again on every Run, and the home gallery's figures from the default Results.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openPage, screenshots, settled, startSite } from './browser.mjs';
import { nativeCli } from '../node/lab-module.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const cli = (id, params = {}) => JSON.parse(nativeCli(['run', id, '--params', JSON.stringify(params)]).stdout);
const chartOf = (page, key) => page.$$eval('.results .chart-card', (cards, title) => {
  const card = cards.find((c) => c.querySelector('h4').textContent === title);
  const chart = card && globalThis.Chart.getChart(card.querySelector('canvas'));
  return chart && { y: chart.options.scales.y.type, indexAxis: chart.options.indexAxis, height: card.querySelector('.chart-box').clientHeight,
    minBar: chart.data.datasets.map((d) => d.minBarLength) };
}, key);

test("01.2's heads share one colour scale, from the smallest to the largest weight of any of them", async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.2`);
  await settled(page);
  const heatmaps = cli('01.2').charts.filter((c) => c.type === 'heatmap');
  const lo = Math.min(...heatmaps.map((c) => c.zmin));
  const hi = Math.max(...heatmaps.map((c) => c.zmax));
  const ranges = await page.$$eval('.results canvas.heatmap-canvas', (cs) => cs.map((c) => /values from (\S+) to (\S+)\./.exec(c.getAttribute('aria-label')).slice(1).join(' ')));
  assert.equal(ranges.length, heatmaps.length);
  assert.equal(new Set(ranges).size, 1, ranges.join(' | '));
  const [shownLo, shownHi] = ranges[0].split(' ').map(Number);
  assert.ok(Math.abs(shownLo - lo) < 1e-4 && Math.abs(shownHi - hi) < 1e-4, `${ranges[0]} vs ${lo} ${hi}`);
  await page.closeAll();
});

test("01.5's loss starts on a log axis and the toggle turns it linear; 01.3's 194 bars lie sideways; 02.5's zero bars show", async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.5`);
  await settled(page);
  const loss = cli('01.5').charts.find((c) => c.key === 'loss');
  assert.equal((await chartOf(page, loss.title)).y, 'logarithmic');
  await page.locator('.chart-card', { hasText: loss.title }).locator('input.log-scale').uncheck();
  assert.equal((await chartOf(page, loss.title)).y, 'linear');

  await page.goto(`${site.base}#01.3&n_blocks=12`);
  await settled(page);
  const bars = cli('01.3', { n_blocks: 12 }).charts.find((c) => c.key === 'grad_norms');
  assert.equal(bars.labels.length, 194);
  const sideways = await chartOf(page, bars.title);
  assert.equal(sideways.indexAxis, 'y');
  assert.ok(sideways.height >= 14 * 194, `the sideways chart is ${sideways.height} px tall`);
  await page.screenshot({ path: join(screenshots, '01.3-n_blocks-12.png'), fullPage: true });

  await page.goto(`${site.base}#02.5`);
  await settled(page);
  const accuracy = cli('02.5').charts.find((c) => c.key === 'per_class_accuracy');
  assert.ok(accuracy.series.some((s) => s.values.includes(0)), 'a class at 0% accuracy');
  assert.ok((await chartOf(page, accuracy.title)).minBar.every((length) => length >= 2));
  await page.closeAll();
});

test("04.3's test sentences are cut on the axis and whole in the data and tooltip, at 375 px", async () => {
  const page = await openPage(site, { width: 375, height: 800 });
  await page.goto(`${site.base}#04.3`);
  await settled(page);
  const spec = cli('04.3').charts.find((c) => c.key === 'probabilities');
  const { ticks, labels } = await page.$eval('.results .chart-card canvas', (canvas) => {
    const chart = globalThis.Chart.getChart(canvas);
    return { ticks: chart.scales.x.ticks.map((t) => chart.scales.x.getLabelForValue(t.value) && chart.options.scales.x.ticks.callback.call(chart.scales.x, t.value)), labels: chart.data.labels };
  });
  assert.deepEqual(labels, spec.labels);
  assert.ok(spec.labels.some((label) => label.length > 16));
  ticks.forEach((tick, i) => {
    assert.ok(tick.length <= 16, tick);
    assert.ok(spec.labels[i].startsWith(tick.replace(/…$/, '')), `${tick} cut from ${spec.labels[i]}`);
  });
  await page.locator('.chart-card').first().screenshot({ path: join(screenshots, '04.3-sentences-phone.png') });
  await page.closeAll();
});

test("a chart's PNG carries its title above and its caption below (05.1's illustrative formula)", async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#05.1`);
  await settled(page);
  const formula = cli('05.1').charts.find((c) => c.key === 'notebook_formula');
  const card = page.locator('.chart-card', { hasText: formula.title });
  const canvasHeight = await card.locator('canvas').evaluate((c) => c.height);
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button', { hasText: 'Download PNG' }).click()]);
  const png = readFileSync(await download.path());
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  const height = png.readUInt32BE(20);
  assert.ok(height > canvasHeight + 40, `the PNG is ${height} px tall, the chart ${canvasHeight} px`);
  await page.closeAll();
});

test('02.2 measures again on every Run, never showing a cached latency', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#02.2`);
  await settled(page);
  await page.click('button[type="submit"]');
  await page.waitForSelector('article[data-run-state="running"]', { timeout: 5000 }).catch(() => {});
  assert.equal(await settled(page), 'done');
  assert.match(await page.textContent('.run-status'), /^Done in/);
  await page.closeAll();
});

test('the home gallery shows each exercise with the headline figures of its default Result', async () => {
  const page = await openPage(site);
  await page.goto(site.base);
  await page.waitForSelector('.notebook-card .headline[data-id="05.5"]');
  const shown = await page.$$eval('.notebook-card .headline', (spans) => spans.map((s) => s.dataset.id));
  assert.equal(shown.length, 25);
  // 04.4 has no metrics: its insight's first sentence (cut at 160 characters) stands in.
  assert.ok(cli('04.4').insight.startsWith((await page.textContent('.headline[data-id="04.4"]')).replace(/…$/, '')));
  for (const id of ['01.5', '05.3', '04.3']) {
    const metrics = Object.entries(cli(id).metrics).filter(([name, value]) => typeof value === 'number' && !name.endsWith('_ms'));
    const names = await page.$$eval(`.headline[data-id="${id}"] .headline-name`, (s) => s.map((n) => n.textContent.trim()));
    const values = await page.$$eval(`.headline[data-id="${id}"] .headline-value`, (s) => s.map((n) => Number(n.title)));
    assert.deepEqual(names, metrics.slice(0, 2).map(([name]) => name), id);
    values.forEach((v, i) => assert.ok(Math.abs(v - metrics[i][1]) <= 1e-4 * Math.abs(metrics[i][1]), `${id} ${names[i]}`));
  }
  // 01.5's small picture is its loss curve (at most 48 of its points), falling from left to right.
  const points = await page.$eval('li:has(a[href="#01.5"]) svg.spark polyline', (line) => line.getAttribute('points').split(' ').map((p) => p.split(',').map(Number)));
  assert.ok(points.length >= 40 && points.length <= 50, `${points.length} points`);
  assert.ok(points[0][1] < points.at(-1)[1], 'the loss falls (SVG y grows downwards)');
  assert.doesNotMatch(await page.textContent('.home-intro'), /each exercise prints what the notebook prints/);
  await page.screenshot({ path: join(screenshots, 'home-gallery.png'), fullPage: true });
  for (const width of [375]) {
    await page.setViewportSize({ width, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 1);
    await page.screenshot({ path: join(screenshots, `home-gallery-${width}.png`), fullPage: true });
  }
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
