// The service worker: after the first visit the lab opens and runs offline.
// It caches only this build's own files, named in its versioned list, each under its full URL:
//   PRECACHE  the shell (pages, styles, scripts, the exercise list), fetched on install
//   FILES     every file of the build (the wasm module the page picked, code panels, figures): cached the first time
//             the page fetches one
// Anything else (another path, a query string such as ?engine=scalar or ?token=…, another origin, a response
// marked no-store, an error) goes to the network untouched and is never stored.
// build-site.mjs fills in this build's version and both lists.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;  // eslint-disable-line no-undef -- a placeholder build-site.mjs replaces
const FILES = __FILES__;  // eslint-disable-line no-undef -- a placeholder build-site.mjs replaces
const CACHE = `lab-${VERSION}`;
const scope = self.registration.scope;
const known = new Set(FILES.map((path) => new URL(path, scope).href));

// Only a complete, same-origin answer the server lets anyone keep.
const storable = (response) => response.ok && response.type === 'basic' &&
  !/no-store/i.test(response.headers.get('Cache-Control') || '');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(PRECACHE.map(async (path) => {
      const response = await fetch(new URL(path, scope));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      if (storable(response)) await cache.put(new URL(path, scope), response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('lab-') && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = request.url.split('#')[0];  // a navigation's URL keeps the page's hash (#01.2&…)
  if (request.method !== 'GET' || !known.has(url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(url);
    if (cached) return cached;
    const response = await fetch(request);
    if (storable(response)) event.waitUntil(cache.put(url, response.clone()));  // the page streams meanwhile
    return response;
  })());
});
