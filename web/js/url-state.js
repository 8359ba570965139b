// The URL hash holds the exercise and every parameter that differs from its default (and the seed, always):
//   #01.2&seq_len=20&seed=7        numbers, booleans and strings as text; arrays and objects as JSON
// decodeParams() turns hash text into typed values where it can and passes anything else on unchanged, so the
// core's validator (not this file) decides what is wrong and says so.

// Never throws: text that is not valid URL encoding ("%zz", a lone "%") is left out and named in `problems`
// ([{name, text}], name null for the exercise id), so the page can say so and use the defaults.
export function parseHash(hash) {
  const text = hash.replace(/^#/, '');
  if (!text) return { id: null, raw: {}, problems: [] };
  const [first, ...pairs] = text.split('&');
  const raw = {};
  const problems = [];
  for (const pair of pairs) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodedOrNull(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodedOrNull(pair.slice(eq + 1));
    if (key === null || value === null) problems.push({ name: key, text: pair });
    else raw[key] = value;
  }
  const id = decodedOrNull(first);
  if (id === null) problems.push({ name: null, text: first });
  return { id: id ?? first, raw, problems };
}

function decodedOrNull(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

// A number exactly as a learner writes one in decimal: 12, -0.5, .25, 3e-4. Not "0x10", "1e", "5-", "", "Infinity".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
export function decimalNumber(text) {
  const trimmed = String(text).trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

// Arrays and objects nested deeper than this stay hash text: the page's own recursive steps (JSON.stringify for the
// form and the URL, the message to the worker) would exhaust the stack on thousands of levels.
export const MAX_JSON_DEPTH = 256;

// How deeply [ and { nest in JSON text, counted without recursion (brackets inside strings are not counted).
export function nestingDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return deepest;
}

function typed(text, spec) {
  if (!spec) return text;
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const value = decimalNumber(text);
      return value === null ? text : value;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'array':
    case 'object':
      if (nestingDepth(text) > MAX_JSON_DEPTH) return text;  // the core refuses the text, and the page stays whole
      try { return JSON.parse(text); } catch { return text; }
    default:
      return text;
  }
}

export function decodeParams(raw, specs) {
  const params = {};
  for (const [name, text] of Object.entries(raw)) {
    params[name] = typed(text, specs.find((spec) => spec.name === name));
  }
  return params;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// Only what differs from the defaults (plus the seed) goes into the hash, in the table's order.
export function buildHash(id, params, specs) {
  const parts = [encodeURIComponent(id)];
  const known = new Set(specs.map((spec) => spec.name));
  for (const spec of specs) {
    if (!(spec.name in params)) continue;
    const value = params[spec.name];
    if (spec.name !== 'seed' && same(value, spec.default)) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(text)}`);
  }
  for (const [name, value] of Object.entries(params)) {  // unknown names stay, for the core to refuse
    if (!known.has(name)) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return `#${parts.join('&')}`;
}

// Parameters that differ from the defaults: what a run sends to the core (missing ones take their defaults).
export function changedParams(params, specs) {
  const changed = {};
  for (const [name, value] of Object.entries(params)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec || !same(value, spec.default)) changed[name] = value;
  }
  return changed;
}
