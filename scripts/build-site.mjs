#!/usr/bin/env node
// Assembles build/site: a self-contained static folder any static server can host.
//   web/                       the page (copied as is)
//   wasm/lab-{simd,scalar}.*   both modules (the worker picks one by feature detection)
//   vendor/                    Chart.js and wasm-feature-detect from node_modules, with their licences
//   catalog.json               listExercises() of the module itself, so the menu draws before the module loads
//   code/<id>.json             the exercise's C++ and the notebook's Python, highlighted at build time
//   figures/                   the notebook's own figures, for the "notebook vs lab" comparison (when available)
//   sw.js                      the service worker, with this build's file list and version
// Usage: node scripts/build-site.mjs --wasm build/wasm --out build/site
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const wasmDir = resolve(root, option('--wasm', 'build/wasm'));
const out = resolve(root, option('--out', 'build/site'));
const shared = resolve(root, '..', 'shared', 'reference');

// 1. The page and the modules.
rmSync(out, { recursive: true, force: true });
cpSync(join(root, 'web'), out, { recursive: true });
mkdirSync(join(out, 'wasm'), { recursive: true });
for (const variant of ['simd', 'scalar']) {
  for (const ext of ['js', 'wasm']) {
    const file = join(wasmDir, `lab-${variant}.${ext}`);
    if (!existsSync(file)) throw new Error(`missing ${file}: build the wasm preset first (scripts/build.sh wasm)`);
    cpSync(file, join(out, 'wasm', `lab-${variant}.${ext}`));
  }
}

// 2. Vendored libraries: nothing is fetched from another origin.
const vendor = join(out, 'vendor');
mkdirSync(vendor, { recursive: true });
const packageDir = (name) => join(root, 'node_modules', name);
cpSync(join(packageDir('chart.js'), 'dist', 'chart.umd.min.js'), join(vendor, 'chart.umd.min.js'));
cpSync(join(packageDir('chart.js'), 'LICENSE.md'), join(vendor, 'chart.js.LICENSE.md'));
cpSync(join(packageDir('wasm-feature-detect'), 'dist', 'umd', 'index.js'), join(vendor, 'wasm-feature-detect.js'));
cpSync(join(packageDir('wasm-feature-detect'), 'LICENSE'), join(vendor, 'wasm-feature-detect.LICENSE'));

// 3. The catalogue, straight from the module.
const createLabModule = require(join(wasmDir, 'lab-simd.js'));
const lab = await createLabModule({ wasmBinary: readFileSync(join(wasmDir, 'lab-simd.wasm')) });
const catalog = JSON.parse(lab.listExercises());
const figures = { '01.1': 'fig01', '01.2': 'fig02', '01.3': 'fig03', '01.4': 'fig04', '01.5': 'fig05',
                  '02.1': 'fig06', '02.4': 'fig07', '05.1': 'fig08', '05.3': 'fig09' };
if (existsSync(join(shared, 'figures'))) {
  mkdirSync(join(out, 'figures'), { recursive: true });
  for (const entry of catalog) {
    const name = figures[entry.id];
    if (!name) continue;
    cpSync(join(shared, 'figures', `${name}.png`), join(out, 'figures', `${name}.png`));
    entry.notebook_figure = `figures/${name}.png`;
  }
}
writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog));

// 4. Code, highlighted once here so the page needs no highlighter.
const hljs = require('highlight.js/lib/core');
hljs.registerLanguage('cpp', require('highlight.js/lib/languages/cpp'));
hljs.registerLanguage('python', require('highlight.js/lib/languages/python'));
const highlight = (code, language) => hljs.highlight(code, { language }).value;

// The span of notebookNN.cpp between `// == id` and the next marker (or the end of the anonymous namespace).
function exerciseSpan(id) {
  const file = join(root, 'core', 'exercises', `notebook${id.slice(0, 2)}.cpp`);
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `// == ${id}`);
  if (start < 0) return null;
  let end = lines.findIndex((line, i) => i > start && (/^\/\/ == \d\d\.\d/.test(line.trim()) ||
                                                        line.startsWith('}  // namespace')));
  if (end < 0) end = lines.length;
  return { file: `${relative(root, file)} (exercise ${id})`, code: lines.slice(start + 1, end).join('\n').trim() };
}

// The notebook's Python for exercise NN.M: its "# Exercise M:" section within notebook NN.
function notebookPython(id) {
  const path = join(shared, 'notebook_solutions.txt');
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  const notebooks = text.split(/^(?=\d\d — .*¶$)/m).filter((part) => /^\d\d — /.test(part));
  const notebook = notebooks.find((part) => part.startsWith(id.slice(0, 2)));
  if (!notebook) return null;
  const number = Number(id.slice(3));
  const sections = notebook.split(/^(?=# Exercise \d+:)/m);
  const section = sections.find((part) => part.startsWith(`# Exercise ${number}:`));
  if (!section) return null;
  let code = section.trim();
  if (number === 1) code = `${sections[0].split('\n').slice(1).join('\n').trim()}\n\n${code}`;  // the imports
  return code;
}

mkdirSync(join(out, 'code'), { recursive: true });
for (const entry of catalog) {
  const cpp = [];
  const span = exerciseSpan(entry.id);
  if (span) cpp.push({ file: span.file, html: highlight(span.code, 'cpp') });
  for (const source of entry.sources || []) {
    if (source === `core/exercises/notebook${entry.id.slice(0, 2)}.cpp`) continue;  // its span is shown above
    const path = join(root, source);
    if (existsSync(path)) cpp.push({ file: source, html: highlight(readFileSync(path, 'utf8').trim(), 'cpp') });
  }
  const python = notebookPython(entry.id);
  writeFileSync(join(out, 'code', `${entry.id}.json`), JSON.stringify({
    id: entry.id, cpp, python: python ? { file: 'notebook_solutions.txt', html: highlight(python, 'python') } : null,
  }));
}

// 5. The service worker: precaches the shell; everything else is cached on first use.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path); else files.push(relative(out, path).split('\\').join('/'));
  }
};
walk(out);
const shell = files.filter((file) => /^(index\.html|embed\.html|catalog\.json|favicon\.svg|manifest\.webmanifest|css\/.*|js\/.*|vendor\/.*\.js)$/.test(file));
const version = createHash('sha256');
for (const file of files.sort()) version.update(file).update(readFileSync(join(out, file)));
const worker = readFileSync(join(out, 'sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__SHELL__', JSON.stringify(['./', ...shell.filter((file) => file !== 'sw.js')]));
writeFileSync(join(out, 'sw.js'), worker);

// 6. Sizes, raw and gzip.
const size = (file) => {
  const bytes = readFileSync(join(out, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const file of ['wasm/lab-simd.wasm', 'wasm/lab-scalar.wasm', 'wasm/lab-simd.js']) {
  const { raw, gzip } = size(file);
  console.log(`site: ${file.padEnd(22)} ${kib(raw).padStart(11)} raw, ${kib(gzip).padStart(10)} gzip`);
}
const total = files.reduce((sum, file) => sum + size(file).raw, 0);
console.log(`site: ${files.length} files, ${kib(total)} in ${relative(root, out)}`);
