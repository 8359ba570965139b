// How people use the page: back and forward through runs, cancelling a training run, a keyboard-only run, the
// embed page inside an iframe, reopening offline through the service worker, and the phone-width layout.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';

import { inkPerCanvas, openPage, screenshots, settled, startSite } from './browser.mjs';
import { startCourseSite } from './course-site.mjs';
import { nativeCli } from '../node/lab-module.mjs';

const catalog = JSON.parse(nativeCli(['list']).stdout);
let site;

before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

const heatmapRows = (page) => page.$eval('.results canvas.heatmap-canvas', (canvas) => Number(/of (\d+) rows/.exec(canvas.getAttribute('aria-label'))[1]));

test('back and forward restore the exercise, its parameters and its Result', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.1`);
  await settled(page);
  for (const seqLen of ['20', '30']) {
    await page.fill('#param-seq_len', seqLen);
    await page.click('button[type="submit"]');
    await page.waitForFunction((n) => window.location.hash === `#01.1&seq_len=${n}`, seqLen);
    await settled(page);
  }
  await page.click('#nav-list a[data-id="02.1"]');
  await settled(page);
  assert.equal(await page.textContent('#exercise-title'), '02.1Learning-rate warmup with inverse-square-root decay');

  await page.goBack();
  await page.waitForFunction(() => window.location.hash === '#01.1&seq_len=30');
  await page.waitForSelector('#param-seq_len');
  assert.equal(await settled(page), 'done');
  assert.equal(await page.inputValue('#param-seq_len'), '30');
  assert.equal(await heatmapRows(page), 30);
  await page.goBack();
  await page.waitForFunction(() => window.location.hash === '#01.1&seq_len=20');
  await page.waitForFunction(() => document.querySelector('#param-seq_len')?.value === '20');
  assert.equal(await settled(page), 'done');
  assert.equal(await heatmapRows(page), 20);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#param-seq_len')?.value === '30');
  assert.equal(await heatmapRows(page), 30);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('cancel stops a training run at once, the page stays responsive, and the next run works', async () => {
  const training = catalog.find((ex) => JSON.parse(nativeCli(['run', ex.id]).stdout).charts.some((c) => c.stream));
  assert.ok(training, 'a training exercise streams its loss');
  const steps = training.params.find((spec) => spec.name === 'steps');
  // The largest batch up to twice the default that the lab's arithmetic cap still admits: a run of several seconds
  // even on a fast machine, so it is surely training when Cancel is pressed, however loaded the machine is.
  const batchSpec = training.params.find((spec) => spec.name === 'batch');
  const admitted = (batch) => !JSON.parse(nativeCli(['run', training.id, '--params', JSON.stringify({ steps: steps.max, batch })]).stdout || '{}').error;
  const batch = batchSpec && [2, 1.5, 1.25, 1].map((f) => Math.round(batchSpec.default * f)).find(admitted);
  const page = await openPage(site);
  await page.goto(`${site.base}#${training.id}&steps=${steps.max}${batch ? `&batch=${batch}` : ''}`);
  await page.waitForSelector('.run-status progress');
  // While the worker trains, the main thread keeps drawing frames.
  const frameGap = await page.evaluate(() => new Promise((resolve) => {
    let last = performance.now(), worst = 0, frames = 0;
    const tick = (now) => { worst = Math.max(worst, now - last); last = now; if (++frames < 30) requestAnimationFrame(tick); else resolve(worst); };
    requestAnimationFrame(tick);
  }));
  assert.ok(frameGap < 500, `the page froze for ${frameGap} ms while training`);
  await page.click('button:has-text("Cancel")');
  assert.equal(await settled(page, 2000), 'cancelled');
  assert.match(await page.textContent('.run-status'), /Cancelled/);
  await page.fill(`#param-steps`, String(steps.default));
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  assert.ok((await inkPerCanvas(page)).every((canvas) => canvas.ink > 200));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('an exercise can be run with the keyboard alone, with the focus always visible', async () => {
  const page = await openPage(site);
  await page.goto(site.base);
  await page.waitForSelector('.notebook-card');
  // Tab to the first exercise in the menu and open it.
  let found = false;
  for (let i = 0; i < 15 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.dataset?.id === '01.1');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    if (await page.evaluate(() => document.activeElement !== document.body)) assert.notEqual(outline, 'none');
  }
  assert.ok(found, 'Tab reaches the menu');
  await page.keyboard.press('Enter');
  await settled(page);
  // Tab to the first parameter, change it, and submit with Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'param-seq_len')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'param-seq_len');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.location.hash === '#01.1&seq_len=16');
  assert.equal(await settled(page), 'done');
  assert.equal(await heatmapRows(page), 16);
  await page.screenshot({ path: join(screenshots, 'keyboard-run.png') });
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the embed page renders one exercise inside an iframe of another page', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.2&n_heads=2`);
  await settled(page);
  await page.click('#embed > summary');
  await page.waitForFunction(() => document.querySelector('#embed-snippet-iframe').value !== '');
  const snippet = await page.inputValue('#embed-snippet-iframe');
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#01\.2&n_heads=2&seed=42"/);
  // A course page that is not the lab embeds it: a page of its own, since the lab's policy allows no inline style.
  const course = await startCourseSite();
  course.page('/week1.html', `<!doctype html><title>Course</title><link rel="icon" href="data:,"><h1>Week 1</h1>${snippet}`);
  await page.goto(course.url('/week1.html'));
  const frame = page.frameLocator('iframe');
  await frame.locator('article[data-run-state="done"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('.chart-card').count(), 4);  // single head + 2 heads + their entropies
  assert.equal(await frame.locator('#embed-param-n_heads').inputValue(), '2');
  const inked = await page.frames()[1].$$eval('canvas', (canvases) => canvases.map((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
    return ink;
  }));
  assert.ok(inked.length === 4 && inked.every((ink) => ink > 200));
  await page.screenshot({ path: join(screenshots, 'embed-in-iframe.png'), fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.closeAll();
  await course.close();
});

test('after one visit the service worker opens and runs the lab offline', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openPage(site, { context });
  await page.goto(`${site.base}#01.4`);
  await settled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();  // the worker now controls the page and caches what it loads
  await settled(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.goto(`${site.base}#01.1&seq_len=24`);
  await page.reload();
  assert.equal(await settled(page), 'done');
  assert.equal(await heatmapRows(page), 24);
  assert.ok((await inkPerCanvas(page)).every((canvas) => canvas.ink > 200));
  await context.setOffline(false);
  await context.close();
});

test('the build without SIMD runs in the page too (?engine=scalar) and computes the same Result', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}?engine=scalar#01.5&steps=100`);
  assert.equal(await settled(page), 'done');
  assert.match(await page.textContent('#engine-status'), /without SIMD/);
  assert.match(await page.textContent('.result-toolbar .timing'), /scalar build/);
  const native = JSON.parse(nativeCli(['run', '01.5', '--params', '{"steps": 100}']).stdout);
  assert.equal(await page.getAttribute('.metric[data-metric="final_loss"] .metric-value', 'title'), String(native.metrics.final_loss));
  assert.equal(await page.getAttribute('.metric[data-metric="accuracy"] .metric-value', 'title'), String(native.metrics.accuracy));
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('at phone width (375 px) every exercise fits without sideways scrolling', async () => {
  const page = await openPage(site, { width: 375, height: 800 });
  for (const exercise of catalog) {
    await page.goto(`${site.base}#${exercise.id}`);
    assert.equal(await settled(page), 'done', exercise.id);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${exercise.id} overflows by ${overflow} px`);
    await page.screenshot({ path: join(screenshots, `${exercise.id}-phone.png`), fullPage: true });
  }
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});
