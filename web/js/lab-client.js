// The page's handle on the lab: one Web Worker that owns the wasm module (worker.js).
//   const lab = new LabClient(); await lab.ready;            // {variant, exercises}
//   new LabClient({ engine: 'scalar' })                      // force the build without SIMD (page: ?engine=scalar)
//   new LabClient({ lazy: true })                            // no worker, no download until start() or run()
//   const result = await lab.run(id, params, onProgress);    // the Result, or an {error} object
//   lab.cancel();                                            // stops at once: the worker is replaced
// A run that crashes the module (out of memory, a trap) rejects, and a fresh worker takes over.
import { strings } from './strings.js';

export class LabClient {
  constructor({ engine = null, workerUrl = new URL('./worker.js', import.meta.url), lazy = false } = {}) {
    this.workerUrl = workerUrl;
    this.engine = engine;
    this.nextRunId = 1;
    this.current = null;  // {runId, resolve, reject, onProgress}
    this.failures = 0;    // consecutive worker failures; after three the page stops restarting it
    this.onStatus = () => {};
    this.worker = null;
    if (!lazy) this.start();
  }

  get started() { return this.worker !== null; }

  start() {
    this.worker = new Worker(this.workerUrl);
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || strings.engine.workerFailed));
    };
    this.worker.postMessage({ type: 'init', engine: this.engine });
  }

  receive(message) {
    if (message.type === 'ready') {
      this.failures = 0;
      this.info = message.info;
      this.resolveReady(message.info);
      this.onStatus(message.info);
    } else if (message.type === 'init-error') {
      this.rejectReady(new Error(message.message));
    } else if (!this.current || message.runId !== this.current.runId) {
      return;  // a late message from a cancelled run
    } else if (message.type === 'progress') {
      this.current.onProgress?.(message.updates);
    } else if (message.type === 'result') {
      const { resolve } = this.current;
      this.current = null;
      resolve({ result: message.result, ms: message.ms });
    } else if (message.type === 'crash') {
      this.fail(new Error(message.message));
    }
  }

  // A crash or a failed start: reject what is pending and start a fresh worker.
  fail(error) {
    const pending = this.current;
    this.current = null;
    this.worker.terminate();
    this.rejectReady(error);
    if (++this.failures <= 3) this.start();
    pending?.reject(error);
  }

  // A new run replaces the one in progress at once; a run still waiting for the engine when a newer one comes is
  // cancelled (rejects with error.cancelled), so the newest always runs, on a worker that is ready.
  async run(id, params, onProgress) {
    if (!this.started) this.start();
    if (this.current) this.cancel();
    const runId = this.nextRunId++;
    this.newest = runId;
    let ready;
    do {
      ready = this.ready;
      await ready;
    } while (ready !== this.ready);  // the worker was replaced while this run waited: wait for the new one
    if (runId !== this.newest) throw Object.assign(new Error('cancelled'), { cancelled: true });
    return new Promise((resolve, reject) => {
      this.current = { runId, resolve, reject, onProgress };
      this.worker.postMessage({ type: 'run', runId, id, params });
    });
  }

  get busy() { return this.current !== null; }

  cancel() {
    this.newest = null;  // a run waiting for the engine gives up too
    if (!this.current) return;
    const { reject } = this.current;
    this.current = null;
    this.worker.terminate();
    this.start();
    const error = new Error('cancelled');
    error.cancelled = true;
    reject(error);
  }
}
