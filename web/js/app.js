// The main page: the course menu (five notebooks, 25 exercises), a home view, and the router that keeps the
// exercise and its parameters in the URL hash (#01.2&seq_len=20&seed=7). Opening a link shows that exercise with
// those parameters and runs it; Run pushes a history entry, so back and forward step through earlier runs.
import { LabClient } from './lab-client.js';
import { ExerciseView } from './exercise-view.js';
import { element } from './result-view.js';
import { strings } from './strings.js';
import { decodeParams, parseHash } from './url-state.js';
import { compareHash, parseCompare, takeCompare } from './compare.js';
import { addHeadlines } from './gallery.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav-list');
const engineStatus = document.getElementById('engine-status');
// ?engine=scalar forces the build without SIMD (to compare, or to check that path in a SIMD browser).
const client = new LabClient({ engine: new URLSearchParams(window.location.search).get('engine') });
let catalog = [];
let view = null;
let shownHash = null;

client.onStatus = (info) => {
  engineStatus.textContent = strings.engine.ready(info.variant);
  engineStatus.classList.remove('error');
};
client.ready.catch((error) => {
  engineStatus.textContent = strings.engine.failed(error.message);
  engineStatus.classList.add('error');
});

function buildNav() {
  const notebooks = new Map();
  for (const ex of catalog) {
    if (!notebooks.has(ex.notebook)) notebooks.set(ex.notebook, { title: ex.notebook_title, exercises: [] });
    notebooks.get(ex.notebook).exercises.push(ex);
  }
  const sections = [];
  for (const [number, notebook] of notebooks) {
    const list = element('ol');
    for (const ex of notebook.exercises) {
      const link = element('a', { href: `#${ex.id}`, 'data-id': ex.id },
        element('span', { class: 'nav-id', text: ex.id }), element('span', { class: 'nav-title', text: ex.title }));
      list.append(element('li', {}, link));
    }
    sections.push(element('section', { class: 'nav-notebook', 'aria-labelledby': `nb-${number}` },
      element('h2', { id: `nb-${number}`, text: strings.home.notebook(number, notebook.title) }), list));
  }
  nav.replaceChildren(...sections);
}

function markCurrent(id) {
  for (const link of nav.querySelectorAll('a[data-id]')) {
    if (link.dataset.id === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showHome() {
  view = null;
  markCurrent(null);
  document.title = strings.home.title;
  const cards = [];
  for (const number of [...new Set(catalog.map((ex) => ex.notebook))]) {
    const exercises = catalog.filter((ex) => ex.notebook === number);
    const list = element('ol');
    for (const ex of exercises) {
      list.append(element('li', {}, element('a', { href: `#${ex.id}`, text: `${ex.id} ${ex.title}` })));
    }
    cards.push(element('section', { class: 'notebook-card' }, element('h3', { text: strings.home.notebook(number, exercises[0].notebook_title) }), list));
  }
  main.replaceChildren(
    element('section', { class: 'home-intro' },
      element('h2', { text: strings.home.heading }),
      element('p', { text: strings.home.intro }),
      element('p', { text: strings.home.honesty }),
      element('p', { text: strings.home.gallery }),
      element('p', {}, strings.home.authors, element('a', { href: 'authors.html', text: strings.home.authorsLink }))),
    element('div', { class: 'notebook-cards' }, ...cards));
  addHeadlines(main);
}

function route() {
  if (window.location.hash === shownHash) return;
  shownHash = window.location.hash;
  const { id, raw: hashRaw, problems } = parseHash(window.location.hash);
  const { raw, compareText } = takeCompare(hashRaw);
  const exercise = catalog.find((ex) => ex.id === id);
  if (!id) return showHome();
  if (!exercise) {
    if (view?.client.busy) client.cancel();
    view = null;  // Back to an exercise builds its page again
    main.replaceChildren(element('h2', { text: strings.home.noSuchTitle }),
      element('p', { text: strings.home.noSuchExercise(id) }));
    markCurrent(null);
    showLinkProblems(problems);
    return;
  }
  const values = decodeParams(raw, exercise.params);
  markCurrent(id);
  document.title = strings.home.exerciseTitle(exercise);
  if (view && view.exercise.id === id) {
    view.setValues(values);  // back/forward within one exercise: keep the page, restore the parameters
  } else {
    if (view?.client.busy) client.cancel();
    view = new ExerciseView(main, {
      client, exercise, values, embedded: false, onSettled: registerServiceWorker,
      onRun: (params, compare) => {
        const hash = view.hash(params) + (compare ? compareHash(compare) : '');
        if (hash !== window.location.hash) {
          history.pushState(null, '', hash);
          shownHash = hash;
        }
      },
    });
    if (document.activeElement?.closest?.('#course-nav')) main.focus({ preventScroll: true });
    if (window.matchMedia('(max-width: 760px)').matches) document.getElementById('nav-toggle').open = false;
  }
  showLinkProblems(problems);
  const params = { ...Object.fromEntries(exercise.params.map((spec) => [spec.name, spec.default])), ...values };
  const compare = compareText === null ? null : parseCompare(compareText, exercise.params);
  if (compare?.problem) view.showError({ code: 'bad_param', message: compare.problem, param: null });
  else if (compare) view.runSweep(params, compare);
  else view.run(params);
}

// A link with text that is not valid URL encoding: say so above the exercise, which runs with its defaults.
function showLinkProblems(problems) {
  main.querySelector(':scope > .link-problem')?.remove();
  if (problems.length) main.prepend(element('p', { class: 'run-error link-problem', role: 'alert', text: strings.home.badLink(problems.map((p) => p.text)) }));
}

async function start() {
  try {
    const response = await fetch('catalog.json');
    catalog = await response.json();
  } catch (error) {
    main.replaceChildren(element('p', { class: 'run-error', text: strings.home.catalogFailed(error.message) }));
    return;
  }
  buildNav();
  window.addEventListener('hashchange', route);
  window.addEventListener('popstate', route);
  route();
  // The service worker's precaching waits until the first run has drawn (or 3 s), so it never competes with it.
  setTimeout(registerServiceWorker, 3000);
}

let serviceWorkerRegistered = false;
function registerServiceWorker() {
  if (serviceWorkerRegistered || !('serviceWorker' in navigator) || window.location.protocol === 'file:') return;
  serviceWorkerRegistered = true;
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

start();
