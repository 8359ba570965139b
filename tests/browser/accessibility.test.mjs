// Accessibility checked by axe-core (WCAG 2 A and AA rules: labels, contrast, landmarks, names of controls) on the
// home page, an exercise with every panel open, the phone layout, the embed page (also click-to-load, parts hidden)
// and the authors' guide.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openPage, settled, startSite } from './browser.mjs';
import { root } from '../node/lab-module.mjs';

const axePath = join(root, 'node_modules', 'axe-core', 'axe.min.js');
let site;

before(async () => { site = await startSite(); });
after(async () => { await site?.close(); });

// axe runs through the DevTools protocol, which the pages' Content-Security-Policy (no inline script) does not bind.
const axeSource = readFileSync(axePath, 'utf8');
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('the home page has no WCAG A/AA violations', async () => {
  const page = await openPage(site);
  await page.goto(site.base);
  await page.waitForSelector('.notebook-card');
  assert.deepEqual(await violations(page), []);
  await page.closeAll();
});

test('an exercise with its Result and every panel open has no WCAG A/AA violations', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#02.2`);
  await settled(page);
  for (const id of ['compare', 'code', 'embed']) await page.click(`#${id} > summary`);
  await page.waitForSelector('#code pre.code');
  await page.click('.chart-card button:has-text("Show data")');
  assert.deepEqual(await violations(page), []);
  await page.closeAll();
});

test('the phone layout and an error message have no WCAG A/AA violations', async () => {
  const page = await openPage(site, { width: 375, height: 800 });
  await page.goto(`${site.base}#01.2&n_heads=6`);
  assert.equal(await settled(page), 'error');
  assert.deepEqual(await violations(page), []);
  await page.closeAll();
});

test('the embed page has no WCAG A/AA violations', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}embed.html#01.4`);
  await settled(page);
  assert.deepEqual(await violations(page), []);
  await page.closeAll();
});

// A context of its own, under the pages' policy like every other.
const freshContext = (viewport) => site.browser.newContext({ viewport });

test('the click-to-load embed, with parts hidden and its note open, has no WCAG A/AA violations', async () => {
  const context = await freshContext({ width: 375, height: 800 });
  const page = await openPage(site, { context });
  await page.goto(`${site.base}embed.html#01.5&autorun=off&hide=title%20form`);
  await page.waitForSelector('.click-to-load button');
  await page.click('details.lab-note > summary');
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('the authors\' guide has no WCAG A/AA violations', async () => {
  const context = await freshContext({ width: 1280, height: 900 });
  const page = await openPage(site, { context });
  await page.goto(`${site.base}authors.html`);
  await page.waitForFunction(() => document.getElementById('heads').result !== null, null, { timeout: 60000 });
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('compared runs with the sweep control open, and a field with its file loading, have no WCAG A/AA violations', async () => {
  const page = await openPage(site);
  await page.goto(`${site.base}#02.5&epochs=20&compare=epochs:20,40`);
  await page.waitForSelector('.compare-runs[data-compared="2"]');
  await settled(page);
  assert.deepEqual(await violations(page), []);
  await page.goto(`${site.base}#04.3`);
  await settled(page);
  await page.fill('#param-test', '[["broken"');
  await page.click('button[type="submit"]');
  await page.waitForSelector('.results.stale');
  assert.deepEqual(await violations(page), []);
  await page.closeAll();
});
