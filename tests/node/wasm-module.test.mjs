// The wasm module in Node: the same exercises and Results as the native CLI, in both builds, and errors that
// leave the module usable.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { differences, loadModule, nativeCli } from './lab-module.mjs';

const modules = {};
let catalog = [];

before(async () => {
  modules.simd = await loadModule('simd');
  modules.scalar = await loadModule('scalar');
  catalog = JSON.parse(modules.simd.listExercises());
});

test('listExercises() equals `lab list`, with 25 exercises', () => {
  const native = JSON.parse(nativeCli(['list']).stdout);
  assert.equal(catalog.length, 25);
  assert.deepEqual(catalog, native);
  assert.deepEqual(JSON.parse(modules.scalar.listExercises()), native);
});

test('buildInfo() names each variant', () => {
  assert.equal(JSON.parse(modules.simd.buildInfo()).variant, 'simd');
  assert.equal(JSON.parse(modules.scalar.buildInfo()).variant, 'scalar');
});

describe('every exercise gives the native CLI\'s Result (floats within 1e-4 relative)', () => {
  const ids = JSON.parse(nativeCli(['list']).stdout).map((ex) => ex.id);
  for (const id of ids) {
    test(`${id} with default parameters, SIMD and scalar builds`, () => {
      const native = JSON.parse(nativeCli(['run', id]).stdout);
      assert.ok(!native.error, JSON.stringify(native.error));
      for (const variant of ['simd', 'scalar']) {
        const wasm = JSON.parse(modules[variant].runExercise(id, '{}'));
        assert.deepEqual(differences(wasm, native), [], `${variant} differs from native for ${id}`);
      }
    });
  }
});

test('01.5 (the copy task) trains to the same loss curve, bit for bit, in both builds and natively', () => {
  const native = JSON.parse(nativeCli(['run', '01.5']).stdout);
  const simd = JSON.parse(modules.simd.runExercise('01.5', '{}'));
  const scalar = JSON.parse(modules.scalar.runExercise('01.5', '{}'));
  assert.equal(simd.data.loss.length, 500);
  assert.deepEqual(simd.data.loss, scalar.data.loss);
  assert.deepEqual(simd.data.loss, native.data.loss);
  assert.deepEqual(simd.metrics, scalar.metrics);
});

test('05.4 on a text gives the native Result in both builds: perplexities, the split and the seeded samples', () => {
  const paragraph = 'The river runs past the old mill and under the stone bridge before it turns toward the sea. ' +
    'In the spring the water is high and brown, and the children stand on the bridge to watch branches float by. ';
  const params = JSON.stringify({ corpus: paragraph.repeat(3), steps: 60, temperature: 0.8 });
  const native = JSON.parse(nativeCli(['run', '05.4', '--params', params]).stdout);
  assert.ok(!native.error, JSON.stringify(native.error));
  assert.equal(native.data.samples.length, 3);
  assert.ok(native.metrics.ppl_heldout_after < native.metrics.ppl_heldout_before);
  for (const variant of ['simd', 'scalar']) {
    const wasm = JSON.parse(modules[variant].runExercise('05.4', params));
    assert.deepEqual(differences(wasm, native), [], `${variant} differs from native for 05.4 on a text`);
  }
});

describe('bad input gives an error object through the module, and the next run works', () => {
  const cases = [
    ['unknown exercise', '09.9', '{}', 'unknown_exercise', /unknown exercise "09.9"/],
    ['unknown parameter', '01.1', '{"seq_lenn": 3}', 'bad_param', /unknown parameter "seq_lenn" for exercise 01.1; allowed: seq_len, d_model/],
    ['wrong type', '01.1', '{"seq_len": "ten"}', 'bad_param', /seq_len must be an integer \(got "ten"\)/],
    ['out of range', '02.1', '{"warmup_steps": 0}', 'bad_param', /warmup_steps must be between 1 and 1000000 \(got 0\)/],
    ['indivisible heads', '01.2', '{"d_model": 64, "n_heads": 6}', 'bad_param', /d_model must be divisible by n_heads \(64 % 6 != 0\)/],
    ['beyond the size cap', '01.1', '{"seq_len": 100000}', 'too_large', /seq_len must be at most 512/],
    ['malformed JSON', '01.1', '{"seq_len": ', 'bad_param', /params are not valid JSON/],
    ['params not an object', '01.1', '[1, 2]', 'bad_param', /params must be a JSON object/],
    ['a text too short to hold out', '05.4', '{"corpus": "too short"}', 'bad_param', /corpus must hold at least 161 characters at seq_len 16/],
  ];
  for (const [name, id, params, code, message] of cases) {
    test(name, () => {
      for (const variant of ['simd', 'scalar']) {
        const result = JSON.parse(modules[variant].runExercise(id, params));
        assert.equal(result.error?.code, code);
        assert.match(result.error.message, message);
        const native = JSON.parse(nativeCli(['run', id, '--params', params]).stdout);
        assert.deepEqual(result, native, 'the CLI reports the same error');
        const next = JSON.parse(modules[variant].runExercise('01.1', '{"seq_len": 12}'));
        assert.equal(next.metrics.self_similarity, 32);
      }
    });
  }
});

test('the CLI exits 2 with the error object on stdout and a one-line message on stderr', () => {
  const run = nativeCli(['run', '01.2', '--params', '{"n_heads": 6}']);
  assert.equal(run.code, 2);
  assert.equal(JSON.parse(run.stdout).error.param, 'n_heads');
  assert.equal(run.stderr.trim(), 'lab: d_model must be divisible by n_heads (64 % 6 != 0)');
});

test('runExercise takes an optional progress callback and streams JSON updates through it', () => {
  const streaming = JSON.parse(nativeCli(['list']).stdout)
    .map((ex) => ex.id).filter((id) => JSON.parse(nativeCli(['run', id]).stdout).charts.some((chart) => chart.stream));
  for (const id of streaming) {
    const updates = [];
    const result = JSON.parse(modules.simd.runExercise(id, '{}', (text) => updates.push(JSON.parse(text))));
    assert.ok(!result.error);
    assert.ok(updates.length > 0, `${id} reported no progress`);
    assert.ok(updates.every((u) => Number.isInteger(u.step) && Number.isInteger(u.total)));
  }
  // Without a callback, and with something that is not a function, the run still works.
  assert.ok(!JSON.parse(modules.simd.runExercise('01.1', '{}', undefined)).error);
  assert.ok(!JSON.parse(modules.simd.runExercise('01.1', '{}', 42)).error);
});

test('the CLI reads long params from a file or from stdin (--params-file)', async () => {
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { root } = await import('./lab-module.mjs');
  const docs = Array.from({ length: 90 }, (_, i) => `document ${i} about ${'word '.repeat(150)}topic${i % 7}`);  // ~70 KB
  const params = JSON.stringify({ docs, min_df: 1 });
  const file = join(mkdtempSync(join(tmpdir(), 'lab-')), 'params.json');
  writeFileSync(file, params);
  const fromFile = JSON.parse(nativeCli(['run', '04.5', '--params-file', file]).stdout);
  const fromStdin = JSON.parse(execFileSync(join(root, 'build', 'native', 'lab'), ['run', '04.5', '--params-file', '-'], { input: params, encoding: 'utf8', maxBuffer: 1 << 28 }));
  assert.equal(fromFile.metrics.vocabulary_size, 90 + 7);  // 0..89 and topic0..6; document, about, word are in every doc (max_df_ratio)
  assert.deepEqual(fromStdin, fromFile);
  assert.deepEqual(differences(JSON.parse(modules.simd.runExercise('04.5', params)), fromFile), []);
  const missing = nativeCli(['run', '04.5', '--params-file', join(tmpdir(), 'no-such-file.json')]);
  assert.equal(missing.code, 2);
  assert.equal(JSON.parse(missing.stdout).error.code, 'usage');
});
