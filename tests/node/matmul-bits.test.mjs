// The float products give the same bits on every target: the wasm SIMD128 kernel, the scalar wasm build and the
// native kernels (SSE, and AVX2 and AVX-512 where the CPU has them) hash each product of bench/matmul.cpp's fixed inputs
// identically, for every shape and all three forms (A·B, A·Bᵀ, Aᵀ·B); and each reports its width's peak.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './lab-module.mjs';

function run(command, args) {
  const text = execFileSync(command, [...args, '--short'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return text.trim().split('\n').map((line) => JSON.parse(line));
}

test('wasm SIMD, wasm scalar and the native kernels hash every benchmark product to the same bits', () => {
  const lines = [
    ...run(process.execPath, [join(root, 'build', 'wasm', 'bench-matmul-simd.js')]),
    ...run(process.execPath, [join(root, 'build', 'wasm', 'bench-matmul-scalar.js')]),
    ...run(join(root, 'build', 'native', 'bench_matmul'), []),
  ];
  const rows = lines.filter((line) => line.peak === undefined);
  const kernels = new Set(rows.map((row) => row.kernel));
  for (const kernel of ['wasm-simd', 'wasm-scalar', 'sse']) assert.ok(kernels.has(kernel), `no rows from ${kernel}`);
  // Each kernel also reports its width's multiply-and-add peak (bench/mul_add_peak.hpp), once.
  const peaks = lines.filter((line) => line.peak !== undefined);
  assert.deepEqual(peaks.map((line) => line.kernel).sort(), [...kernels].sort());
  for (const line of peaks) {
    assert.ok(line.peak > 0, `${line.kernel} measured no peak`);
    assert.ok([1, 4, 8, 16].includes(line.lanes), `${line.kernel}: ${line.lanes} lanes`);
  }
  const byShape = new Map();
  for (const row of rows) {
    assert.match(row.bits, /^[0-9a-f]{16}$/);
    assert.ok(row.gflops > 0, `${row.kernel} ${row.form} measured no rate`);
    const key = `${row.form} ${row.m}x${row.n}x${row.k}`;
    if (!byShape.has(key)) byShape.set(key, []);
    byShape.get(key).push(row);
  }
  assert.ok(byShape.size >= 8, `only ${byShape.size} shapes`);
  for (const [key, group] of byShape) {
    assert.equal(group.length, kernels.size, `${key} is missing from some kernel`);
    for (const row of group) assert.equal(row.bits, group[0].bits, `${row.kernel} differs from ${group[0].kernel} on ${key}`);
  }
  // Different shapes give different products: the hash sees the numbers.
  assert.equal(new Set([...byShape.values()].map((group) => group[0].bits)).size, byShape.size);
});
