// embed.html#<id>&<params>: one exercise with minimal chrome, sized for an iframe in a course site.
// It runs the exercise on load with the parameters from the hash; the form below lets the reader change them.
import { LabClient } from './lab-client.js';
import { ExerciseView } from './exercise-view.js';
import { element } from './result-view.js';
import { strings } from './strings.js';
import { decodeParams, parseHash } from './url-state.js';

const main = document.getElementById('main');
const status = document.getElementById('engine-status');
// ?engine=scalar forces the build without SIMD (to compare, or to check that path in a SIMD browser).
const client = new LabClient({ engine: new URLSearchParams(window.location.search).get('engine') });
client.ready.then(
  () => status.remove(),
  (error) => { status.textContent = strings.engine.failed(error.message); });

async function show() {
  const catalog = await (await fetch('catalog.json')).json();
  const { id, raw } = parseHash(window.location.hash);
  const exercise = catalog.find((ex) => ex.id === id);
  if (!exercise) {
    main.replaceChildren(element('p', { class: 'run-error', text: strings.exercise.embedNeedsId(id) }));
    return;
  }
  document.title = `${exercise.id} ${exercise.title}`;
  const values = decodeParams(raw, exercise.params);
  const holder = element('div');
  main.replaceChildren(holder);
  const view = new ExerciseView(holder, { client, exercise, values, embedded: true,
    onRun: (params) => history.replaceState(null, '', view.hash(params)) });
  if (status.isConnected) main.prepend(status);
  view.run({ ...Object.fromEntries(exercise.params.map((spec) => [spec.name, spec.default])), ...values });
}

window.addEventListener('hashchange', show);
show();
