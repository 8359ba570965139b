// The page under hostile input and long use: its Content-Security-Policy (nothing violates it; an injected inline
// script is refused), links that are not valid URL text, number fields holding what is not a number, the service
// worker's cache, and memory that stays flat over 30 runs (DOM nodes, listeners and heap from the Chrome DevTools
// Protocol after a forced garbage collection).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { openPage, settled, startSite } from './browser.mjs';
import { nativeCli } from '../node/lab-module.mjs';

const catalog = JSON.parse(nativeCli(['list']).stdout);
const spec = (id, name) => catalog.find((ex) => ex.id === id).params.find((p) => p.name === name);
let site;

// code/01.3.json is sent as no-store, for the service worker test.
before(async () => { site = await startSite({ headersFor: (path) => (path.endsWith('/code/01.3.json') ? { 'Cache-Control': 'no-store' } : {}) }); });
after(async () => { await site?.close(); });

// Every securitypolicyviolation event the page (or a frame) hears, in window.cspViolations.
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
}

test('under the Content-Security-Policy both pages load, run and draw with no violation; an injected inline script is refused', async () => {
  const page = await openPage(site);
  await page.addInitScript(recordViolations);
  const policy = [];
  page.on('response', (response) => { if (response.url().endsWith('/js/worker.js')) policy.push(response.headers()['content-security-policy']); });
  await page.goto(`${site.base}#01.2&n_heads=2`);
  assert.equal(await settled(page), 'done');
  assert.equal(await page.locator('.results .chart-card').count(), 4);
  assert.match(policy[0], /script-src 'self' 'wasm-unsafe-eval';/, 'the worker itself runs under the policy');
  await page.click('#code > summary');  // highlighted code goes in through innerHTML: classes only, no style
  await page.waitForSelector('#code pre.code');
  await page.fill('#param-n_heads', '4');
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);

  const injected = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    const styled = document.createElement('div');
    styled.setAttribute('onclick', 'window.injectedRan = true;');
    document.body.append(styled);
    styled.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ran: window.injectedRan === true, violations: window.cspViolations };
  });
  assert.equal(injected.ran, false);
  assert.ok(injected.violations.some((line) => line.startsWith('script-src-elem inline')), injected.violations.join('\n'));
  assert.ok(injected.violations.some((line) => line.startsWith('script-src-attr inline')), injected.violations.join('\n'));
  page.problems = page.problems.filter((line) => !/Content Security Policy/.test(line));  // the refusals just provoked
  assert.deepEqual(page.problems, []);

  await page.goto(`${site.base}embed.html#01.4&seq_len=12`);
  assert.equal(await settled(page), 'done');
  assert.ok(await page.locator('.results .chart-card').count() > 0);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('a link that is not valid URL text shows a message and the defaults, never a blank page', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#%zz`);
  await page.waitForSelector('.link-problem');
  assert.equal(await page.textContent('main h2'), 'No such exercise');
  assert.match(await page.textContent('.link-problem'), /“%zz”/);

  await page.goto(`${site.base}#01.1&seq_len=%&d_model=8`);
  assert.equal(await settled(page), 'done');
  assert.match(await page.textContent('.link-problem'), /not valid URL text \(“seq_len=%”\)/);
  assert.equal(await page.inputValue('#param-seq_len'), String(spec('01.1', 'seq_len').default));
  assert.equal(await page.inputValue('#param-d_model'), '8');
  await page.fill('#param-seq_len', '7');  // the next good link clears the message
  await page.click('button[type="submit"]');
  assert.equal(await settled(page), 'done');
  await page.goto(`${site.base}#01.4`);
  assert.equal(await settled(page), 'done');
  assert.equal(await page.locator('.link-problem').count(), 0);

  await page.goto(`${site.base}embed.html#%`);
  await page.waitForSelector('.run-error');
  assert.match(await page.textContent('.run-error'), /not valid URL text \(“%”\).*needs an exercise id/);

  // 5,000 nested arrays: the core gets them and answers (a Result or its message), the page stays whole.
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  await page.goto(`${site.base}#03.3&queries=${encodeURIComponent(deep)}`);
  const state = await settled(page);
  if (state === 'error') assert.ok((await page.textContent('.run-error')).length > 10);
  else assert.equal(state, 'done');
  assert.equal(await page.textContent('#exercise-title'), `03.3${catalog.find((ex) => ex.id === '03.3').title}`);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('01.2, then an exercise that does not exist, then Back shows 01.2 again', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.2`);
  assert.equal(await settled(page), 'done');
  await page.evaluate(() => { window.location.hash = '#99.9'; });
  await page.waitForSelector('main h2:has-text("No such exercise")');
  await page.goBack();
  await page.waitForSelector('#exercise-title');
  assert.equal(await settled(page), 'done');
  assert.match(await page.textContent('#exercise-title'), /^01\.2/);
  assert.ok(await page.locator('.results .chart-card').count() > 0);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('number fields refuse what is not a number, saying a number is expected and the range', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#01.1`);
  assert.equal(await settled(page), 'done');
  const { min, max } = spec('01.1', 'seq_len');
  for (const text of ['1e', '5-', '--5', '9e999', '-']) {
    await page.fill('#param-seq_len', '');
    await page.focus('#param-seq_len');
    await page.keyboard.type(text);
    await page.click('button[type="submit"]');
    assert.equal(await settled(page), 'error', text);
    assert.equal(await page.textContent('.run-error'), `Parameter seq_len: bad_paramseq_len: a whole number is expected, from ${min} to ${max}`, text);
    assert.equal(await page.getAttribute('#param-seq_len', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => window.location.hash), '#01.1', `${text} was not run`);
  }
  // In a link, 0x10 is not 16: the core is asked about "0x10" and refuses it.
  await page.goto(`${site.base}#01.1&seq_len=0x10`);
  assert.equal(await settled(page), 'error');
  assert.match(await page.textContent('.run-error'), /seq_len/);
  assert.equal(await page.locator('canvas.heatmap-canvas').count(), 0);
  await page.goto(`${site.base}#01.4&seq_len=16`);
  assert.equal(await settled(page), 'done');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the service worker keeps only its own files, each under its full URL, and nothing marked no-store', async () => {
  const context = await site.browser.newContext();
  const page = await openPage(site, { context });
  await page.goto(`${site.base}#01.4`);
  assert.equal(await settled(page), 'done');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await settled(page), 'done');
  const seen = await page.evaluate(async () => {
    const answers = {};
    for (const url of ['catalog.json', 'catalog.json?user=b', 'code/01.2.json', 'code/01.3.json', 'nowhere/file.json', 'authors.html?x=1']) {
      const response = await fetch(url);
      answers[url] = response.status;
      await response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const names = await caches.keys();
    const cached = [];
    for (const name of names) for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    return { answers, names, cached };
  });
  assert.deepEqual(seen.answers, { 'catalog.json': 200, 'catalog.json?user=b': 200, 'code/01.2.json': 200, 'code/01.3.json': 200, 'nowhere/file.json': 404, 'authors.html?x=1': 200 });
  assert.equal(seen.names.length, 1);
  assert.match(seen.names[0], /^lab-[0-9a-f]{16}$/);
  const cached = new Set(seen.cached.map((url) => url.slice(site.base.length)));
  for (const file of ['', 'index.html', 'catalog.json', 'js/app.js', 'css/lab.css', 'wasm/lab-simd.wasm', 'code/01.2.json']) assert.ok(cached.has(file), `${file} is cached`);
  for (const file of ['code/01.3.json', 'catalog.json?user=b', 'nowhere/file.json', 'authors.html?x=1', 'wasm/lab-scalar.wasm']) assert.ok(!cached.has(file), `${file} is not cached`);
  assert.ok([...cached].every((url) => !url.includes('?')), 'no URL with a query string');
  // A query string is answered by the network (not its HTTP cache), never by the cached file without it.
  await context.setOffline(true);
  const offline = await page.evaluate(async () => Promise.all(['catalog.json', 'catalog.json?user=b'].map((url) => fetch(url, { cache: 'no-store' }).then((r) => r.status, () => 'failed'))));
  assert.deepEqual(offline, [200, 'failed']);
  await context.setOffline(false);
  await context.close();
});

// DOM nodes, listeners and heap after a forced garbage collection, and the Chart.js charts alive.
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((metric) => metric.name === name).value;
  return { nodes: value('Nodes'), listeners: value('JSEventListeners'), heapMB: value('JSHeapUsedSize') / 2 ** 20,
           charts: await page.evaluate(() => Object.keys(window.Chart.instances).length) };
}

// 30 runs of one exercise, each with another value of one parameter (so each is computed, and the Result cache
// fills past its bound): after run 5 and after run 30, nodes and listeners within 5%, heap within 10% + 2 MB,
// and exactly the charts of one Result alive.
for (const { id, fixed, vary, from, step } of [
  { id: '02.1', fixed: '', vary: 'warmup_steps', from: 100, step: 10 },
  { id: '01.1', fixed: '&seq_len=512', vary: 'd_model', from: 64, step: 2 },
]) {
  test(`30 runs of ${id}${fixed}: DOM nodes, listeners, charts and heap stay flat`, async () => {
    const page = await openPage(site);
    await page.goto(`${site.base}#${id}${fixed}`);
    assert.equal(await settled(page), 'done');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const figures = {};
    for (let run = 1; run <= 30; run++) {
      const value = String(from + step * run);
      await page.fill(`#param-${vary}`, value);
      await page.click('button[type="submit"]');
      await page.waitForFunction((text) => window.location.hash.includes(text), `${vary}=${value}`);
      assert.equal(await settled(page), 'done');
      if (run === 5 || run === 30) figures[run] = await memory(page, cdp);
    }
    const charts = await page.locator('.results .chart-card').count();
    console.log(`${id}${fixed}, after run 5 → run 30: ${['nodes', 'listeners', 'charts'].map((k) => `${k} ${figures[5][k]} → ${figures[30][k]}`).join(', ')}, ` +
                `heap ${figures[5].heapMB.toFixed(1)} → ${figures[30].heapMB.toFixed(1)} MB`);
    assert.ok(figures[30].nodes <= figures[5].nodes * 1.05, `nodes ${figures[5].nodes} → ${figures[30].nodes}`);
    assert.ok(figures[30].listeners <= figures[5].listeners * 1.05, `listeners ${figures[5].listeners} → ${figures[30].listeners}`);
    assert.ok(figures[30].heapMB <= figures[5].heapMB * 1.1 + 2, `heap ${figures[5].heapMB} → ${figures[30].heapMB} MB`);
    const chartJsCharts = await page.locator('.results .chart-card:not([data-chart-type="heatmap"])').count();
    assert.equal(figures[30].charts, chartJsCharts, `Chart.js instances alive: ${figures[30].charts} for ${charts} charts shown`);
    assert.deepEqual(page.problems, []);
    await page.closeAll();
  });
}
