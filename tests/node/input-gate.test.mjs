// The input gate in every shell, and failures that stay contained: the wasm module and the native CLI give the
// same error object for the same bytes (the CLI reads them from stdin), and a run that fails (an exception, memory
// running out, input nested deep enough to exhaust the stack if anything recursed on it) returns an error object,
// leaves malloc's bytes in use where they were, and the next run works.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { loadModule, root } from './lab-module.mjs';

const modules = {};

before(async () => {
  modules.simd = await loadModule('simd');
  modules.scalar = await loadModule('scalar');
});

// The CLI's answer to `bytes` on stdin (lab run ID --params-file -).
function cliWithStdin(id, bytes) {
  try {
    return execFileSync(join(root, 'build', 'native', 'lab'), ['run', id, '--params-file', '-'],
      { input: bytes, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    return error.stdout;
  }
}

const nested = (levels) => '['.repeat(levels) + ']'.repeat(levels);
const fortyAcute = 'é'.repeat(40);

const cases = [
  ['a Latin-1 byte', '03.1', Buffer.from([...Buffer.from('{"text": "caf'), 0xe9, ...Buffer.from('"}')]),
    'bad_input', 'params are not valid UTF-8 (byte 0xe9 at offset 13)'],
  ['a bad byte in a key', '01.1', Buffer.from([...Buffer.from('{"seq'), 0xff, ...Buffer.from('_len": 5}')]),
    'bad_input', 'params are not valid UTF-8 (byte 0xff at offset 5)'],
  ['40 é in a wrong-type value', '01.1', Buffer.from(`{"seq_len": "a${fortyAcute}"}`), 'bad_param', null],
  ['60,000 nested arrays', '01.1', Buffer.from(`{"seq_len": ${nested(60000)}}`), 'too_large', null],
  ['a NUL byte and more after the value', '01.1', Buffer.from('{"seq_len":5}\0{"zzz":1}'), 'bad_input',
    'params hold a NUL byte at offset 13; JSON text has none (inside a string, write \\u0000)'],
  ['a duplicate key', '01.1', Buffer.from('{"seq_len": 5, "seq_len": 6}'), 'bad_input',
    'duplicate key "seq_len" in params (each key may appear once in an object)'],
  ['text after the value', '01.1', Buffer.from('{"seq_len": 5} x'), 'bad_param', null],
  ['a number JSON cannot hold', '01.1', Buffer.from('{"seq_len": 9e999}'), 'bad_param', null],
  ['a perplexity below 1', '05.3', Buffer.from('{"val_ppls": [3, 2, 0]}'), 'bad_param',
    'val_ppls[2] must be at least 1, as every perplexity is (got 0)'],
];

describe('the wasm module gives the CLI\'s error object for the same bytes', () => {
  for (const [name, id, bytes, code, message] of cases) {
    test(name, () => {
      const native = JSON.parse(cliWithStdin(id, bytes));
      assert.equal(native.error?.code, code, JSON.stringify(native));
      if (message) assert.equal(native.error.message, message);
      assert.ok(!native.error.message.includes('\ufffd'), 'no character was cut in two');
      for (const variant of ['simd', 'scalar']) {
        const wasm = JSON.parse(modules[variant].runExercise(id, new Uint8Array(bytes)));
        assert.deepEqual(wasm, native, `${variant} differs from the CLI`);
      }
    });
  }
  test('a well-formed text as a string and as bytes gives the same Result', () => {
    const params = '{"seq_len": 12}';
    const fromString = modules.simd.runExercise('01.1', params);
    assert.equal(modules.simd.runExercise('01.1', new TextEncoder().encode(params)), fromString);
    assert.equal(JSON.parse(fromString).metrics.self_similarity, 32);
  });
});

describe('failures inside runExercise are contained: an error object, no leak, and the next run works', () => {
  // One warm-up run of each kind first, so lazily built tables (the catalog, Unicode classes) are counted before.
  const settle = (module) => {
    module.runExercise('01.1', '{"seq_len": 12}');
    module.runExercise('03.1', '{}');
  };
  const failures = [
    ['an exception (a bad parameter)', '01.2', () => '{"d_model": 64, "n_heads": 6}', 'bad_param'],
    ['a 60 MB input (refused by the size cap before parsing)', '01.1', () => `{"seq_len": "${'x'.repeat(60e6)}"}`,
      'too_large'],
    ['60,000 nested arrays (refused by the depth cap before anything recurses)', '01.1',
      () => `{"seq_len": ${nested(60000)}}`, 'too_large'],
    ['9,000 nested arrays in the model text 03.1 searches (not parsed: deeper than 64 levels)', '03.1',
      () => JSON.stringify({ text: `{"a": ${nested(9000)}}` }), undefined],
  ];
  for (const variant of ['simd', 'scalar']) {
    for (const [name, id, params, code] of failures) {
      test(`${variant}: ${name}`, () => {
        const module = modules[variant];
        settle(module);
        const before = module.heapBytesInUse();
        const text = params();
        const result = JSON.parse(module.runExercise(id, text));
        assert.equal(result.error?.code, code, JSON.stringify(result).slice(0, 300));
        if (!code) assert.equal(result.data.found, false);
        assert.equal(module.heapBytesInUse(), before, 'malloc holds the same bytes as before the run');
        const next = JSON.parse(module.runExercise('01.1', '{"seq_len": 12}'));
        assert.equal(next.metrics.self_similarity, 32);
      });
    }
    test(`${variant}: memory running out (bad_alloc) inside a run`, () => {
      const module = modules[variant];
      settle(module);
      const before = module.heapBytesInUse();
      // Take almost all the memory the module may grow to, so the run's own allocations fail.
      const blocks = [];
      for (let size = 256 << 20; size >= 1 << 16; size >>= 1) {
        for (;;) {
          const block = module._malloc(size);
          if (!block) break;
          blocks.push(block);
        }
      }
      const result = JSON.parse(module.runExercise('01.1', '{"seq_len": 512, "d_model": 512}'));
      for (const block of blocks) module._free(block);
      assert.equal(result.error?.code, 'too_large', JSON.stringify(result).slice(0, 300));
      assert.match(result.error.message, /ran out of memory|too large to print/);
      assert.equal(module.heapBytesInUse(), before, 'malloc holds the same bytes as before the run');
      const next = JSON.parse(module.runExercise('01.1', '{"seq_len": 12}'));
      assert.equal(next.metrics.self_similarity, 32);
    });
  }
});
