// A first visit to the lab in headless Chromium: every byte the server sends (the service worker's precache
// included), raw and as gzip would send it, and the time from navigation to the first drawn chart of 01.1.
// Prints one JSON line: {"files": 31, "kib_raw": ..., "kib_gzip": ..., "first_chart_ms": ...}
// Usage: node bench/first_visit.mjs   (needs build/site and Debian's /usr/bin/chromium, or CHROMIUM=path)
import { chromium } from 'playwright-core';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { startServer } from '../scripts/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const served = [];
const server = await startServer({
  folder: join(root, 'build', 'site'), listenPort: 0, listenHost: '127.0.0.1',
  onServe: (path, body) => served.push({ path, raw: body.length, gzip: gzipSync(body).length }),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/#01.1`);
  await page.waitForFunction(() => performance.getEntriesByName('lab:first-chart').length > 0, null, { timeout: 60000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(500);  // let the service worker finish precaching the shell
  const firstChart = await page.evaluate(() => performance.getEntriesByName('lab:first-chart')[0].startTime);
  const kib = (n) => Math.round(n / 102.4) / 10;
  console.log(JSON.stringify({
    files: served.length,
    kib_raw: kib(served.reduce((sum, file) => sum + file.raw, 0)),
    kib_gzip: kib(served.reduce((sum, file) => sum + file.gzip, 0)),
    first_chart_ms: Math.round(firstChart),
  }));
} finally {
  await browser.close();
  server.close();
}
