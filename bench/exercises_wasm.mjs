// Times every exercise at its defaults in the wasm module under Node, as the page's worker calls it
// (runExercise(id, '{}')), all 25 back to back in one module. Prints one JSON line per exercise, like
// bench_exercises: {"id": "01.5", "seconds": 0.2}, the best of 3 runs after one warm-up run of all 25 (V8 first
// runs wasm in its baseline compiler).
// Usage: node bench/exercises_wasm.mjs [simd|scalar] [--short]   (--short: one run each, no warm-up)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const variant = process.argv[2] ?? 'simd';
const quick = process.argv.includes('--short');
const dir = join(root, 'build', 'wasm');
const factory = createRequire(import.meta.url)(join(dir, `lab-${variant}.js`));
const module = await factory({ wasmBinary: readFileSync(join(dir, `lab-${variant}.wasm`)) });
const ids = JSON.parse(module.listExercises()).map((exercise) => exercise.id);

function runOnce(id) {
  const start = process.hrtime.bigint();
  const result = JSON.parse(module.runExercise(id, '{}'));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw new Error(`${id}: ${JSON.stringify(result.error)}`);
  return seconds;
}

if (!quick) ids.forEach(runOnce);
for (const id of ids) {
  const times = Array.from({ length: quick ? 1 : 3 }, () => runOnce(id));
  console.log(JSON.stringify({ id, seconds: Math.min(...times) }));
}
