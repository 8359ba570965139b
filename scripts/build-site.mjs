#!/usr/bin/env node
// Assembles build/site: a self-contained static folder any static server can host.
//   web/                       the page (copied as is)
//   wasm/lab-{simd,scalar}.*   both modules (the worker picks one by feature detection)
//   vendor/                    Chart.js and wasm-feature-detect from node_modules, with their licences
//   catalog.json               listExercises() of the module itself, so the menu draws before the module loads
//   code/<id>.json             the exercise's own C++ file(s) whole, the library files it calls, and the course's
//                              Python for it (when given), highlighted at build time
//   figures/                   the course's own figures, for the "notebook vs lab" comparison (when given)
//   sw.js                      the service worker, with this build's file list and version
// Usage: node scripts/build-site.mjs --wasm build/wasm --out build/site
//          [--course-solutions notebook_solutions.txt] [--course-figures figures/]
// The course's Python and figures are not part of the lab: they are an input of this build, named by the options
// or by the environment variables LAB_COURSE_SOLUTIONS and LAB_COURSE_FIGURES. Without them the site says so.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { galleryOf } from './gallery.mjs';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const wasmDir = resolve(root, option('--wasm', 'build/wasm'));
const out = resolve(root, option('--out', 'build/site'));
const courseInput = (name, variable) => {
  const path = option(name, process.env[variable] || '');
  if (path && !existsSync(path)) throw new Error(`${name} ${path}: no such file or folder`);
  return path ? resolve(path) : null;
};
const courseSolutions = courseInput('--course-solutions', 'LAB_COURSE_SOLUTIONS');
const courseFigures = courseInput('--course-figures', 'LAB_COURSE_FIGURES');

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
if (courseFigures) {  // each exercise's text names its figure (notebook_figure_file)
  mkdirSync(join(out, 'figures'), { recursive: true });
  for (const entry of catalog) {
    if (!entry.notebook_figure_file) continue;
    cpSync(join(courseFigures, entry.notebook_figure_file), join(out, 'figures', entry.notebook_figure_file));
    entry.notebook_figure = `figures/${entry.notebook_figure_file}`;
  }
}
writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog));
// The home page's headline figures, from each exercise's default Result (scripts/gallery.mjs).
writeFileSync(join(out, 'gallery.json'), JSON.stringify(galleryOf(lab, catalog)));

// 4. Code, highlighted once here so the page needs no highlighter.
const hljs = require('highlight.js/lib/core');
hljs.registerLanguage('cpp', require('highlight.js/lib/languages/cpp'));
hljs.registerLanguage('python', require('highlight.js/lib/languages/python'));
const highlight = (code, language) => hljs.highlight(code, { language }).value;

// The notebook's Python for exercise NN.M: its "# Exercise M:" section within notebook NN.
function notebookPython(id) {
  if (!courseSolutions) return null;
  const text = readFileSync(courseSolutions, 'utf8');
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
const highlightedFile = (file) => {
  const path = join(root, file);
  if (!existsSync(path)) throw new Error(`${file}, named by an exercise's text, does not exist`);
  return { file, html: highlight(readFileSync(path, 'utf8').trim(), 'cpp') };
};
for (const entry of catalog) {
  const python = notebookPython(entry.id);
  writeFileSync(join(out, 'code', `${entry.id}.json`), JSON.stringify({
    id: entry.id,
    exercise: entry.code.map(highlightedFile),
    library: entry.calls.map(highlightedFile),
    python: python ? { file: basename(courseSolutions), html: highlight(python, 'python') } : null,
  }));
}
console.log(`site: the course's Python ${courseSolutions ? `from ${courseSolutions}` : 'not bundled (LAB_COURSE_SOLUTIONS)'}, ` +
            `its figures ${courseFigures ? `from ${courseFigures}` : 'not bundled (LAB_COURSE_FIGURES)'}`);

// 5. The service worker: precaches the shell; every other file of the build is cached on first use, and
//    nothing that is not in its list.
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path); else files.push(relative(out, path).split('\\').join('/'));
  }
};
walk(out);
const shell = files.filter((file) => /^(index\.html|embed\.html|catalog\.json|gallery\.json|favicon\.svg|manifest\.webmanifest|css\/.*|js\/.*|vendor\/.*\.js)$/.test(file));
const version = createHash('sha256');
for (const file of files.sort()) version.update(file).update(readFileSync(join(out, file)));
const worker = readFileSync(join(out, 'sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__PRECACHE__', JSON.stringify(['./', ...shell.filter((file) => file !== 'sw.js')]))
  .replace('__FILES__', JSON.stringify(['./', ...files.filter((file) => file !== 'sw.js')]));
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
