// <lab-exercise>: one exercise of the Deep Learning & NLP Lab in any page, as a custom element.
//   <script type="module" src="https://LAB/lab-exercise.js"></script>
//   <lab-exercise exercise="01.2" params="n_heads=8&seed=7" hide="form notes" autorun="off"></lab-exercise>
// Attributes: exercise (the id), params (the hash form), hide (parts, space-separated), autorun (off: click to load),
// src (the lab's base URL; by default this module's folder), loading (lazy, the default, or eager). Changing one
// shows and runs the exercise again in the same frame (the engine stays loaded).
// It wraps the lab's embed.html in an iframe from the lab's own origin, so the worker, the wasm module and the
// page's security policy stay the lab's, and turns the frame's messages (embed-protocol.js) into bubbling events:
//   lab-ready {id, title, params}   lab-progress {step, total, loss?}   lab-result Result   lab-error {code, message, param?}
// el.run({n_heads: 4}) returns a Promise of the Result (it rejects with the error); el.cancel(); el.result.
// The frame is told this page's origin and obeys no one else; this element hears only its own frame, and only from
// the lab's origin. The frame's height follows its content. This file imports nothing, so a course site may also
// serve a copy of it (then set src to the lab's address).
const EMBED_OPTIONS = ['origin', 'hide', 'autorun'];  // names the frame reads from its hash beside the parameters
const MAX_HEIGHT = 200000;  // CSS pixels: a frame taller than this is a broken message, not a page
const STYLE = `
  :host { display: block; }
  :host([hidden]) { display: none; }
  iframe { display: block; box-sizing: content-box; width: 100%; height: 320px; border: 1px solid #d5dae1;
    border-radius: 8px; background: #fff; }`;

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const decode = (text) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

// "n_heads=8&seed=7" (or "#…", or a value with spaces) as hash text, without the frame's own option names.
function paramsHash(text) {
  let hash = '';
  for (const pair of (text || '').replace(/^[#?&]/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    if (EMBED_OPTIONS.includes(name)) {
      console.warn(`<lab-exercise>: params cannot set "${name}"; use the element's own attribute for it`);
      continue;
    }
    hash += `&${encodeURIComponent(name)}=${encodeURIComponent(eq < 0 ? '' : decode(pair.slice(eq + 1)))}`;
  }
  return hash;
}

class LabExercise extends HTMLElement {
  static get observedAttributes() { return ['exercise', 'params', 'hide', 'autorun', 'src', 'loading']; }

  constructor() {
    super();
    this.shadow = this.attachShadow({ mode: 'open' });
    if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in this.shadow) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      this.shadow.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = STYLE;
      this.shadow.append(style);
    }
    this.frame = null;
    this.shownUrl = null;    // the URL last given to the frame
    this.listening = false;  // true once the frame's document has said lab:ready (or lab:error)
    this.outbox = [];        // commands waiting for that
    this.requests = new Map();  // requestId -> {resolve, reject, sent}
    this.nextRequestId = 1;
    this.lastResult = null;
    this.updateQueued = false;
    this.onMessage = this.onMessage.bind(this);
  }

  // The last Result this element's frame computed (null before the first).
  get result() { return this.lastResult; }

  // The lab's base URL (ending in /) and its origin.
  get lab() {
    const base = new URL(this.getAttribute('src') || '.', this.hasAttribute('src') ? document.baseURI : import.meta.url);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    return { base, origin: base.origin };
  }

  connectedCallback() {
    window.addEventListener('message', this.onMessage);
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('part', 'frame');
    this.shownUrl = null;
    this.update();  // src and loading first, so the frame's first load is the lab's page
    this.shadow.append(this.frame);
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
    this.frame?.remove();
    this.frame = null;
    this.frameGone();
  }

  attributeChangedCallback() {
    if (!this.frame || this.updateQueued) return;
    this.updateQueued = true;  // several attributes changed in one task: one new hash
    queueMicrotask(() => {
      this.updateQueued = false;
      if (this.frame) this.update();
    });
  }

  // Points the frame at embed.html with the current attributes. Only the hash changes between two calls with the
  // same src, so the frame's page stays loaded and shows and runs the exercise again.
  update() {
    let lab;
    try {
      lab = this.lab;
      if (lab.base.protocol !== 'https:' && lab.base.protocol !== 'http:') throw new Error('not http(s)');
    } catch {
      this.emit('lab-error', { code: 'bad_src', message: `src must be the lab's http(s) address (got "${this.getAttribute('src')}")` });
      return;
    }
    const hide = (this.getAttribute('hide') || '').trim().split(/\s+/).filter(Boolean).join(' ');
    const autorun = this.getAttribute('autorun');
    const off = autorun !== null && ['off', 'false', '0', 'no'].includes(autorun.trim().toLowerCase());
    const origin = window.location.origin !== 'null' ? window.location.origin : null;
    const url = new URL('embed.html', lab.base);
    url.hash = `${encodeURIComponent(this.getAttribute('exercise') || '')}${paramsHash(this.getAttribute('params'))}` +
      `${origin ? `&origin=${encodeURIComponent(origin)}` : ''}${hide ? `&hide=${encodeURIComponent(hide)}` : ''}` +
      `${off ? '&autorun=off' : ''}`;
    this.frame.title = this.frame.title || `${this.getAttribute('exercise') || ''} · Deep Learning & NLP Lab`;
    this.frame.loading = this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy';
    if (url.href === this.shownUrl) return;
    const samePage = this.shownUrl !== null && this.shownUrl.split('#')[0] === url.href.split('#')[0];
    if (!samePage) this.frameGone();  // a new page loads: what was sent to the old one is lost
    this.shownUrl = url.href;
    this.labOrigin = lab.origin;
    this.frame.src = url.href;
  }

  // The frame's page went away (a new src, or the element left the document): runs sent to it will not answer.
  frameGone() {
    this.listening = false;
    for (const [requestId, request] of this.requests) {
      if (!request.sent) continue;
      this.requests.delete(requestId);
      request.reject(Object.assign(new Error('the lab frame was reloaded'), { code: 'cancelled' }));
    }
  }

  // Runs the exercise with these parameters (an object; missing ones take the notebook's values).
  run(params = {}) {
    if (!isPlainObject(params)) {
      return Promise.reject(new TypeError('run(params) takes an object of parameter values, e.g. {n_heads: 4}'));
    }
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.requests.set(requestId, { resolve, reject, sent: false });
      this.send({ type: 'lab:run', params, requestId });
    });
  }

  cancel() {
    this.send({ type: 'lab:cancel' });
  }

  send(message) {
    if (!this.listening || !this.frame?.contentWindow) {
      this.outbox.push(message);
      return;
    }
    if (message.requestId !== undefined && this.requests.has(message.requestId)) this.requests.get(message.requestId).sent = true;
    this.frame.contentWindow.postMessage(message, this.labOrigin);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // Settles the run(params) promise a message answers, if any.
  settle(message, settle) {
    const request = this.requests.get(message.requestId);
    if (!request) return;
    this.requests.delete(message.requestId);
    settle(request);
  }

  onMessage(event) {
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.labOrigin) return;
    const message = event.data;
    if (!isPlainObject(message) || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'lab:resize':
        if (Number.isFinite(message.height) && message.height >= 0 && message.height <= MAX_HEIGHT) {
          this.frame.style.height = `${Math.ceil(message.height)}px`;
        }
        break;
      case 'lab:ready':
        if (typeof message.id !== 'string' || typeof message.title !== 'string' || !Array.isArray(message.params)) return;
        this.frame.title = `${message.id} ${message.title}`;
        this.emit('lab-ready', { id: message.id, title: message.title, params: message.params });
        this.listen();
        break;
      case 'lab:progress':
        if (!Number.isFinite(message.step)) return;
        this.emit('lab-progress', { step: message.step, total: message.total,
          ...(Number.isFinite(message.loss) ? { loss: message.loss } : {}) });
        break;
      case 'lab:result':
        if (!isPlainObject(message.result)) return;
        this.lastResult = message.result;
        this.settle(message, (request) => request.resolve(message.result));
        this.emit('lab-result', message.result);
        break;
      case 'lab:error': {
        if (!isPlainObject(message.error) || typeof message.error.message !== 'string') return;
        const error = message.error;
        this.settle(message, (request) => request.reject(Object.assign(new Error(error.message), error)));
        this.emit('lab-error', error);
        this.listen();  // an unknown exercise says lab:error instead of lab:ready; commands are answered either way
        break;
      }
      default:
        break;
    }
  }

  // The frame's page listens now: send what waited.
  listen() {
    this.listening = true;
    const waiting = this.outbox;
    this.outbox = [];
    for (const message of waiting) this.send(message);
  }
}

if (!customElements.get('lab-exercise')) customElements.define('lab-exercise', LabExercise);
