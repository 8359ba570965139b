// Times exercise 01.5 at its defaults in the wasm module under Node, as the page's worker calls it:
// runExercise('01.5', '{}'). Prints one JSON line like bench_copy_task's.
// Usage: node bench/copy_task_wasm.mjs [simd|scalar] [repeats]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const variant = process.argv[2] ?? 'simd';
const repeats = Math.max(1, Number(process.argv[3] ?? 3));
const dir = join(root, 'build', 'wasm');
const factory = createRequire(import.meta.url)(join(dir, `lab-${variant}.js`));
const module = await factory({ wasmBinary: readFileSync(join(dir, `lab-${variant}.wasm`)) });

const seconds = [];
let result;
for (let i = 0; i < repeats; i++) {
  const start = process.hrtime.bigint();
  result = JSON.parse(module.runExercise('01.5', '{}'));
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
if (result.error) throw new Error(JSON.stringify(result.error));
console.log(JSON.stringify({
  runner: `wasm-${variant}`, seconds, loss: result.data.loss,
  accuracy: result.metrics.accuracy, final_loss: result.metrics.final_loss,
}));
