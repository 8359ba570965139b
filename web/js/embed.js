// embed.html#<id>&<params>[&origin=…][&hide=…][&autorun=off]: one exercise with minimal chrome, for a frame in a
// course site, directly or through the <lab-exercise> element (lab-exercise.js). The hash is read by
// embed-options.js; the messages to and from the parent are embed-protocol.js; the height reports embed-size.js.
// It runs the exercise on load with the parameters from the hash (or, with autorun=off, shows a Run button and
// loads the engine only when it is pressed); a new hash shows and runs again; the form lets the reader change them.
import { LabClient } from './lab-client.js';
import { ExerciseView } from './exercise-view.js';
import { element } from './result-view.js';
import { strings } from './strings.js';
import { decodeParams } from './url-state.js';
import { HIDEABLE_PARTS, embedOptionsHash, readEmbedHash } from './embed-options.js';
import { PROTOCOL_VERSION, ParentChannel } from './embed-protocol.js';
import { watchHeight } from './embed-size.js';
import { compareHash, parseCompare, takeCompare } from './compare.js';

const main = document.getElementById('main');
const status = document.getElementById('engine-status');
const first = readEmbedHash(window.location.hash);
// The trusted origin is the one in the hash the frame was loaded with; a later hash cannot change it.
const channel = new ParentChannel({ origin: first.origin });
// ?engine=scalar forces the build without SIMD (to compare, or to check that path in a SIMD browser).
const client = new LabClient({ engine: new URLSearchParams(window.location.search).get('engine'), lazy: !first.autorun });
let armed = first.autorun;  // once the reader (or the parent) has run it, later changes run at once
let view = null;
let pending = null;         // {requestId} of the run a lab:run command started, until its Result or error
let catalog = null;
let engine = 'idle';        // idle (click-to-load, not yet pressed) | loading | ready | failed

function watchEngine() {
  engine = 'loading';
  client.ready.then(
    () => { engine = 'ready'; placeStatus(); },
    (error) => { engine = 'failed'; status.textContent = strings.engine.failed(error.message); placeStatus(); });
}
// The engine's line shows while it loads, and stays when it failed.
function placeStatus() {
  if (engine === 'loading' || engine === 'failed') main.prepend(status);
  else status.remove();
}
if (client.started) watchEngine();
else status.remove();

const withRequest = (request, message) => (request?.requestId !== undefined ? { ...message, requestId: request.requestId } : message);

// The run a command started is answered once: by its Result, its error, or, when another run replaces it, here.
function settlePending(message) {
  channel.post(withRequest(pending, message));
  pending = null;
}
function supersedePending() {
  if (pending) settlePending({ type: 'lab:error', error: { code: 'cancelled', message: strings.protocol.superseded } });
}

function arm() {
  armed = true;
  if (client.started) return;
  client.start();
  watchEngine();
  status.textContent = strings.engine.loading;
  placeStatus();
}

function rewriteHash(params, compare = null) {
  history.replaceState(null, '', view.hash(params) + (compare ? compareHash(compare) : '') +
    embedOptionsHash({ ...readEmbedHash(window.location.hash), origin: first.origin }));
}

// What the view reports, posted to the parent while the view is the one shown.
function reporting(isCurrent) {
  return {
    onRun: (params, compare) => {  // the reader pressed Run (or ran a comparison)
      if (!isCurrent()) return;
      supersedePending();
      arm();
      rewriteHash(params, compare);
    },
    onProgress: (update) => {
      if (!isCurrent()) return;
      const loss = typeof update.loss === 'number' && Number.isFinite(update.loss) ? { loss: update.loss } : {};
      channel.post(withRequest(pending, { type: 'lab:progress', step: update.step, total: update.total, ...loss }));
    },
    onResult: (result, ms) => { if (isCurrent()) settlePending({ type: 'lab:result', result, ms }); },
    onError: (error) => {
      if (!isCurrent()) return;
      const { code, message, param } = error;
      settlePending({ type: 'lab:error', error: { code, message, ...(param ? { param } : {}) } });
    },
  };
}

function clickToLoad() {
  const run = element('button', { type: 'button', class: 'primary', text: strings.embed.runNow });
  run.addEventListener('click', () => view.submit());
  view.results.replaceChildren(element('div', { class: 'click-to-load' }, element('p', { text: strings.embed.clickToLoad }), run));
}

function show() {
  const options = readEmbedHash(window.location.hash);
  if (options.unknownParts.length) console.warn(strings.embed.unknownParts(options.unknownParts, HIDEABLE_PARTS));
  supersedePending();
  if (client.busy) client.cancel();
  const exercise = catalog.find((ex) => ex.id === options.id);
  if (!exercise) {
    view = null;
    const message = [...(options.badParts.length ? [strings.home.badLink(options.badParts)] : []),
      strings.exercise.embedNeedsId(options.id)].join(' ');
    main.replaceChildren(element('p', { class: 'run-error', text: message }));
    channel.post({ type: 'lab:error', error: { code: 'unknown_exercise', message } });
    return;
  }
  document.title = `${exercise.id} ${exercise.title}`;
  const { raw, compareText } = takeCompare(options.raw);
  const values = decodeParams(raw, exercise.params);
  const compare = compareText === null ? null : parseCompare(compareText, exercise.params);
  const holder = element('div');
  main.replaceChildren(holder);
  if (first.originProblem) main.prepend(element('p', { class: 'run-error', text: strings.embed.badOrigin(first.originProblem) }));
  if (options.badParts.length) main.prepend(element('p', { class: 'run-error link-problem', text: strings.home.badLink(options.badParts) }));
  placeStatus();
  const shown = (view = new ExerciseView(holder, {
    client, exercise, values, embedded: true, hide: options.hide, ...reporting(() => view === shown),
  }));
  channel.post({ type: 'lab:ready', version: PROTOCOL_VERSION, id: exercise.id, title: exercise.title, params: exercise.params });
  if (options.autorun || armed) {
    arm();
    const params = { ...Object.fromEntries(exercise.params.map((spec) => [spec.name, spec.default])), ...values };
    if (compare?.problem) view.showError({ code: 'bad_param', message: compare.problem, param: null });
    else if (compare) view.runSweep(params, compare);
    else view.run(params);
  } else {
    clickToLoad();
  }
}

// A command from the trusted parent (embed-protocol.js has checked where it came from and every field).
function obey(command) {
  if (!view) {
    channel.post(withRequest(command, { type: 'lab:error', error: { code: 'not_ready', message: strings.protocol.notReady } }));
    return;
  }
  if (command.type === 'lab:cancel') {
    client.cancel();
  } else if (command.type === 'lab:run') {
    supersedePending();
    pending = { requestId: command.requestId };
    arm();
    view.setValues(command.params);
    rewriteHash({ ...Object.fromEntries(view.exercise.params.map((spec) => [spec.name, spec.default])), ...command.params });
    view.run(command.params);
  }
}

channel.listen(obey);
watchHeight((height) => channel.postHeight(height));

async function start() {
  try {
    catalog = await (await fetch('catalog.json')).json();
  } catch (error) {
    main.replaceChildren(element('p', { class: 'run-error', text: strings.home.catalogFailed(error.message) }));
    channel.post({ type: 'lab:error', error: { code: 'engine', message: strings.home.catalogFailed(error.message) } });
    return;
  }
  window.addEventListener('hashchange', show);
  show();
}

start();
