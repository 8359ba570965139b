// A course site on another origin embeds the lab, as an author would: through the <lab-exercise> element and
// through a plain iframe driven by the documented messages. Events arrive in order and carry the CLI's Results;
// frames fit their content at 1100 and 375 px; hide="form" leaves no field; run(params) resolves with the new
// Result; click-to-load fetches no .wasm and starts no worker before Run; messages from a third origin, from a
// frame that is not the parent, or to a frame given no origin are ignored. Prints (and writes to
// test-results/embedding-measurements.json) the frame and content heights and the times to the first Result.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { openPage, screenshots, startSite } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { coursePage, startCourseSite } from './course-site.mjs';
import { cases } from './cases.mjs';
import { differences, nativeCli, root } from '../node/lab-module.mjs';

let site;
let course;  // the author's site: another origin (port) than the lab's
let third;   // somebody else's: a third origin
const measured = { heights: [], first_result_ms: {} };

before(async () => {
  site = await startSite();
  course = await startCourseSite();
  third = await startCourseSite();
});
after(async () => {
  writeFileSync(join(root, 'test-results', 'embedding-measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
  await site?.close();
  await course?.close();
  await third?.close();
});

const cli = (id, params = {}) => JSON.parse(nativeCli(['run', id, '--params', JSON.stringify(params)]).stdout);
const hashForm = (params) => Object.entries(params)
  .map(([name, value]) => `${name}=${encodeURIComponent(typeof value === 'object' ? JSON.stringify(value) : value)}`).join('&');
const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const events = (page, id) => page.evaluate((target) => window.labEvents.filter((e) => e.target === target), id);
const waitForEvents = (page, id, type, count = 1, timeout = 60000) => page.waitForFunction(
  ([target, kind, n]) => window.labEvents.filter((e) => e.target === target && e.type === kind).length >= n, [id, type, count], { timeout });

// The lab's frame inside <lab-exercise id=…>, and how its height compares with what it shows.
async function labFrame(page, id) {
  const handle = await page.waitForFunction((target) => document.getElementById(target)?.shadowRoot?.querySelector('iframe'), id);
  return handle.asElement().contentFrame();
}
async function fit(page, frame, frameElement) {
  const outer = await frameElement.evaluate((iframe) => iframe.clientHeight);
  const inner = await frame.evaluate(() => {
    const root = document.documentElement;
    return { content: document.querySelector('main').getBoundingClientRect().bottom + window.scrollY,
             scrolls: root.scrollHeight > root.clientHeight, sideways: root.scrollWidth > root.clientWidth };
  });
  return { frame: outer, content: Math.round(inner.content), scrolls: inner.scrolls, sideways: inner.sideways };
}
// Waits (up to 10 s) for the frame to settle at its content's height; returns the last measurement.
async function settledFit(page, frame, frameElement) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await fit(page, frame, frameElement);
    if (Math.abs(last.frame - last.content) <= 40 && !last.scrolls) {
      await page.waitForTimeout(300);  // and stays there
      const again = await fit(page, frame, frameElement);
      if (again.frame === last.frame) return again;
    }
    await page.waitForTimeout(200);
  }
  return last;
}
function assertFits(size, label) {
  assert.ok(Math.abs(size.frame - size.content) <= 40, `${label}: frame ${size.frame} px, content ${size.content} px`);
  assert.equal(size.scrolls, false, `${label}: the frame scrolls inside`);
  assert.equal(size.sideways, false, `${label}: the frame scrolls sideways`);
}
// A full-page screenshot with every frame drawn: Chromium skips frames outside the viewport, so make it as tall.
async function screenshotAll(page, name, width) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 16000) });
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(screenshots, name), fullPage: true });
}
const otherRequests = (page) => page.foreignRequests.filter((url) => !url.startsWith(`${course.origin}/`) && !url.startsWith(`${third.origin}/`));

test('two exercises on a course page of another origin: events in order, the CLI\'s Results, frames that fit', async () => {
  const json = { text: cases['03.1'].text };
  course.page('/week1.html', coursePage(site.base, `
    <p>First, train a transformer to copy its input.</p>
    <lab-exercise id="copy" exercise="01.5" params="steps=150&amp;lr=0.003&amp;seed=1"></lab-exercise>
    <p>Then pull JSON out of a model's reply.</p>
    <lab-exercise id="json" exercise="03.1" params="${attribute(hashForm(json))}"></lab-exercise>
    <p>The end.</p>`));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/week1.html'));
  await waitForEvents(page, 'copy', 'lab-result');
  await waitForEvents(page, 'json', 'lab-result');

  for (const [id, exercise, params] of [['copy', '01.5', { steps: 150, lr: 0.003, seed: 1 }], ['json', '03.1', json]]) {
    const heard = await events(page, id);
    const types = heard.map((e) => e.type);
    assert.equal(types[0], 'lab-ready', `${id}: ${types}`);
    assert.equal(types.at(-1), 'lab-result', `${id}: ${types}`);
    assert.ok(types.slice(1, -1).every((type) => type === 'lab-progress'), `${id}: ${types}`);
    assert.equal(heard[0].detail.id, exercise);
    assert.deepEqual(differences(heard.at(-1).detail, cli(exercise, params)), [], `${id}: the Result differs from the CLI's`);
    measured.first_result_ms[`autorun ${exercise}`] = Math.round(heard.at(-1).at);
  }
  // The training run streamed its steps, in order, up to its last.
  const steps = (await events(page, 'copy')).filter((e) => e.type === 'lab-progress').map((e) => e.detail);
  assert.ok(steps.length >= 1);
  assert.ok(steps.every((s, i) => s.total === 150 && typeof s.loss === 'number' && (i === 0 || s.step >= steps[i - 1].step)));
  assert.equal(steps.at(-1).step, 150);

  for (const width of [1100, 375, 1100]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of ['copy', 'json']) {
      const frameElement = await page.$(`#${id} >> iframe`);
      await frameElement.scrollIntoViewIfNeeded();
      const size = await settledFit(page, await labFrame(page, id), frameElement);
      assertFits(size, `${id} at ${width} px`);
      measured.heights.push({ element: id, width, ...size });
    }
  }
  console.log(`frame vs content heights: ${measured.heights.map((h) => `${h.element}@${h.width}px ${h.frame}/${h.content}`).join(', ')}`);
  await screenshotAll(page, 'embed-course-page-1280.png', 1280);
  await screenshotAll(page, 'embed-course-page-375.png', 375);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(otherRequests(page), []);
  await page.closeAll();
});

test('hide="form" leaves no visible field, and each named part goes while the rest stays', async () => {
  const parts = 'title summary notes form status toolbar metrics insight tables log footer';
  course.page('/hide.html', coursePage(site.base, `
    <lab-exercise id="bare" exercise="04.2" hide="form"></lab-exercise>
    <lab-exercise id="charts-only" exercise="01.2" hide="${parts}" loading="eager"></lab-exercise>`));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/hide.html'));
  await waitForEvents(page, 'bare', 'lab-result');
  await waitForEvents(page, 'charts-only', 'lab-result');

  const bare = await labFrame(page, 'bare');
  const visible = (frame, selector) => frame.$$eval(selector, (nodes) => nodes.filter((node) => node.checkVisibility()).length);
  assert.equal(await visible(bare, 'input, select, textarea, button[type="submit"], details.controls'), 0);
  const bigram = cli('04.2');
  assert.equal(await visible(bare, '.chart-card'), bigram.charts.length);
  assert.equal(await visible(bare, '.metric'), Object.keys(bigram.metrics).length);
  // What 04.2 printed is its result (the generated sentences): shown in the embed.
  assert.equal(await bare.textContent('pre.log'), bigram.log.join('\n'));
  assert.ok(await visible(bare, 'h2.exercise-title, .summary, .insight, .embed-footer') === 4);

  const chartsOnly = await labFrame(page, 'charts-only');
  assert.equal(await visible(chartsOnly, '.chart-card'), cli('01.2').charts.length);
  assert.equal(await visible(chartsOnly, 'input, h2, .summary, .lab-note, .run-status, .result-toolbar, .metric, .insight, table.data, pre.log, .embed-footer'), 0);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('run(params) resolves with the new Result; a refused parameter rejects with the lab\'s message; attributes rerun', async () => {
  course.page('/run.html', coursePage(site.base, '<lab-exercise id="heads" exercise="01.2"></lab-exercise>'));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/run.html'));
  await waitForEvents(page, 'heads', 'lab-result');

  const result = await page.evaluate(() => document.getElementById('heads').run({ n_heads: 2, seed: 7 }));
  const expected = cli('01.2', { n_heads: 2, seed: 7 });
  assert.deepEqual(differences(result, expected), []);
  const frame = await labFrame(page, 'heads');
  assert.equal(await frame.inputValue('#embed-param-n_heads'), '2');  // the reader sees what ran
  assert.equal(await frame.locator('.chart-card').count(), expected.charts.length);
  assert.equal((await events(page, 'heads')).filter((e) => e.type === 'lab-result').length, 2);
  assert.equal(await page.evaluate(() => document.getElementById('heads').result.params.n_heads), 2);

  const refused = await page.evaluate(() => document.getElementById('heads').run({ n_heads: 6 })
    .then(() => null, (error) => ({ code: error.code, param: error.param, message: error.message })));
  assert.deepEqual([refused.code, refused.param], ['bad_param', 'n_heads']);
  assert.match(refused.message, /d_model must be divisible by n_heads \(64 % 6 != 0\)/);
  assert.match(await frame.textContent('.run-error'), /d_model must be divisible by n_heads/);
  const notAnObject = await page.evaluate(() => document.getElementById('heads').run('n_heads=2').catch((error) => error.message));
  assert.match(notAnObject, /run\(params\) takes an object/);

  // Changing an attribute shows and runs again, in the same frame (no new page: the engine stays loaded).
  const loads = await frame.evaluate(() => performance.getEntriesByType('navigation').length + performance.timeOrigin);
  await page.evaluate(() => document.getElementById('heads').setAttribute('params', 'n_heads=8&seed=3'));
  await waitForEvents(page, 'heads', 'lab-result', 3);
  assert.deepEqual(differences(await page.evaluate(() => document.getElementById('heads').result), cli('01.2', { n_heads: 8, seed: 3 })), []);
  await page.evaluate(() => {  // two attributes in one task: one new hash, one run
    const heads = document.getElementById('heads');
    heads.setAttribute('exercise', '01.1');
    heads.setAttribute('params', 'seq_len=16');
  });
  await waitForEvents(page, 'heads', 'lab-result', 4);
  const readies = (await events(page, 'heads')).filter((e) => e.type === 'lab-ready');
  assert.deepEqual(readies.map((e) => e.detail.id), ['01.2', '01.2', '01.1']);
  assert.deepEqual(differences(await page.evaluate(() => document.getElementById('heads').result), cli('01.1', { seq_len: 16 })), []);
  assert.equal(await frame.evaluate(() => performance.getEntriesByType('navigation').length + performance.timeOrigin), loads);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('click-to-load: no .wasm and no worker before Run; then the CLI\'s Result', async () => {
  course.page('/later.html', coursePage(site.base, '<lab-exercise id="later" exercise="01.5" params="steps=100" autorun="off"></lab-exercise>'));
  const page = await openPage(site, { width: 1100, height: 900 });
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(course.url('/later.html'));
  await waitForEvents(page, 'later', 'lab-ready');
  const frame = await labFrame(page, 'later');
  await frame.waitForSelector('.click-to-load button');
  await page.waitForTimeout(1500);  // time enough for anything that would load on its own
  const engineFiles = (urls) => urls.filter((url) => /\.wasm$|\/js\/worker\.js$|\/wasm\/lab-\w+\.js$|wasm-feature-detect/.test(url));
  assert.deepEqual(engineFiles(requested), [], 'nothing of the engine before Run');
  assert.ok(requested.some((url) => url.endsWith('/embed.html')), 'the page itself loaded');
  assert.equal(await frame.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.wasm$|worker/.test(e.name)).length), 0);
  assert.equal(await frame.textContent('h2.exercise-title'), '01.5Train a mini transformer on the copy task');
  const frameElement = await page.$('#later >> iframe');
  assertFits(await settledFit(page, frame, frameElement), 'the placeholder');
  await page.screenshot({ path: join(screenshots, 'embed-click-to-load.png') });

  const clicked = await page.evaluate(() => performance.now());
  await frame.click('.click-to-load button');
  await waitForEvents(page, 'later', 'lab-result');
  const heard = await events(page, 'later');
  assert.deepEqual(differences(heard.at(-1).detail, cli('01.5', { steps: 100 })), []);
  assert.ok(engineFiles(requested).some((url) => url.endsWith('.wasm')), 'Run loads the engine');
  measured.first_result_ms['click-to-load 01.5: page load to placeholder'] = Math.round(heard[0].at);
  measured.first_result_ms['click-to-load 01.5: click to Result'] = Math.round(heard.at(-1).at - clicked);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('the element hears only its own frame: a third origin\'s frame cannot reach the lab nor fake its messages', async () => {
  third.page('/rogue.html', `<!doctype html><title>rogue</title><link rel="icon" href="data:,"><script>
    window.attack = () => {
      for (let i = 0; i < parent.frames.length; i++) {
        parent.frames[i].postMessage({ type: 'lab:run', params: { seq_len: 7 }, requestId: 'rogue' }, '*');
      }
      parent.postMessage({ type: 'lab:resize', height: 5 }, '*');
      parent.postMessage({ type: 'lab:result', result: { id: 'fake', metrics: {} } }, '*');
      parent.postMessage({ type: 'lab:ready', id: 'fake', title: 'fake', params: [] }, '*');
    };
  </script><p>another site's advert</p>`);
  course.page('/rogue-sibling.html', coursePage(site.base, `
    <lab-exercise id="target" exercise="01.1" params="seq_len=12"></lab-exercise>
    <iframe id="rogue" src="${third.url('/rogue.html')}" title="advert"></iframe>`));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/rogue-sibling.html'));
  await waitForEvents(page, 'target', 'lab-result');
  const frame = await labFrame(page, 'target');
  const height = await page.$eval('#target', (el) => el.shadowRoot.querySelector('iframe').clientHeight);
  const rogue = page.frames().find((f) => f.url().startsWith(third.origin));
  for (let i = 0; i < 5; i++) {
    await rogue.evaluate(() => window.attack());
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(800);
  // Its own run's progress may come between; nothing the rogue frame sent arrives.
  assert.deepEqual((await events(page, 'target')).map((e) => e.type).filter((type) => type !== 'lab-progress'), ['lab-ready', 'lab-result']);
  assert.equal(await page.$eval('#target', (el) => el.shadowRoot.querySelector('iframe').clientHeight), height);
  assert.equal(await page.evaluate(() => document.getElementById('target').result.id), '01.1');
  assert.equal(await frame.evaluate(() => performance.getEntriesByName('lab:render').length), 1, 'ran once only');
  // The page that embeds it still drives it.
  const result = await page.evaluate(() => document.getElementById('target').run({ seq_len: 9 }));
  assert.equal(result.params.seq_len, 9);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

// The README's plain-iframe snippet, recording what the frame says (window.heard) and sending what a test asks.
const plainIframePage = (src, title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="data:,"><style>body { margin: 8px; }</style></head><body><h1>${title}</h1>
<iframe id="lab" src="${attribute(src)}" title="A lab exercise" style="width:100%;border:0"></iframe>
<script>
  window.heard = [];
  const frame = document.getElementById('lab');
  const lab = new URL(frame.src).origin;
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== lab) return;
    const message = event.data;
    window.heard.push(message);
    if (message.type === 'lab:resize') frame.style.height = message.height + 'px';
  });
  window.send = (message) => frame.contentWindow.postMessage(message, lab);
  // The frame's answer to a command: its lab:result or lab:error (lab:progress messages come before it).
  window.answer = (requestId) => window.heard.find((m) => m.requestId === requestId && m.type !== 'lab:progress');
</script></body></html>`;

test('a plain iframe driven by the documented messages: lab:run, requestId, errors, cancel, and its height', async () => {
  course.page('/plain.html', plainIframePage(`${site.base}embed.html#01.2&n_heads=8&origin=${encodeURIComponent(course.origin)}`, 'A plain iframe'));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/plain.html'));
  const wait = (test, timeout = 60000) => page.waitForFunction(test, null, { timeout });
  await wait(() => window.heard.some((m) => m.type === 'lab:ready'));
  const ready = await page.evaluate(() => window.heard.find((m) => m.type === 'lab:ready'));
  assert.deepEqual([ready.version, ready.id, ready.params.map((p) => p.name)], [1, '01.2', ['seq_len', 'd_model', 'n_heads', 'batch', 'seed']]);
  await wait(() => window.heard.some((m) => m.type === 'lab:result'));  // the hash's own run
  assert.deepEqual(differences(await page.evaluate(() => window.heard.find((m) => m.type === 'lab:result').result), cli('01.2', { n_heads: 8 })), []);

  await page.evaluate(() => window.send({ type: 'lab:run', params: { n_heads: 2 }, requestId: 1 }));
  await wait(() => window.answer(1));
  const answer = await page.evaluate(() => window.answer(1));
  assert.equal(answer.type, 'lab:result');
  assert.ok(answer.ms > 0);
  assert.deepEqual(differences(answer.result, cli('01.2', { n_heads: 2 })), []);

  // Malformed commands are answered, not obeyed; a refused parameter carries the core's message.
  await page.evaluate(() => {
    window.send({ type: 'lab:run', params: [1, 2], requestId: 'array' });
    window.send({ type: 'lab:run', params: { n_heads: 2 }, requestId: 'extra', colour: 'red' });
    window.send({ type: 'lab:launch', requestId: 'type' });
    window.send({ type: 'lab:run', params: { n_heads: 6 }, requestId: 'six' });
  });
  await wait(() => ['array', 'extra', 'type', 'six'].every((id) => window.answer(id)));
  const byId = async (id) => page.evaluate((requestId) => window.answer(requestId), id);
  for (const id of ['array', 'extra', 'type']) assert.equal((await byId(id)).error.code, 'bad_message', id);
  assert.match((await byId('array')).error.message, /params must be an object of JSON values/);
  const six = await byId('six');
  assert.deepEqual([six.type, six.error.code, six.error.param], ['lab:error', 'bad_param', 'n_heads']);
  assert.match(six.error.message, /d_model must be divisible by n_heads \(64 % 6 != 0\)/);

  // A long run, cancelled; then a newer command replaces a pending one.
  const frame = page.frames().find((f) => f.url().startsWith(site.base));
  await page.evaluate(() => window.send({ type: 'lab:run', params: { n_heads: 4, seq_len: 256, d_model: 512, batch: 8 }, requestId: 'long' }));
  await page.evaluate(() => window.send({ type: 'lab:cancel' }));
  await wait(() => window.answer('long'));
  assert.equal((await byId('long')).error?.code, 'cancelled');
  await page.evaluate(() => {
    window.send({ type: 'lab:run', params: { seq_len: 200, d_model: 512, batch: 8 }, requestId: 'first' });
    window.send({ type: 'lab:run', params: { seq_len: 5 }, requestId: 'second' });
  });
  await wait(() => window.answer('second'));
  assert.equal((await byId('first')).error?.code, 'cancelled');
  assert.equal((await byId('second')).result.params.seq_len, 5);
  assert.equal(await frame.inputValue('#embed-param-seq_len'), '5');

  const frameElement = await page.$('#lab');
  for (const width of [1100, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const size = await settledFit(page, frame, frameElement);
    assertFits(size, `plain iframe at ${width} px`);
    measured.heights.push({ element: 'plain iframe', width, ...size });
  }
  const heights = await page.evaluate(() => window.heard.filter((m) => m.type === 'lab:resize').length);
  assert.ok(heights >= 2);
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('commands from a third origin or from a frame that is not the parent are delivered and ignored', async () => {
  // 1. The lab framed by the course, beside a frame of the third origin and one of the course's own origin.
  const labSrc = `${site.base}embed.html#01.1&seq_len=12&origin=${encodeURIComponent(course.origin)}`;
  const attack = `<script>window.attack = () => parent.frames[0].postMessage({ type: 'lab:run', params: { seq_len: 7 }, requestId: 'x' }, '*');</script>`;
  third.page('/sibling.html', `<!doctype html><title>third</title><link rel="icon" href="data:,">${attack}`);
  course.page('/sibling.html', `<!doctype html><title>course sibling</title><link rel="icon" href="data:,">${attack}`);
  course.page('/siblings.html', plainIframePage(labSrc, 'Siblings').replace('</body>',
    `<iframe src="${third.url('/sibling.html')}" title="third"></iframe><iframe src="/sibling.html" title="same origin, not the parent"></iframe></body>`));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/siblings.html'));
  await page.waitForFunction(() => window.heard.some((m) => m.type === 'lab:result'), null, { timeout: 60000 });
  const lab = page.frames().find((f) => f.url().startsWith(site.base));
  await lab.evaluate(() => { window.delivered = []; window.addEventListener('message', (e) => window.delivered.push(e.origin)); });
  for (const origin of [third.origin, course.origin]) {
    const sibling = page.frames().find((f) => f.url() === `${origin}/sibling.html`);
    await sibling.evaluate(() => window.attack());
  }
  await page.waitForTimeout(1500);
  assert.deepEqual((await lab.evaluate(() => window.delivered)).sort(), [third.origin, course.origin].sort(), 'both reached the lab');
  assert.equal(await lab.evaluate(() => performance.getEntriesByName('lab:render').length), 1, 'and neither ran it');
  assert.equal(await page.evaluate(() => window.heard.filter((m) => m.type === 'lab:result' || m.type === 'lab:error').length), 1);

  // 2. The third origin frames the lab itself, claiming to be the course: it hears nothing and commands nothing.
  third.page('/claims.html', plainIframePage(labSrc, 'Claims to be the course'));
  const claimant = await openPage(site, { width: 1100, height: 900 });
  await claimant.goto(third.url('/claims.html'));
  const claimed = claimant.frames().find((f) => f.url().startsWith(site.base));
  await claimed.waitForSelector('article[data-run-state="done"]', { timeout: 60000 });
  for (let i = 0; i < 3; i++) await claimant.evaluate(() => window.send({ type: 'lab:run', params: { seq_len: 7 }, requestId: 'x' }));
  await claimant.waitForTimeout(1500);
  assert.deepEqual(await claimant.evaluate(() => window.heard), [], 'not even its height');
  assert.equal(await claimed.evaluate(() => performance.getEntriesByName('lab:render').length), 1);
  assert.equal(await claimed.evaluate(() => document.querySelector('canvas.heatmap-canvas').getAttribute('aria-label').match(/of (\d+) rows/)[1]), '12');
  assert.deepEqual([...page.problems, ...claimant.problems], []);
  await page.closeAll();
  await claimant.closeAll();
});

test('without an origin the frame obeys nothing and posts only its height, Canvas\'s lti.frameResize too', async () => {
  course.page('/canvas.html', plainIframePage(`${site.base}embed.html#01.4&seq_len=6`, 'Like Canvas').replace(
    "if (event.source !== frame.contentWindow || event.origin !== lab) return;",
    "if (event.source !== frame.contentWindow || event.origin !== lab) return;\n    if (event.data.subject === 'lti.frameResize') frame.style.height = event.data.height + 'px';"));
  const page = await openPage(site, { width: 1100, height: 900 });
  await page.goto(course.url('/canvas.html'));
  const lab = page.frames().find((f) => f.url().startsWith(site.base));
  await lab.waitForSelector('article[data-run-state="done"]', { timeout: 60000 });
  await page.evaluate(() => window.send({ type: 'lab:run', params: { seq_len: 3 }, requestId: 1 }));
  await page.waitForTimeout(1000);
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.length >= 2);
  assert.deepEqual([...new Set(heard.map((m) => m.type || m.subject))].sort(), ['lab:resize', 'lti.frameResize']);
  assert.ok(heard.every((m) => Object.keys(m).length === 2 && Number.isInteger(m.height)));
  assert.equal(await lab.evaluate(() => performance.getEntriesByName('lab:render').length), 1);
  assertFits(await settledFit(page, lab, await page.$('#lab')), 'sized by lti.frameResize');
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

test('each exercise\'s Embed panel offers the element snippet beside the iframe one, and it works elsewhere', async () => {
  const page = await openPage(site, { width: 1280, height: 900 });
  await page.goto(`${site.base}#01.2&n_heads=2`);
  await page.waitForSelector('article[data-run-state="done"]');
  await page.click('#embed > summary');
  await page.waitForFunction(() => document.querySelector('#embed-snippet-element').value !== '');
  const element = await page.inputValue('#embed-snippet-element');
  assert.equal(element, `<script type="module" src="${site.base}lab-exercise.js"></script>\n<lab-exercise exercise="01.2" params="n_heads=2&seed=42"></lab-exercise>`);
  assert.match(await page.inputValue('#embed-snippet-iframe'), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#01\.2&n_heads=2&seed=42"/);
  await page.fill('#param-seq_len', '6');
  await page.waitForFunction(() => document.querySelector('#embed-snippet-element').value.includes('params="seq_len=6&n_heads=2&seed=42"'));
  await page.locator('#embed').screenshot({ path: join(screenshots, 'embed-panel.png') });

  // Pasted into a course page as is.
  course.page('/pasted.html', coursePage(site.base, element.replace(/^<script[^>]*><\/script>\n/, '').replace('<lab-exercise', '<lab-exercise id="pasted"')));
  const host = await openPage(site, { width: 1100, height: 900 });
  await host.goto(course.url('/pasted.html'));
  await waitForEvents(host, 'pasted', 'lab-result');
  assert.deepEqual(differences((await events(host, 'pasted')).at(-1).detail, cli('01.2', { n_heads: 2, seed: 42 })), []);
  assert.deepEqual([...page.problems, ...host.problems], []);
  await page.closeAll();
  await host.closeAll();
});

test('what the lab printed shows in the embed, where it is the result (03.1, 03.2, 03.4, 03.5, 04.2) and elsewhere', async () => {
  const page = await openPage(site, { width: 1100, height: 900 });
  for (const id of ['03.1', '03.2', '03.4', '03.5', '04.2', '05.2']) {
    await page.goto(`${site.base}embed.html#${id}`);
    await page.waitForSelector('article[data-run-state="done"]', { timeout: 60000 });
    const log = cli(id).log;
    assert.ok(log.length >= 6, `${id} prints its result`);
    assert.equal(await page.textContent('pre.log'), log.join('\n'), id);
    assert.equal(await page.locator('pre.log').evaluate((pre) => pre.scrollHeight <= pre.clientHeight + 1 && pre.scrollWidth <= pre.clientWidth + 1), true, `${id}: every line in view`);
  }
  assert.deepEqual(page.problems, []);
  await page.closeAll();
});

// Times on this machine, printed and written to test-results/embedding-measurements.json; nothing asserted on them
// but where the bytes go: a lab server of its own counts what it sends (a cold browser cache for each visit).
test('measured: the first Result after page load, with and without click-to-load, one and ten embeds', async () => {
  const served = [];
  const lab = await startServer({ folder: join(root, 'build', 'site'), listenPort: 0, listenHost: '127.0.0.1',
    onServe: (path, body) => served.push({ path, bytes: body.length }) });
  const labBase = `http://127.0.0.1:${lab.address().port}/`;
  const ten = (extra) => Array.from({ length: 10 }, (_, i) => `<lab-exercise id="e${i}" exercise="01.1" params="seq_len=${10 + i}" loading="eager"${extra}></lab-exercise>`).join('\n');
  course.page('/one.html', coursePage(labBase, '<lab-exercise id="e0" exercise="01.1"></lab-exercise>'));
  course.page('/one-later.html', coursePage(labBase, '<lab-exercise id="e0" exercise="01.1" autorun="off"></lab-exercise>'));
  course.page('/ten.html', coursePage(labBase, ten('')));
  course.page('/ten-later.html', coursePage(labBase, ten(' autorun="off"')));
  const sent = () => ({ files: served.length, kib: Math.round(served.reduce((sum, file) => sum + file.bytes, 0) / 1024),
    wasm_kib: Math.round(served.filter((file) => file.path.endsWith('.wasm')).reduce((sum, file) => sum + file.bytes, 0) / 1024) });
  const visit = async (path, { click = false, count = 1 } = {}) => {
    served.length = 0;
    const context = await site.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(course.url(path));
    await page.waitForFunction((n) => window.labEvents.filter((e) => e.type === 'lab-ready').length >= n, count, { timeout: 60000 });
    const figures = { lab_ready_ms: Math.round(await page.evaluate(() => window.labEvents.find((e) => e.type === 'lab-ready').at)) };
    if (click) {
      await page.waitForTimeout(1000);
      figures.before_click = sent();
      const clickedAt = await page.evaluate(() => performance.now());
      await (await labFrame(page, 'e0')).click('.click-to-load button');
      await page.waitForFunction(() => window.labEvents.some((e) => e.type === 'lab-result'), null, { timeout: 60000 });
      figures.click_to_result_ms = Math.round(await page.evaluate(() => window.labEvents.find((e) => e.type === 'lab-result').at) - clickedAt);
    } else {
      await page.waitForFunction((n) => window.labEvents.filter((e) => e.type === 'lab-result').length >= n, count, { timeout: 120000 });
      const results = await page.evaluate(() => window.labEvents.filter((e) => e.type === 'lab-result').map((e) => e.at));
      figures.first_result_ms = Math.round(results[0]);
      if (count > 1) figures.last_result_ms = Math.round(results.at(-1));
    }
    figures.sent = sent();
    await context.close();
    return figures;
  };
  measured.visits = {
    'one embed, autorun': await visit('/one.html'),
    'one embed, click-to-load': await visit('/one-later.html', { click: true }),
    'ten embeds, autorun': await visit('/ten.html', { count: 10 }),
    'ten embeds, click-to-load, the first clicked': await visit('/ten-later.html', { click: true, count: 10 }),
  };
  lab.close();
  for (const [name, figures] of Object.entries(measured.visits)) console.log(`${name}: ${JSON.stringify(figures)}`);
  assert.equal(measured.visits['one embed, click-to-load'].before_click.wasm_kib, 0);
  assert.equal(measured.visits['ten embeds, click-to-load, the first clicked'].before_click.wasm_kib, 0);
  assert.ok(measured.visits['one embed, autorun'].sent.wasm_kib > 0);
});

test('authors.html: live examples, a figure read from lab-result, run() from a button, at 1280 and 375 px', async () => {
  for (const width of [1280, 375]) {
    const page = await openPage(site, { width, height: 900 });
    await page.goto(`${site.base}authors.html`);
    await page.waitForFunction(() => document.querySelectorAll('#event-log-list li[data-type="lab-result"]').length >= 1, null, { timeout: 60000 });
    for (const id of ['heads', 'bigram', 'warmup']) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForFunction((target) => document.getElementById(target).result !== null, id, { timeout: 60000 });
    }
    const warmup = cli('02.1');
    assert.equal(await page.textContent('#warmup-figure'),
      `With 100 warmup steps the learning rate peaks at ${warmup.metrics.peak_lr.toPrecision(3)}, at step ${warmup.metrics.peak_step}.`);
    await page.click('button:has-text("run({warmup_steps: 400})")');
    const longer = cli('02.1', { warmup_steps: 400 });
    await page.waitForFunction((text) => document.getElementById('warmup-figure').textContent === text,
      `With 400 warmup steps the learning rate peaks at ${longer.metrics.peak_lr.toPrecision(3)}, at step ${longer.metrics.peak_step}.`);
    assert.deepEqual(differences(await page.evaluate(() => document.getElementById('heads').result), cli('01.2', { n_heads: 4, seed: 7 })), []);
    assert.deepEqual(differences(await page.evaluate(() => document.getElementById('bigram').result), cli('04.2', { smoothing: 0.5, seed: 11 })), []);
    assert.equal(await page.evaluate(() => document.getElementById('copy-task').result), null, 'the click-to-load example waits');
    // Each example's snippet is the markup that runs it, with this lab's address.
    assert.match(await page.textContent('#example-params pre[data-snippet-of]'),
      new RegExp(`^<script type="module" src="${site.base}lab-exercise.js"></script>\\n<lab-exercise id="heads" exercise="01.2" params="n_heads=4&seed=7"></lab-exercise>`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `authors.html overflows by ${overflow} px at ${width} px`);
    await screenshotAll(page, `authors-${width}.png`, width);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.foreignRequests, []);
    await page.closeAll();
  }
  console.log(`first Result after page load: ${Object.entries(measured.first_result_ms).map(([k, v]) => `${k} ${v} ms`).join('; ')}`);
});
