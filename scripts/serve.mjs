#!/usr/bin/env node
// A small static file server for build/site (or any folder): correct MIME types (application/wasm for
// streaming compilation), no caching of HTML and the service worker, loopback only. lab-exercise.js is sent with
// Access-Control-Allow-Origin: * so a course page on another origin can import it as a module (as GitHub Pages
// does for every file); everything else stays same-origin. Every response carries the pages' own
// Content-Security-Policy as a header too, so the Web Worker and the service worker (which a page's meta tag does
// not reach) run under it: the wasm glue needs no eval.
//   node scripts/serve.mjs [folder] [--port 8000] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : fallback;
};
const port = Number(option('--port', process.env.PORT || 8000));
const host = option('--host', '127.0.0.1');
const root = resolve(args[0] || 'build/site');

// The policy of index.html, embed.html and authors.html (their meta tags; a test checks they agree).
export const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// onServe(path, bytes), when given, hears of every file served (the tests measure a first visit with it);
// headersFor(path), when given, returns headers to add or replace (the tests send no-store with it).
export function startServer({ folder = root, listenPort = port, listenHost = host, onServe = null, headersFor = null } = {}) {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      const file = join(folder, path);
      if (!file.startsWith(folder)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const body = await readFile(file);
      const type = types[extname(file)] || 'application/octet-stream';
      const fresh = type.startsWith('text/html') || path.endsWith('sw.js');
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length,
                                'Cache-Control': fresh ? 'no-cache' : 'max-age=60',
                                'Content-Security-Policy': CONTENT_SECURITY_POLICY,
                                ...(path.endsWith('/lab-exercise.js') ? { 'Access-Control-Allow-Origin': '*' } : {}),
                                ...headersFor?.(path) });
      response.end(request.method === 'HEAD' ? undefined : body);
      onServe?.(path, body);
    } catch (error) {
      response.writeHead(error.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(error.code === 'ENOENT' ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(listenPort, listenHost, () => resolveListen(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer();
  const { port: actual } = server.address();
  console.log(`Serving ${root} on http://localhost:${actual} (Ctrl+C to stop)`);
}
