// The embed's message checks and hash options, in Node (they touch no DOM): which commands embed.html obeys, which
// origins it trusts, what its hash means, and that the parts an author may hide are the ones the guides document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { readCommand } from '../../web/js/embed-protocol.js';
import { EMBED_OPTIONS, HIDEABLE_PARTS, embedOptionsHash, readEmbedHash, trustedOrigin } from '../../web/js/embed-options.js';
import { nativeCli, root } from './lab-module.mjs';

test('a lab:run with JSON parameters and a request id is a command', () => {
  assert.deepEqual(readCommand({ type: 'lab:run', params: { n_heads: 8, ranks: [2, 8], cases: [{ name: 'a', text: 'é' }], causal: false, x: null }, requestId: 'r-1' }),
    { type: 'lab:run', params: { n_heads: 8, ranks: [2, 8], cases: [{ name: 'a', text: 'é' }], causal: false, x: null }, requestId: 'r-1' });
  assert.deepEqual(readCommand({ type: 'lab:run' }), { type: 'lab:run', params: {}, requestId: undefined });
  assert.deepEqual(readCommand({ type: 'lab:cancel', requestId: 7 }), { type: 'lab:cancel', params: {}, requestId: 7 });
});

test('what is not a lab command is ignored (null), whatever it holds', () => {
  for (const data of [null, undefined, 'lab:run', 42, ['lab:run'], { type: 'run' }, { type: 7 }, { subject: 'lti.frameResize', height: 3 },
    Object.assign(Object.create({ inherited: true }), { type: 'lab:run' }), new Date()]) {
    assert.equal(readCommand(data), null, JSON.stringify(data));
  }
});

test('a malformed lab command is named as a problem, keeping a valid request id for the answer', () => {
  const problem = (data) => readCommand(data).problem;
  assert.match(problem({ type: 'lab:launch' }), /unknown message type “lab:launch”; the embed obeys lab:run and lab:cancel/);
  assert.match(problem({ type: 'lab:run', params: {}, colour: 'red' }), /lab:run has unknown field\(s\) colour/);
  assert.match(problem({ type: 'lab:cancel', params: {} }), /lab:cancel has unknown field\(s\) params/);
  assert.match(problem({ type: 'lab:run', requestId: { id: 1 } }), /requestId must be a string of at most 100 characters or a safe integer/);
  assert.match(problem({ type: 'lab:run', requestId: 'x'.repeat(101) }), /requestId/);
  assert.match(problem({ type: 'lab:run', requestId: 1.5 }), /requestId/);
  for (const params of [[1, 2], 'n_heads=8', 5, null, { n_heads: NaN }, { n_heads: Infinity }, { when: new Date() },
    { blob: new Uint8Array(4) }, { map: new Map() }, { deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) }]) {
    assert.match(problem({ type: 'lab:run', params }), /params must be an object of JSON values/, String(params));
  }
  assert.match(problem({ type: 'lab:run', params: { text: 'x'.repeat(1 << 20) } }), /params take more than 1048576 characters of JSON/);
  assert.equal(readCommand({ type: 'lab:run', params: [1], requestId: 3 }).requestId, 3);
});

test('an origin is trusted only as the browser writes event.origin', () => {
  assert.equal(trustedOrigin('https://course.example'), 'https://course.example');
  assert.equal(trustedOrigin('https://course.example/'), 'https://course.example');
  assert.equal(trustedOrigin('http://127.0.0.1:8080'), 'http://127.0.0.1:8080');
  assert.equal(trustedOrigin('HTTPS://Course.Example'), 'https://course.example');
  assert.equal(trustedOrigin('https://course.example:443'), 'https://course.example');
  for (const text of ['*', 'null', '', 'course.example', 'https://course.example/week1', 'https://course.example?x=1',
    'https://course.example#a', 'https://user:pw@course.example', 'javascript:alert(1)', 'file:///tmp', 'data:text/html,x',
    'https://course.example:99999', 'https://', 42, null, `https://${'a'.repeat(300)}.example`]) {
    assert.equal(trustedOrigin(text), null, String(text));
  }
});

test('the hash holds the exercise, its parameters, and the embed\'s own options after them', () => {
  const read = readEmbedHash('#01.2&n_heads=8&seed=7&origin=https%3A%2F%2Fcourse.example&hide=form%20notes%20colour&autorun=off');
  assert.equal(read.id, '01.2');
  assert.deepEqual(read.raw, { n_heads: '8', seed: '7' });
  assert.equal(read.origin, 'https://course.example');
  assert.equal(read.originProblem, null);
  assert.deepEqual([...read.hide], ['form', 'notes']);
  assert.deepEqual(read.unknownParts, ['colour']);
  assert.equal(read.autorun, false);
  assert.equal(embedOptionsHash(read), '&origin=https%3A%2F%2Fcourse.example&hide=form%20notes&autorun=off');

  const plain = readEmbedHash('#04.2');
  assert.deepEqual([plain.id, plain.raw, plain.origin, plain.hide.size, plain.autorun], ['04.2', {}, null, 0, true]);
  assert.equal(embedOptionsHash(plain), '');
  const bad = readEmbedHash('#01.1&origin=*');
  assert.deepEqual([bad.origin, bad.originProblem], [null, '*']);
  assert.equal(readEmbedHash('#01.1&autorun=on').autorun, true);
  assert.equal(readEmbedHash('#01.1&hide=form,log').hide.size, 2);
});

test('no exercise has a parameter named like an embed option, so the hash means one thing', () => {
  const catalog = JSON.parse(nativeCli(['list']).stdout);
  assert.equal(catalog.length, 25);
  for (const exercise of catalog) {
    for (const spec of exercise.params) assert.ok(!EMBED_OPTIONS.includes(spec.name), `${exercise.id} ${spec.name}`);
  }
});

test('the parts an author may hide are exactly the ones the README and authors.html list', () => {
  const documented = (text, pattern) => [...text.matchAll(pattern)].map((match) => match[1]);
  const page = readFileSync(join(root, 'web', 'authors.html'), 'utf8');
  const table = page.slice(page.indexOf('id="parts"'), page.indexOf('id="events"'));
  assert.deepEqual(documented(table, /<th scope="row"><code>(\w+)<\/code><\/th>/g), HIDEABLE_PARTS);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const line = readme.split('\n').find((text) => text.includes('Parts for `hide`'));
  assert.ok(line, 'README lists the parts for hide');
  assert.deepEqual(documented(line, /`(\w+)`/g).slice(1), HIDEABLE_PARTS);
});
