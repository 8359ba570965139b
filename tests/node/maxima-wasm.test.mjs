// The maxima sweep in the wasm module (the native one is tests/maxima/maxima_sweep.cpp, run by ctest): every
// exercise at all its maxima at once and at each maximum alone, the other parameters at their defaults, in the SIMD
// build under Node. Each run is answered (a Result or an error object, never `internal`) within 20 times the CPU
// time of the copy task at its defaults measured first in the same module (the work cap, 50 GFLOP, is 15 times
// the copy task's 3.4 GFLOP of products; a ratio, so a busy machine slows both sides), and the module's whole heap
// stays at most 256 MB. A maximum is a parameter's `max` from
// `lab list`, filled as the native sweep fills it: the largest number; a string, array or object filled to its cap
// with the default's items repeated (an empty array gets numbers from 10 to 16, an empty object numbered keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadModule, nativeCli } from './lab-module.mjs';

const CPU_TIMES_COPY_TASK = 20;
const HEAP_MEGABYTES_CAP = 256;

function atMaximum(spec) {
  if (spec.max === undefined) return undefined;
  const fallback = spec.default;
  if (spec.type === 'integer' || spec.type === 'number') return spec.max;
  if (spec.type === 'string') {
    const unit = fallback || 'The quick brown fox jumps over the lazy dog. ';
    return unit.repeat(Math.floor(spec.max / unit.length));
  }
  if (spec.type === 'array') {
    return Array.from({ length: spec.max }, (_, i) => (fallback.length ? fallback[i % fallback.length] : 10 + (i % 7)));
  }
  if (spec.type === 'object') {
    const keys = Object.keys(fallback);
    const entries = {};
    for (let i = 0; Object.keys(entries).length < spec.max; ++i) {
      if (!keys.length) entries[`k${i}`] = i;
      else entries[keys[i % keys.length] + (i < keys.length ? '' : ` ${i}`)] = fallback[keys[i % keys.length]];
    }
    return entries;
  }
  return undefined;
}

function cpuSeconds(run) {
  const before = process.cpuUsage();
  const answer = run();
  const used = process.cpuUsage(before);
  return { answer, seconds: (used.user + used.system) / 1e6 };
}

test('every exercise at all its maxima and at each alone, in wasm: answered within 20 × the copy task\'s CPU time with at most 256 MB of heap', async () => {
  const lab = await loadModule('simd');
  const copyTask = Math.min(...[0, 1, 2].map(() => cpuSeconds(() => lab.runExercise('01.5', '{}')).seconds));
  const cap = CPU_TIMES_COPY_TASK * copyTask;
  const catalog = JSON.parse(nativeCli(['list']).stdout);
  const broken = [];
  let runs = 0, worst = { seconds: 0, run: '' }, heapMegabytes = 0;
  for (const exercise of catalog) {
    const maxima = exercise.params.map((spec) => [spec.name, atMaximum(spec)]).filter(([, value]) => value !== undefined);
    const sets = [['all maxima at once', Object.fromEntries(maxima)], ...maxima.map(([name, value]) => [`${name} at its maximum`, { [name]: value }])];
    for (const [label, params] of sets) {
      const { answer: text, seconds } = cpuSeconds(() => lab.runExercise(exercise.id, JSON.stringify(params)));
      const answer = JSON.parse(text);
      heapMegabytes = Math.max(heapMegabytes, lab.HEAP8.length / 1048576);
      const run = `${exercise.id}, ${label}`;
      runs += 1;
      if (seconds > worst.seconds) worst = { seconds, run };
      if (answer.error?.code === 'internal' || seconds > cap || lab.HEAP8.length / 1048576 > HEAP_MEGABYTES_CAP) {
        broken.push(`${run}: ${answer.error?.code ?? 'result'}, ${seconds.toFixed(2)} s CPU, heap ${(lab.HEAP8.length / 1048576).toFixed(0)} MB`);
      }
    }
  }
  console.log(`${runs} runs in wasm; the copy task ${copyTask.toFixed(2)} s CPU, so at most ${cap.toFixed(2)} s; slowest ` +
    `${worst.run} at ${worst.seconds.toFixed(2)} s CPU (${(worst.seconds / copyTask).toFixed(1)} ×); heap at most ${heapMegabytes.toFixed(0)} MB`);
  assert.ok(runs > 100, `the sweep ran only ${runs} runs`);
  assert.deepEqual(broken, []);
});
