// The Web Worker that owns the wasm module: it loads the SIMD build where the browser supports SIMD (the scalar
// build elsewhere), runs one exercise at a time, and posts progress (batched every 50 ms) and the Result.
// Messages in:  {type: 'init', engine?: 'scalar'} | {type: 'run', runId, id, params}
// Messages out: {type: 'ready', info} | {type: 'init-error', message}
//               {type: 'progress', runId, updates: [...]} | {type: 'result', runId, result, ms}
//               {type: 'crash', runId, message}   (the module trapped; the page replaces this worker)
/* global wasmFeatureDetect, createLabModule */
const base = new URL('../wasm/', self.location.href);
// Nearly every browser has SIMD: start downloading that build now, while the features are being checked.
const simdDownload = fetch(new URL('lab-simd.wasm', base));
simdDownload.catch(() => {});
importScripts('../vendor/wasm-feature-detect.js');

let lab = null;

// Compiles while the bytes arrive; falls back to a whole download if the server sends another MIME type.
function instantiate(download, imports, receive) {
  download
    .then((response) => WebAssembly.instantiateStreaming(response.clone(), imports)
      .catch(() => response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports))))
    .then(({ instance, module }) => receive(instance, module))
    .catch((error) => { self.postMessage({ type: 'init-error', message: `the engine could not be loaded: ${error.message}` }); });
  return {};
}

async function load(engine) {
  const [simd, exceptions] = await Promise.all([wasmFeatureDetect.simd(), wasmFeatureDetect.exceptions()]);
  if (!exceptions) {
    throw new Error('This browser lacks WebAssembly exception handling (Chrome 95+, Firefox 100+, Safari 15.2+).');
  }
  const variant = simd && engine !== 'scalar' ? 'simd' : 'scalar';
  importScripts(new URL(`lab-${variant}.js`, base).href);
  const download = variant === 'simd' ? simdDownload : fetch(new URL('lab-scalar.wasm', base));
  const module = await createLabModule({
    locateFile: (path) => new URL(path, base).href,
    instantiateWasm: (imports, receive) => instantiate(download, imports, receive),
  });
  return { module, info: { ...JSON.parse(module.buildInfo()), variant } };
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
      lab = await load(message.engine);
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
