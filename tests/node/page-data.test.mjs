// The page's own handling of a learner's input and of compared runs, in Node (no browser): the compare option of
// the URL, run names, overlays on a union of x values, text and CSV lists, JSON errors at their line, and the
// time-left estimate. The values placed are the core's; these check only how they are read and arranged.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compareHash, groupBars, overlayLines, parseCompare, runLabels, splitTopLevel, takeCompare } from '../../web/js/compare.js';
import { fileText, itemKind, itemsToText, parseJson, textToItems } from '../../web/js/item-list-input.js';
import { timeLeftMs } from '../../web/js/time-left.js';
import { parseHash } from '../../web/js/url-state.js';

const specs = [
  { name: 'lr', type: 'number', default: 0.001, min: 1e-6, max: 1 },
  { name: 'ranks', type: 'array', default: [4, 8] },
  { name: 'norm', type: 'string', default: 'pre', choices: ['pre', 'post'] },
];

test('the compare option splits at top-level commas and types each value as the hash does', () => {
  assert.deepEqual(splitTopLevel('[1,2], [3] ,"a,b"'), ['[1,2]', '[3]', '"a,b"']);
  assert.deepEqual(parseCompare('lr:0.001,0.01', specs), { name: 'lr', values: [0.001, 0.01] });
  assert.deepEqual(parseCompare('ranks:[2,4],[8]', specs), { name: 'ranks', values: [[2, 4], [8]] });
  assert.match(parseCompare('rate:1,2', specs).problem, /not a parameter of this exercise; it has lr, ranks, norm/);
  assert.match(parseCompare('lr:0.1', specs).problem, /at least two values/);
  assert.match(parseCompare(`lr:${Array(9).fill(1).join(',')}`, specs).problem, /9 values given; at most 8/);
});

test('a compare hash reads back as it was written, beside the other parameters', () => {
  const hash = `#05.1&steps=100${compareHash({ name: 'ranks', values: [[2, 4], [8]] })}`;
  const { raw, compareText } = takeCompare(parseHash(hash).raw);
  assert.deepEqual(raw, { steps: '100' });
  assert.deepEqual(parseCompare(compareText, specs), { name: 'ranks', values: [[2, 4], [8]] });
});

test('runs are named by the parameters that differ, or numbered when none does', () => {
  const runs = [{ result: { params: { lr: 0.001, steps: 100 } } }, { result: { params: { lr: 0.01, steps: 100 } } }];
  assert.deepEqual(runLabels(runs), ['lr=0.001', 'lr=0.01']);
  assert.deepEqual(runLabels([runs[0], runs[0]]), ['run 1', 'run 2']);
});

test('overlaid lines share the union of x, with a gap where a run has no point; bars group at each label', () => {
  const a = { type: 'line', key: 'loss', title: 'loss', x: [1, 2, 3], series: [{ name: 'loss', values: [3, 2, 1] }] };
  const b = { type: 'line', key: 'loss', title: 'loss', x: [2, 4], series: [{ name: 'loss', values: [5, 4] }] };
  const merged = overlayLines([{ label: 'A', spec: a }, { label: 'B', spec: b }]);
  assert.deepEqual(merged.x, [1, 2, 3, 4]);
  assert.deepEqual(merged.series, [{ name: 'A', values: [3, 2, 1, null] }, { name: 'B', values: [null, 5, null, 4] }]);
  const bars = groupBars([
    { label: 'A', spec: { type: 'bar', labels: ['x', 'y'], series: [{ name: 'acc', values: [1, 0] }, { name: 'w', values: [2, 3] }] } },
    { label: 'B', spec: { type: 'bar', labels: ['y', 'z'], series: [{ name: 'acc', values: [7, 8] }, { name: 'w', values: [0, 1] }] } }]);
  assert.deepEqual(bars.labels, ['x', 'y', 'z']);
  assert.deepEqual(bars.series.map((s) => s.name), ['A · acc', 'A · w', 'B · acc', 'B · w']);
  assert.deepEqual(bars.series[2].values, [null, 7, 8]);
});

test('a list of strings is one item a line; JSON still works; a broken JSON list is reported at its line', () => {
  assert.equal(itemKind({ type: 'array', default: ['a b', 'c'] }), 'lines');
  assert.equal(itemKind({ type: 'array', default: [['good', 1], ['bad', 0]] }), 'pairs');
  assert.equal(itemKind({ type: 'array', default: [{ name: 'x' }] }), null);
  assert.deepEqual(textToItems('the cat\r\n\n  sat down \n', 'lines'), { value: ['the cat', '  sat down '] });
  assert.deepEqual(textToItems('[CLS]\nThe\n[SEP]', 'lines'), { value: ['[CLS]', 'The', '[SEP]'] });
  assert.deepEqual(textToItems('["a", "b"]', 'lines'), { value: ['a', 'b'] });
  const broken = textToItems('[\n  "a",\n  "b" "c"\n]', 'lines');
  assert.match(broken.error, /line 3, column 7/);
  assert.equal(broken.position, '[\n  "a",\n  "b" '.length);
  assert.match(parseJson('{"a": 1,\n "b": }').error, /line 2, column 7/);
});

test('labelled pairs read as text,label CSV: the label after the last comma, quoted texts, a header skipped', () => {
  const csv = 'text,label\nI love it, works great,1\n"said ""bad"", then left",0\nneutral,"meh"\n';
  assert.deepEqual(textToItems(csv, 'pairs').value, [['I love it, works great', 1], ['said "bad", then left', 0], ['neutral', 'meh']]);
  assert.match(textToItems('good,1\nno label here\n', 'pairs').error, /line 2 is not text,label/);
  const pairs = [['a, b', 1], ['say "hi"', 0]];
  assert.deepEqual(textToItems(itemsToText(pairs, 'pairs'), 'pairs').value, pairs);
  assert.equal(fileText('r.json', '[["x", 1]]', 'pairs'), 'x,1');
  assert.equal(fileText('q.txt', '\uFEFFone\r\ntwo\r\n', 'lines'), 'one\ntwo');
});

test('the time left follows the rate so far, and waits for 0.3 s of it', () => {
  assert.equal(timeLeftMs(200, 10, 90), null);
  assert.equal(timeLeftMs(500, 0, 100), null);
  assert.equal(timeLeftMs(1000, 250, 750), 3000);
});

test('a JSON error is placed by the grammar, whatever the engine says', async () => {
  const { jsonErrorAt } = await import('../../web/js/json-error.js');
  assert.equal(jsonErrorAt('{"a": [1, 2, {"b": null}], "c": "x\\u00e9"}'), null);
  assert.deepEqual(jsonErrorAt('{"a": 1,\n "b": }'), { position: 15, line: 2, column: 7, reason: 'unexpected “}”' });
  assert.equal(jsonErrorAt('[1, 2').reason, 'expected , or ] after an item');
  assert.equal(jsonErrorAt('[1,').reason, 'the text ends where a value should be');
  assert.equal(jsonErrorAt('[01]').reason, 'expected , or ] after an item');
  assert.equal(jsonErrorAt('"tab\there"').reason.startsWith('a control character'), true);
  assert.equal(jsonErrorAt('{"a": tru}').reason, 'expected true');
});

test('a table column writes all its numbers one way, and large counts get separators', async () => {
  const { columnFormatter, metricText } = await import('../../web/js/number-format.js');
  const mixed = columnFormatter([0.0005, 0.001, 0.3449999]);
  assert.deepEqual([0.0005, 0.001, 0.3449999].map(mixed), ['5.000e-4', '1.000e-3', '3.450e-1']);
  const plain = columnFormatter([0.001, 0.3449999, 2]);
  assert.deepEqual([0.001, 0.3449999, 2].map(plain), ['0.001', '0.345', '2']);
  assert.equal(metricText(109482240), '109,482,240');
  assert.equal(metricText(0.00012), '1.200e-4');
  assert.equal(metricText(0.123456789), '0.1234568');
});

test('no exercise has a parameter named compare, so the option never shadows one', async () => {
  const { nativeCli } = await import('./lab-module.mjs');
  const { COMPARE_OPTION } = await import('../../web/js/compare.js');
  const catalog = JSON.parse(nativeCli(['list']).stdout);
  assert.equal(catalog.length, 25);
  assert.deepEqual(catalog.filter((ex) => ex.params.some((spec) => spec.name === COMPARE_OPTION)).map((ex) => ex.id), []);
});
