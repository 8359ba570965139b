// The Web Worker that owns the wasm module: it loads the SIMD build where the browser supports SIMD (the scalar
// build elsewhere), runs one exercise at a time, and posts progress (batched every 50 ms) and the Result.
// Messages in:  {type: 'init'} | {type: 'run', runId, id, params}
// Messages out: {type: 'ready', info} | {type: 'init-error', message}
//               {type: 'progress', runId, updates: [...]} | {type: 'result', runId, result, ms}
//               {type: 'crash', runId, message}   (the module trapped; the page replaces this worker)
/* global wasmFeatureDetect, createLabModule */
importScripts('../vendor/wasm-feature-detect.js');

let lab = null;

async function load() {
  if (!(await wasmFeatureDetect.exceptions())) {
    throw new Error('This browser lacks WebAssembly exception handling (Chrome 95+, Firefox 100+, Safari 15.2+).');
  }
  const variant = (await wasmFeatureDetect.simd()) ? 'simd' : 'scalar';
  const base = new URL('../wasm/', self.location.href);
  importScripts(new URL(`lab-${variant}.js`, base).href);
  const module = await createLabModule({ locateFile: (path) => new URL(path, base).href });
  const info = JSON.parse(module.buildInfo());
  return { module, info: { ...info, variant } };
}

function run({ runId, id, params }) {
  let pending = [];
  let last = performance.now();
  const flush = () => {
    if (pending.length) self.postMessage({ type: 'progress', runId, updates: pending });
    pending = [];
    last = performance.now();
  };
  const onProgress = (text) => {
    pending.push(JSON.parse(text));
    if (performance.now() - last > 50) flush();
  };
  const start = performance.now();
  const text = lab.module.runExercise(id, JSON.stringify(params ?? {}), onProgress);
  const ms = performance.now() - start;
  flush();
  self.postMessage({ type: 'result', runId, result: JSON.parse(text), ms });
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      lab = await load();
      self.postMessage({ type: 'ready', info: lab.info });
    } catch (error) {
      self.postMessage({ type: 'init-error', message: String(error.message || error) });
    }
  } else if (message.type === 'run') {
    try {
      run(message);
    } catch (error) {
      // A trap (out of memory, unreachable) leaves the module unusable: report it; the page starts a new worker.
      self.postMessage({ type: 'crash', runId: message.runId, message: `the engine stopped: ${error.message || error}` });
    }
  }
};
