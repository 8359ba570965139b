// The URL hash holds the exercise and every parameter that differs from its default (and the seed, always):
//   #01.2&seq_len=20&seed=7        numbers, booleans and strings as text; arrays and objects as JSON
// decodeParams() turns hash text into typed values where it can and passes anything else on unchanged, so the
// core's validator (not this file) decides what is wrong and says so.

export function parseHash(hash) {
  const text = hash.replace(/^#/, '');
  if (!text) return { id: null, raw: {} };
  const [first, ...pairs] = text.split('&');
  const raw = {};
  for (const pair of pairs) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    raw[key] = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
  }
  return { id: decodeURIComponent(first), raw };
}

function typed(text, spec) {
  if (!spec) return text;
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) ? value : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'array':
    case 'object':
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
