// Where an exercise's time goes, in both shells: bench_profile runs the exercise at its defaults, in the wasm
// build under Node's sampling profiler (--cpu-prof, the module keeping its function names) and natively under
// perf (Debian's linux-perf) when it is installed; each function's own time is then put in one of the groups below,
// by its name. Prints one JSON line per exercise and shell:
//   {"id": "01.5", "shell": "wasm", "ms": 812, "groups": {"products": 0.52, ...}, "top": [["name", 0.31], ...]}
// ("groups" and "top" are shares of the samples taken while the exercise ran).
// Usage: node bench/profile.mjs [--repeats N] ID...   (needs build/native/bench_profile and build/wasm/bench-profile.js)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const repeats = args.includes('--repeats') ? args[args.indexOf('--repeats') + 1] : '3';
const ids = args.filter((arg, i) => arg !== '--repeats' && args[i - 1] !== '--repeats');

// The groups, tried in order; a function's name decides its group.
// A backward rule is a closure named after the operation that recorded it, so it lands in that operation's group.
const groups = [
  ['products', /kernels::|product_(portable|sse|avx2|avx512|wasm|plain)|lab::nn::matmul|matmul_/],
  ['softmax and attention', /softmax|attention|causal_mask/i],
  ['layer norm', /layer_norm|LayerNorm/],
  ['activations', /relu|gelu|dropout/],
  ['optimizer', /Adam|adam_update|optimizer|clip_grad/],
  ['the Result (JSON)', /nlohmann|json|Result|charts|float_format/i],
  ['allocation, zeroing and copies', /malloc|free|operator new|operator delete|memcpy|memmove|memset|sbrk|dlmalloc/],
  ['tape', /TapeOf<[a-z]+>::/],
  ['other tensor ops', /lab::nn::|Eigen::|xt::/],
];
const groupOf = (name) => groups.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

function shares(selfTimes) {
  const total = [...selfTimes.values()].reduce((sum, t) => sum + t, 0) || 1;
  const byGroup = {};
  for (const [name, t] of selfTimes) byGroup[groupOf(name)] = (byGroup[groupOf(name)] ?? 0) + t / total;
  const top = [...selfTimes].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, t]) => [name.slice(0, 90), t / total]);
  return { groups: byGroup, top };
}

// wasm: Node's .cpuprofile; a node's own time is its hit count. Only wasm frames and the exercise's JS count
// (the module's start-up and V8's compiler are left out as "(program)" and "(garbage collector)" frames).
function wasmProfile(id) {
  const dir = mkdtempSync(join(os.tmpdir(), 'lab-profile-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200',
      join(root, 'build', 'wasm', 'bench-profile.js'), '--repeats', repeats, id], { stdio: ['ignore', 'ignore', 'inherit'] });
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    const selfTimes = new Map();
    for (const node of profile.nodes) {
      const name = node.callFrame.functionName;
      if (!node.hitCount || !node.callFrame.url.includes('wasm') || !name) continue;
      selfTimes.set(name, (selfTimes.get(name) ?? 0) + node.hitCount);
    }
    return { ms: Math.round((profile.endTime - profile.startTime) / 1000), ...shares(selfTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// native: perf's samples, by symbol (demangled), the program's own and its libraries'.
function nativeProfile(id) {
  const dir = mkdtempSync(join(os.tmpdir(), 'lab-profile-'));
  const data = join(dir, 'perf.data');
  try {
    const start = Date.now();
    execFileSync('perf', ['record', '-q', '-F', '4000', '-o', data, '--', join(root, 'build', 'native', 'bench_profile'),
      '--repeats', repeats, id], { stdio: ['ignore', 'ignore', 'inherit'] });
    const ms = Date.now() - start;
    const report = execFileSync('perf', ['report', '-i', data, '--stdio', '--no-children', '--sort', 'symbol',
      '--percent-limit', '0.1', '-F', 'overhead,sym'], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
    const selfTimes = new Map();
    for (const line of report.split('\n')) {
      const match = line.match(/^\s*([\d.]+)%\s+\[[.k]\]\s+(.*)$/);
      const name = match?.[2].replace(/[\s-]+$/, '');  // perf pads the column with spaces and dashes
      if (name) selfTimes.set(name, (selfTimes.get(name) ?? 0) + Number(match[1]));
    }
    return { ms, ...shares(selfTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let perf = false;
try { execFileSync('perf', ['--version'], { stdio: 'ignore' }); perf = true; } catch { /* not installed */ }
for (const id of ids) {
  if (existsSync(join(root, 'build', 'wasm', 'bench-profile.js'))) console.log(JSON.stringify({ id, shell: 'wasm', ...wasmProfile(id) }));
  if (perf) console.log(JSON.stringify({ id, shell: 'native', ...nativeProfile(id) }));
}
