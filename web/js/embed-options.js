// What embed.html is asked to show, read from its hash: the exercise and its parameters exactly as on the main
// page, followed by the embed's own options:
//   embed.html#01.2&n_heads=8&seed=7&origin=https%3A%2F%2Fcourse.example&hide=form%20notes&autorun=off
//     origin   the parent page's origin (scheme://host[:port]): the only one whose commands are obeyed and the only
//              one told of runs and Results. Without it the embed sends nothing but its height.
//     hide     a space-separated list of the parts below that the page leaves out
//     autorun  off: show the exercise and a Run button, and load the engine only when it is pressed
// No exercise parameter has one of these names (a test checks the catalogue), so the two never collide.
// Nothing here throws: a bad origin is reported (originProblem) and every run stays a normal page.
import { parseHash } from './url-state.js';

export const EMBED_OPTIONS = ['origin', 'hide', 'autorun'];

// The parts of an embedded exercise an author may hide, in the order they appear.
export const HIDEABLE_PARTS = ['title', 'summary', 'notes', 'form', 'status', 'toolbar', 'metrics', 'insight',
  'charts', 'tables', 'log', 'footer'];

// scheme://host[:port] (http or https, a trailing slash allowed) as the browser writes event.origin
// ("https://course.example", "http://127.0.0.1:8080"), or null: no path, query, fragment or user name, no "*".
export function trustedOrigin(text) {
  if (typeof text !== 'string' || text.length > 300 || !/^https?:\/\/[^/?#@\\]+\/?$/i.test(text)) return null;
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

// {id, raw (the parameters as hash text, by name), origin (or null), originProblem (the text given, when it is
//  not an origin), hide (a Set of known parts), unknownParts, autorun, badParts (hash text that is not valid
//  URL encoding, left out)}
export function readEmbedHash(hash) {
  let parsed;
  try {
    parsed = parseHash(hash);
  } catch {
    parsed = { id: null, raw: {}, problems: [] };
  }
  const raw = { ...parsed.raw };
  const option = (name) => {
    const value = Object.hasOwn(raw, name) ? raw[name] : null;
    delete raw[name];
    return value;
  };
  const originText = option('origin');
  const hideText = option('hide');
  const autorunText = option('autorun');
  const origin = originText === null ? null : trustedOrigin(originText);
  const named = (hideText || '').split(/[\s,]+/).filter(Boolean);
  return {
    id: parsed.id,
    raw,
    origin,
    originProblem: originText !== null && origin === null ? originText : null,
    hide: new Set(named.filter((part) => HIDEABLE_PARTS.includes(part))),
    unknownParts: named.filter((part) => !HIDEABLE_PARTS.includes(part)),
    autorun: !['off', 'false', '0', 'no'].includes((autorunText ?? '').trim().toLowerCase()),
    badParts: parsed.problems.map((problem) => problem.text),
  };
}

// The options again as hash text ("&origin=…&hide=…"), for the embed to keep them when it rewrites its hash.
export function embedOptionsHash({ origin, hide, autorun }) {
  let text = '';
  if (origin) text += `&origin=${encodeURIComponent(origin)}`;
  if (hide.size) text += `&hide=${encodeURIComponent([...hide].join(' '))}`;
  if (!autorun) text += '&autorun=off';
  return text;
}
