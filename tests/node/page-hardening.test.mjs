// The page's defences that touch no DOM, in Node: links that are not valid URL text, numbers that are not
// decimal, CSV cells a spreadsheet would run as formulas, the bounded Result cache, one Content-Security-Policy
// for every page, and wasm glue that needs no eval.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { csvCell } from '../../web/js/csv-cell.js';
import { toCSV } from '../../web/js/export.js';
import { ResultCache, resultNumbers } from '../../web/js/result-cache.js';
import { MAX_JSON_DEPTH, decimalNumber, decodeParams, nestingDepth, parseHash } from '../../web/js/url-state.js';
import { readEmbedHash } from '../../web/js/embed-options.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { root } from './lab-module.mjs';

const specs = [{ name: 'seq_len', type: 'integer', default: 10, min: 1, max: 512 },
  { name: 'lr', type: 'number', default: 0.1 }, { name: 'items', type: 'array', default: [] }];

test('a hash that is not valid URL text never throws: the bad parts are named and left out', () => {
  assert.deepEqual(parseHash('#%zz'), { id: '%zz', raw: {}, problems: [{ name: null, text: '%zz' }] });
  assert.deepEqual(parseHash('#01.1&seq_len=%'), { id: '01.1', raw: {}, problems: [{ name: 'seq_len', text: 'seq_len=%' }] });
  assert.deepEqual(parseHash('#01.1&%E0%A4=3&lr=0.5'), { id: '01.1', raw: { lr: '0.5' }, problems: [{ name: null, text: '%E0%A4=3' }] });
  assert.deepEqual(parseHash('#01.2&seq_len=20&seed=7'), { id: '01.2', raw: { seq_len: '20', seed: '7' }, problems: [] });
  assert.deepEqual(parseHash(''), { id: null, raw: {}, problems: [] });
  for (const hash of ['#%', '#%%%&%=%&=&&', `#01.1&${'%'.repeat(10000)}`, `#03.1&schema=${'%5B'.repeat(5000)}${'%5D'.repeat(5000)}`]) {
    assert.doesNotThrow(() => parseHash(hash), hash.slice(0, 30));
  }
  const embed = readEmbedHash('#%');
  assert.equal(embed.id, '%');
  assert.deepEqual(embed.badParts, ['%']);
});

test('arrays in the hash decode up to 256 levels deep; 5,000 levels stay text for the core to refuse', () => {
  const nested = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  assert.equal(nestingDepth(nested(5000)), 5000);
  assert.equal(nestingDepth('[{"a": "[[[[", "b": "\\"[["}]'), 2);
  const deep = decodeParams(parseHash(`#03.1&items=${encodeURIComponent(nested(5000))}`).raw, specs);
  assert.equal(deep.items, nested(5000));
  const fine = decodeParams(parseHash(`#03.1&items=${encodeURIComponent(nested(MAX_JSON_DEPTH))}`).raw, specs);
  let depth = 0;
  for (let value = fine.items; Array.isArray(value); value = value[0]) depth++;
  assert.equal(depth, MAX_JSON_DEPTH);
});

test('only decimal numbers become numbers: 0x10, 1e, 5-, --5, 9e999 stay text for the core to refuse', () => {
  for (const [text, value] of [['12', 12], ['-0.5', -0.5], ['.25', 0.25], ['3e-4', 3e-4], [' 7 ', 7], ['+2', 2], ['5.', 5]]) {
    assert.equal(decimalNumber(text), value, text);
  }
  for (const text of ['0x10', '0b11', '0o7', '1e', '5-', '--5', '9e999', '-9e999', 'Infinity', 'NaN', '', ' ', '1,5', '1_000', '١٢']) {
    assert.equal(decimalNumber(text), null, text);
  }
  assert.deepEqual(decodeParams({ seq_len: '0x10', lr: '9e999' }, specs), { seq_len: '0x10', lr: '9e999' });
  assert.deepEqual(decodeParams({ seq_len: '16', lr: '1e-3' }, specs), { seq_len: 16, lr: 0.001 });
});

test('CSV cells a spreadsheet would run as a formula are written as text; numbers stay numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1+1'), "'+1+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\tcmd'), "'\tcmd");
  assert.equal(csvCell('\rcmd'), `"'\rcmd"`);
  assert.equal(csvCell('-'), "'-");
  assert.equal(csvCell(-0.5), '-0.5');
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell('-0.5'), '-0.5');
  assert.equal(csvCell('+2'), '+2');
  assert.equal(csvCell('-1e-3'), '-1e-3');
  assert.equal(csvCell('a=b'), 'a=b');
  assert.equal(csvCell('x, y'), '"x, y"');
  assert.equal(csvCell(null), '');
  assert.equal(toCSV(['model', 'loss'], [['=1+1', -0.25], ['tiny', 2]]), "model,loss\r\n'=1+1,-0.25\r\ntiny,2\r\n");
});

const heatmapResult = (n) => ({ charts: [{ type: 'heatmap', z: Array.from({ length: n }, () => new Array(n).fill(0)) }], tables: [] });

test('the Result cache keeps the most recently used, at most 16 Results and a bounded number of numbers', () => {
  assert.equal(resultNumbers({ charts: [{ type: 'line', x: [1, 2, 3], series: [{ values: [1, 2, 3] }, { values: [4, 5, 6] }] },
    { type: 'bar+line', labels: ['a', 'b'] }, { type: 'bar', series: [{ values: [1, 2] }] }], tables: [{ rows: [[1, 2], [3, 4]] }] }), 9 + 4 + 2 + 4);
  const cache = new ResultCache();
  for (let i = 0; i < 40; i++) cache.set(`k${i}`, { result: heatmapResult(2), ms: i });
  assert.equal(cache.size, 16);
  assert.ok(!cache.has('k23') && cache.has('k24') && cache.has('k39'));
  cache.get('k24');  // now the most recent: k25 goes first
  cache.set('new', { result: heatmapResult(2), ms: 0 });
  assert.ok(cache.has('k24') && !cache.has('k25'));
  assert.equal(cache.get('k39').ms, 39);

  const big = new ResultCache({ maxNumbers: 1_500_000 });
  for (let i = 0; i < 30; i++) big.set(`seed ${i}`, { result: heatmapResult(512), ms: i });  // 262,144 numbers each
  assert.equal(big.size, 5);
  assert.ok(big.numbers <= 1_500_000);
  assert.ok(big.has('seed 29') && !big.has('seed 24'));
  big.set('huge', { result: heatmapResult(1300), ms: 0 });  // larger than the whole budget: not kept
  assert.ok(!big.has('huge') && big.size === 5);
});

test('index.html, embed.html and authors.html carry one Content-Security-Policy, the one the server sends', () => {
  for (const page of ['index.html', 'embed.html', 'authors.html']) {
    const html = readFileSync(join(root, 'web', page), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(policy, CONTENT_SECURITY_POLICY, page);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${page}: an inline script`);
    assert.doesNotMatch(html.replace(/<pre[\s\S]*?<\/pre>/g, ''), /\s(style|on[a-z]+)=/i, `${page}: an inline style or handler`);
  }
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /'unsafe-eval'|'unsafe-inline'|\*|https?:|data: blob:/);
});

test('the wasm glue of both builds never evaluates text as code (it runs under that policy)', () => {
  for (const variant of ['simd', 'scalar']) {
    const glue = readFileSync(join(root, 'build', 'wasm', `lab-${variant}.js`), 'utf8');
    assert.doesNotMatch(glue, /new Function\s*\(|\beval\s*\(/, variant);
  }
});
