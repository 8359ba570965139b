// Headless Chromium for the page tests: Debian's /usr/bin/chromium driven by playwright-core, the built site
// served on a free loopback port, and per-page recorders of console errors and requests to other origins.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { root } from '../node/lab-module.mjs';

export const screenshots = join(root, 'test-results', 'screenshots');
mkdirSync(screenshots, { recursive: true });

export async function startSite({ onServe = null, headersFor = null } = {}) {
  const server = await startServer({ folder: join(root, 'build', 'site'), listenPort: 0, listenHost: '127.0.0.1', onServe, headersFor });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { server, browser, base, close: async () => { await browser.close(); server.close(); } };
}

// A page that remembers console errors, uncaught exceptions and any request leaving the site's origin.
export async function openPage(site, { width = 1280, height = 900, context = null } = {}) {
  const ctx = context || await site.browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  page.problems = [];
  page.foreignRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.stack || error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(site.base) && !url.startsWith('data:') && !url.startsWith('blob:')) page.foreignRequests.push(url);
  });
  page.closeAll = async () => { if (!context) await ctx.close(); else await page.close(); };
  return page;
}

// Waits until the exercise's run settles; returns its state (done, error, cancelled).
export async function settled(page, timeout = 60000) {
  await page.waitForSelector('article[data-run-state="done"], article[data-run-state="error"], article[data-run-state="cancelled"]', { timeout });
  return page.getAttribute('article', 'data-run-state');
}

// For every canvas in the results: how many pixels are neither transparent nor near-white.
export function inkPerCanvas(page) {
  return page.$$eval('.results canvas', (canvases) => canvases.map((canvas) => {
    const g = canvas.getContext('2d');
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235)) ink++;
    }
    return { ink, area: canvas.width * canvas.height, label: canvas.getAttribute('aria-label') };
  }));
}
