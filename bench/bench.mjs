// The lab's benchmark suite, in one run on this machine: it runs the programs below and writes BENCHMARKS.md
// (the machine, the commands and the tables, each figure a ratio against the issue's targets).
//   float products    bench_matmul (native SSE and AVX2) and bench-matmul-{simd,scalar}.js (wasm under Node)
//   every exercise    bench_exercises (native, with each exercise's product arithmetic) and
//                     bench/exercises_wasm.mjs (the SIMD wasm module under Node); beside them the course's own
//                     Python (bench/notebook_python.py) when Debian's python3-torch, python3-sklearn and
//                     python3-matplotlib are installed and the course's notebook_solutions.txt is given
//                     (LAB_COURSE_SOLUTIONS, or ../shared/reference/notebook_solutions.txt when it is there)
//   the copy task     bench_copy_task and bench/copy_task_wasm.mjs (01.5) taking turns with the notebook's PyTorch
//                     code (bench/copy_task_pytorch.py) when Debian's python3-torch is installed
//   profiles          bench/profile.mjs: where each exercise over 20 ms spends its time, in wasm (Node's sampling
//                     profiler) and natively (perf, when Debian's linux-perf is installed)
//   first visit       bench/first_visit.mjs: bytes a first visit transfers (gzip) in headless Chromium
// Usage: node bench/bench.mjs [--short] [--out FILE]   (scripts/bench.sh runs it; needs build/native, build/wasm
// and, for the first visit, build/site). --short runs everything once without warm-up (the test run uses it: it
// checks that every program runs and every row is filled, never a time). It exits non-zero when a row is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--short');
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(root, 'BENCHMARKS.md');
const native = join(root, 'build', 'native');
const wasm = join(root, 'build', 'wasm');
const commands = [];

// Runs a program that prints one JSON object per line; returns the objects.
function jsonLines(command, commandArgs) {
  const shown = (path) => (path === process.execPath ? 'node' : path.startsWith(root) ? relative(root, path) : path);
  commands.push([command, ...commandArgs].map(shown).join(' '));
  const text = execFileSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}
const short = quick ? ['--short'] : [];
const passes = quick ? 1 : 3;
const node = (script, ...rest) => jsonLines(process.execPath, [script, ...rest]);
const fixed = (x, digits = 1) => (x === undefined ? '–' : x.toFixed(digits));
const ratio = (a, b, digits = 2) => (a === undefined || b === undefined ? '–' : (a / b).toFixed(digits));
const verdict = (ok) => (ok ? 'met' : '**not met**');
const problems = [];

// --- the machine
function machine() {
  const cpus = os.cpus();
  const flags = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.*)"/)?.[1] : os.type();
  let commit = 'unknown';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores, AVX2 ${/\bavx2\b/.test(flags) ? 'yes' : 'no'}, AVX-512F ${/\bavx512f\b/.test(flags) ? 'yes' : 'no'}`,
    `- memory ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${release}, Node ${process.version}`,
    `- the lab at commit ${commit}, measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` +
      `${quick ? ' in the short mode (one run each, no warm-up: the figures are not comparable)' : ''}`,
    `- one thread everywhere; ${quick ? 'one run of each' : 'every figure is the best of several runs after a warm-up, ' +
      'native and wasm taking turns three times'}; load average ${os.loadavg()[0].toFixed(2)} at the start`,
  ].join('\n');
}

// --- float products
function matmulSection() {
  // The programs take turns, `passes` times, and each rate is the best of its passes: load from other work on a
  // shared machine then slows no kernel more than another.
  const rows = [];
  for (let pass = 0; pass < passes; pass++) {
    rows.push(...node(join(wasm, 'bench-matmul-simd.js'), ...short), ...jsonLines(join(native, 'bench_matmul'), short),
      ...node(join(wasm, 'bench-matmul-scalar.js'), ...short));
  }
  const shapes = new Map(), peaks = {}, lanesOf = {};
  for (const row of rows) {
    if (row.peak !== undefined) {  // the width's multiply-and-add peak (bench/mul_add_peak.hpp)
      peaks[row.kernel] = Math.max(peaks[row.kernel] ?? 0, row.peak);
      lanesOf[row.kernel] = row.lanes;
      continue;
    }
    const key = `${row.form} ${row.m}×${row.n}×${row.k}`;
    if (!shapes.has(key)) shapes.set(key, { ...row, rate: {}, bits: new Set() });
    const rate = shapes.get(key).rate;
    rate[row.kernel] = Math.max(rate[row.kernel] ?? 0, row.gflops);
    shapes.get(key).bits.add(row.bits);
  }
  const lines = [
    '| product (C m×n, summed over k) | what | wasm SIMD | wasm scalar | native SSE | native AVX2 | native AVX-512 | SIMD ÷ SSE | SIMD ÷ AVX2 | same bits |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const targets = [];
  for (const [key, s] of shapes) {
    const r = s.rate;
    for (const kernel of ['wasm-simd', 'wasm-scalar', 'sse']) if (r[kernel] === undefined) problems.push(`matmul ${key}: no ${kernel} row`);
    lines.push(`| ${key} | ${s.where} | ${fixed(r['wasm-simd'])} | ${fixed(r['wasm-scalar'])} | ${fixed(r.sse)} | ${fixed(r.avx2)} | ${fixed(r.avx512)} | ` +
      `${ratio(r['wasm-simd'], r.sse)} | ${ratio(r['wasm-simd'], r.avx2)} | ${s.bits.size === 1 ? 'yes' : '**no**'} |`);
    if (s.bits.size !== 1) problems.push(`matmul ${key}: the kernels' bits differ`);
    if (s.where === 'square' && s.m >= 64) targets.push(`n = ${s.m}: ${ratio(r['wasm-simd'], r.sse)} ${verdict(r['wasm-simd'] >= 0.8 * r.sse)}`);
  }
  if (shapes.size < 8) problems.push(`matmul: only ${shapes.size} shapes`);
  const best = (kernel) => Math.max(...[...shapes.values()].map((shape) => shape.rate[kernel] ?? 0));
  const kernels = [['wasm-simd', 'wasm SIMD128'], ['wasm-scalar', 'wasm scalar'], ['sse', 'native SSE'],
    ['avx2', 'native AVX2'], ['avx512', 'native AVX-512']].filter(([kernel]) => best(kernel) > 0);
  const peakLines = ['| kernel | lanes | multiply-and-add peak | best product | best ÷ peak |', '|---|---:|---:|---:|---:|'];
  for (const [kernel, name] of kernels) {
    if (peaks[kernel] === undefined) problems.push(`matmul: no peak for ${kernel}`);
    peakLines.push(`| ${name} | ${lanesOf[kernel] ?? '–'} | ${fixed(peaks[kernel])} | ${fixed(best(kernel))} | ${ratio(best(kernel), peaks[kernel])} |`);
  }
  return {
    text: `GFLOP/s (2·m·n·k per product), one thread.\n\n${lines.join('\n')}\n\n` +
      `Target: wasm SIMD ≥ 0.8 × native SSE (the same width) at n ≥ 64 — ${targets.join('; ')}.\n\n` +
      'The ceiling of each kernel: its width\'s *multiply-and-add peak* (bench/mul_add_peak.hpp), twelve chains of ' +
      'x = x·m + c (a multiply, then an add, never fused: the two instructions of every product\'s inner loop) in ' +
      'registers, with no memory at all, measured in the same turns as the products. A kernel whose best product is near 1 × ' +
      'its peak keeps the arithmetic units busy; only more lanes (or fused multiply-adds, which would change the ' +
      'bits) make it faster.\n\n' + `${peakLines.join('\n')}\n`,
    wasmBestProduct: best('wasm-simd'),
    peaks,
  };
}

// Whether Debian's Python has this module (python3-torch, python3-sklearn, ...).
function pythonHas(module) {
  try { execFileSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }); return true; } catch { return false; }
}

// --- the course's own Python, exercise by exercise
function notebookPython() {
  const shared = join(root, '..', 'shared', 'reference', 'notebook_solutions.txt');
  const solutions = process.env.LAB_COURSE_SOLUTIONS || (existsSync(shared) ? shared : null);
  const modules = ['torch', 'sklearn', 'matplotlib'];
  const missing = modules.filter((name) => !pythonHas(name));
  if (!solutions || missing.length) {
    return {
      times: new Map(),
      why: solutions ? `Debian's ${missing.map((name) => `python3-${name}`).join(', ')} ` +
        'not installed' : "the course's notebook_solutions.txt not given (LAB_COURSE_SOLUTIONS)",
    };
  }
  try {
    const rows = jsonLines('/usr/bin/python3', [join(root, 'bench', 'notebook_python.py'), solutions, quick ? '1' : '2']);
    return { times: new Map(rows.map((row) => [row.id, row.seconds])), why: null };
  } catch (error) {  // the course's code, not the lab's: its failure is reported in the table, not fatal
    return { times: new Map(), why: `the course's Python failed (${String(error.message).split('\n')[0]})` };
  }
}

// --- every exercise at its defaults
function exerciseSection(matmul) {
  const nativeTimes = new Map(), wasmTimes = new Map(), flops = new Map();
  const keepBest = (times, rows) => rows.forEach((row) => times.set(row.id, Math.min(times.get(row.id) ?? Infinity, row.seconds)));
  for (let pass = 0; pass < passes; pass++) {  // taking turns, as for the products
    keepBest(wasmTimes, node(join(root, 'bench', 'exercises_wasm.mjs'), 'simd', ...short));
    const nativeRows = jsonLines(join(native, 'bench_exercises'), short);
    keepBest(nativeTimes, nativeRows);
    nativeRows.forEach((row) => flops.set(row.id, row.product_flops));
  }
  const python = notebookPython();
  const lines = [
    '| exercise | native s | wasm SIMD s | wasm ÷ native | product GFLOP | wasm GFLOP/s | ÷ best wasm product | notebook Python s | wasm ÷ Python | ≤ 0.25 s in wasm |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  let nativeTotal = 0, wasmTotal = 0, pythonTotal = 0, flopsTotal = 0;
  const slow = [], pythonIdle = [];
  for (const [id, seconds] of wasmTimes) {
    const n = nativeTimes.get(id), f = flops.get(id), p = python.times.get(id);
    if (n === undefined) problems.push(`exercise ${id}: no native time`);
    if (f === undefined) problems.push(`exercise ${id}: no product count`);
    if (!python.why && p === undefined) problems.push(`exercise ${id}: no time for the course's Python`);
    nativeTotal += n ?? 0;
    wasmTotal += seconds;
    pythonTotal += p ?? 0;
    flopsTotal += f ?? 0;
    if (seconds > 0.25) slow.push(id);
    const rate = f > 1e6 ? f / seconds / 1e9 : undefined;  // below a MFLOP the products are not what takes the time
    // Under a millisecond the course's code computes next to nothing (02.2 prints latencies it never measured),
    // so a ratio to it would say nothing about speed.
    const idle = p !== undefined && p < 1e-3;
    if (idle) pythonIdle.push(id);
    lines.push(`| ${id} | ${fixed(n, 3)} | ${fixed(seconds, 3)} | ${ratio(seconds, n)} | ${f > 1e6 ? fixed(f / 1e9, 3) : '–'} | ` +
      `${fixed(rate)} | ${rate === undefined ? '–' : ratio(rate, matmul.wasmBestProduct)} | ${fixed(p, 3)} | ${idle ? '– ¹' : ratio(seconds, p)} | ` +
      `${seconds <= 0.25 ? 'yes' : '**no**'} |`);
  }
  if (wasmTimes.size !== 25) problems.push(`exercises: ${wasmTimes.size} timed in wasm, not 25`);
  const pythonFigure = python.why ? undefined : pythonTotal;
  lines.push(`| all ${wasmTimes.size} | ${fixed(nativeTotal, 3)} | ${fixed(wasmTotal, 3)} | ${ratio(wasmTotal, nativeTotal)} | ` +
    `${fixed(flopsTotal / 1e9, 3)} | ${fixed(flopsTotal / wasmTotal / 1e9)} | ${ratio(flopsTotal / wasmTotal / 1e9, matmul.wasmBestProduct)} | ` +
    `${fixed(pythonFigure, 3)} | ${ratio(wasmTotal, pythonFigure)} | ${verdict(wasmTotal <= 1)} (≤ 1 s together) |`);
  return {
    text: 'Each exercise from parameters to Result (lab::run_exercise natively, runExercise in the SIMD module), ' +
      'all 25 back to back in one process. *Product GFLOP* is the arithmetic of the float products one run does ' +
      '(2·m·n·k each, counted by the core; the same in every build); *wasm GFLOP/s* divides it by the wasm time, ' +
      `and *÷ best wasm product* by the best wasm SIMD product rate above (${fixed(matmul.wasmBestProduct)} GFLOP/s): the share of ` +
      "the exercise's time its products would fill at that rate. The rest goes to everything else a step does " +
      '(softmax, layer norm, the tape, the optimizer, building the Result) and to products of shapes slower ' +
      'than the best. ' +
      (python.why ? `*Notebook Python*: **not measured** — ${python.why}.` :
        "*Notebook Python* is the course's own code for the exercise (bench/notebook_python.py: PyTorch eager on " +
        "one thread, scikit-learn, figures rendered to PNG; each notebook's opening imports not timed).") +
      `\n\n${lines.join('\n')}\n\n` +
      (pythonIdle.length ? `¹ No ratio: the course's code for ${pythonIdle.join(', ')} takes under 1 ms, too little ` +
        'to compare (the notebook\'s 02.2 prints hard-coded latencies and times nothing; the lab times real passes).\n\n' : '') +
      `Target: every exercise ≤ 0.25 s in wasm — ${slow.length ? `**not met** by ${slow.join(', ')}` : 'met'}; ` +
      `all 25 ≤ 1 s — ${verdict(wasmTotal <= 1)} (${fixed(wasmTotal, 2)} s` +
      `${pythonFigure === undefined ? '' : `, ${ratio(wasmTotal, pythonFigure)} × the notebook's Python; about 0.12 × is the aim`}).\n`,
    flops,
    slowest: [...nativeTimes].filter(([, seconds]) => seconds > 0.02).map(([id]) => id),
  };
}

// --- profiles of the exercises that take time
function profileSection(ids) {
  const chosen = quick ? ids.slice(0, 1) : ids;
  const rows = chosen.length ? node(join(root, 'bench', 'profile.mjs'), '--repeats', quick ? '1' : '3', ...chosen) : [];
  const names = ['products', 'softmax and attention', 'layer norm', 'activations', 'optimizer', 'tape',
    'allocation, zeroing and copies', 'other tensor ops', 'the Result (JSON)', 'other'];
  const lines = [`| exercise | shell | ${names.join(' | ')} | the function with most time |`,
    `|---|---|${names.map(() => '---:|').join('')}---|`];
  for (const row of rows) {
    const percent = (share) => (share === undefined ? '–' : `${Math.round(share * 100)}%`);
    const [name, share] = row.top[0] ?? ['–', undefined];
    lines.push(`| ${row.id} | ${row.shell} | ${names.map((group) => percent(row.groups[group])).join(' | ')} | ` +
      `\`${name.replace(/\|/g, '\\|')}\` ${percent(share)} |`);
  }
  for (const id of chosen) if (!rows.some((row) => row.id === id && row.shell === 'wasm')) problems.push(`profile ${id}: no wasm row`);
  const perf = rows.some((row) => row.shell === 'native');
  return `Each exercise whose native run takes over 20 ms, at its defaults, run ${quick ? 'once' : 'three times'} ` +
    "under a sampling profiler: in wasm Node's --cpu-prof (bench-profile.js keeps the functions' names), " +
    `natively perf${perf ? '' : ' — **not measured**: Debian\'s linux-perf is not installed'}. Each function's own ` +
    'time is put in a group by its name (bench/profile.mjs); inlined code counts where it was inlined.\n\n' +
    `${lines.join('\n')}\n`;
}

// --- the copy task against the notebook's PyTorch
// PyTorch, the native lab and the wasm lab take turns, `passes` times, so a slow spell of the machine falls on all
// three alike; each runner's time is the best of its passes, and each pass's own two ratios are shown beside them.
function copyTaskSection(matmul, productFlops) {
  const torch = pythonHas('torch');
  const best = (row) => Math.min(...row.seconds);
  const runs = [];
  for (let pass = 0; pass < passes; pass++) {
    const [pytorch] = torch ? jsonLines('/usr/bin/python3', [join(root, 'bench', 'copy_task_pytorch.py'), '1']) : [];
    const [nativeRun] = jsonLines(join(native, 'bench_copy_task'), [quick ? '1' : '3']);
    const [wasmRun] = node(join(root, 'bench', 'copy_task_wasm.mjs'), 'simd', quick ? '1' : '3');
    runs.push({ pytorch: pytorch && best(pytorch), native: best(nativeRun), wasm: best(wasmRun) });
  }
  const copyNative = Math.min(...runs.map((run) => run.native)), copyWasm = Math.min(...runs.map((run) => run.wasm));
  const head = `01.5 at its defaults (500 Adam steps of 32 sequences): native ${fixed(copyNative, 3)} s, wasm SIMD ${fixed(copyWasm, 3)} s.`;
  if (!torch) {
    return `${head}\n\nPyTorch: **not measured** — Debian's python3-torch is not installed on this machine ` +
      '(`/usr/bin/python3 -c "import torch"` fails), so the targets (wasm ≤ 0.10 ×, native ≤ 0.05 × PyTorch) ' +
      'are not checked in this run.\n';
  }
  const seconds = Math.min(...runs.map((run) => run.pytorch));
  const eachPass = (runner) => runs.map((run) => ratio(run[runner], run.pytorch, 3)).join(', ');
  // The floor: the run's products alone, at the multiply-and-add peak of the kernel each shell uses (the widest).
  const nativePeak = matmul.peaks.avx512 ?? matmul.peaks.avx2 ?? matmul.peaks.sse;
  const floor = (peak) => (productFlops && peak ? productFlops / peak / 1e9 : undefined);
  const floorCell = (peak) => `${fixed(floor(peak), 3)} s = ${ratio(floor(peak), seconds, 3)} ×`;
  return `${head} The three took turns ${passes === 1 ? 'once' : `${passes} times`}; each time below is the best ` +
    'of its turns. *Products alone at the peak* is the run\'s float products ' +
    `(${fixed((productFlops ?? NaN) / 1e9, 2)} GFLOP, counted by the core) at the multiply-and-add peak of the ` +
    'kernel that shell runs (the table of peaks above): the time no change but fewer products, more lanes or ' +
    'fused multiply-adds (other bits) can go below; what a runner takes beyond it is everything else a step does ' +
    'and its products\' shortfall from the peak.\n\n' +
    '| runner | s | ÷ PyTorch | ÷ PyTorch in each turn | target | products alone at the peak (÷ PyTorch) |\n' +
    '|---|---:|---:|---|---|---|\n' +
    `| PyTorch eager, one thread (the notebook's code) | ${fixed(seconds, 3)} | 1.00 | | | |\n` +
    `| native | ${fixed(copyNative, 3)} | ${ratio(copyNative, seconds, 3)} | ${eachPass('native')} | ` +
    `≤ 0.05: ${verdict(copyNative <= 0.05 * seconds)} | ${floorCell(nativePeak)} |\n` +
    `| wasm SIMD | ${fixed(copyWasm, 3)} | ${ratio(copyWasm, seconds, 3)} | ${eachPass('wasm')} | ` +
    `≤ 0.10: ${verdict(copyWasm <= 0.10 * seconds)} | ${floorCell(matmul.peaks['wasm-simd'])} |\n`;
}

// --- a first visit
function firstVisitSection() {
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(join(root, 'build', 'site', 'index.html')) || !existsSync(chromium)) {
    problems.push('first visit: build/site or Chromium is missing');
    return '**not measured** (needs build/site and Chromium).\n';
  }
  const [visit] = node(join(root, 'bench', 'first_visit.mjs'));
  return `${visit.files} files, ${visit.kib_raw} KiB raw, **${visit.kib_gzip} KiB gzip**; navigation to the first chart ` +
    `of 01.1: ${visit.first_chart_ms} ms (headless Chromium, loopback).\n\n` +
    `Target: ≤ 600 kB gzip — ${verdict(visit.kib_gzip * 1024 <= 600e3)}.\n`;
}

const matmul = matmulSection();
const exercises = exerciseSection(matmul);
const copyTask = copyTaskSection(matmul, exercises.flops.get('01.5'));
const profiles = profileSection(exercises.slowest);
const firstVisit = firstVisitSection();
const report = `# Benchmarks

Written by \`scripts/bench.sh${quick ? ' --short' : ''}\` (bench/bench.mjs); run it again to measure another machine.

## Machine
${machine()}

## Float products (core/nn/matmul.hpp)
${matmul.text}
## Every exercise at its defaults
${exercises.text}
## Where the time goes
${profiles}
## The copy task against the notebook's PyTorch
${copyTask}
## First visit
${firstVisit}
## Commands
${commands.map((command) => `    ${command}`).join('\n')}
`;
writeFileSync(out, report);
console.log(`bench: wrote ${relative(process.cwd(), out) || out}`);
if (problems.length) {
  console.error(`bench: ${problems.length} rows missing or wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
