// The service worker: after the first visit the lab opens and runs offline.
// On install it caches the shell (pages, styles, scripts, the exercise list); everything else the page fetches
// from this origin (the wasm module it picked, code panels, figures) is cached the first time it is used.
// build-site.mjs fills in this build's version and shell list.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;  // eslint-disable-line no-undef -- a placeholder build-site.mjs replaces
const CACHE = `lab-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('lab-') && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  })());
});
