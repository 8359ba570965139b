// Loading the wasm module in Node, and comparing Results the way the contract says: text and integers equal,
// floats within 1e-4 relative, wall-clock keys (ending in _ms) and tables marked wall_clock ignored.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// Node 18+ cannot let Emscripten 3.1.6 fetch the .wasm by path, so the bytes are handed over directly.
export async function loadModule(variant = 'simd') {
  const dir = join(root, 'build', 'wasm');
  const factory = require(join(dir, `lab-${variant}.js`));
  return factory({ wasmBinary: readFileSync(join(dir, `lab-${variant}.wasm`)) });
}

export function nativeCli(args) {
  try {
    return { code: 0, stdout: execFileSync(join(root, 'build', 'native', 'lab'), args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { code: error.status, stdout: error.stdout, stderr: error.stderr };
  }
}

// Differences between two Results as readable lines ([] when they agree).
export function differences(a, b, path = '', out = [], tolerance = 1e-4) {
  if (out.length > 20) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) > 1e6) {
      if (a !== b) out.push(`${path}: ${a} != ${b}`);
    } else {
      const scale = Math.max(Math.abs(a), Math.abs(b));
      if (Math.abs(a - b) > tolerance * scale && Math.abs(a - b) > 1e-12) out.push(`${path}: ${a} vs ${b}`);
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} != ${b.length}`);
    else a.forEach((item, i) => differences(item, b[i], `${path}[${i}]`, out, tolerance));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (a.wall_clock === true && b.wall_clock === true) return out;  // measured times: allowed to differ
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !key.endsWith('_ms')));
    for (const key of keys) {
      if (!(key in a) || !(key in b)) out.push(`${path}.${key}: only in one Result`);
      else differences(a[key], b[key], `${path}.${key}`, out, tolerance);
    }
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)} != ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}
