// authors.html, the course authors' guide: fills each snippet with this lab's own address, writes each live
// example's snippet from the very elements that run it, keeps the page's event log, and wires the example that
// reads a figure from lab-result and reruns with run(params). Computes nothing: the figure is the Result's own.
import { element } from './result-view.js';
import { strings } from './strings.js';

const lab = new URL('./', window.location.href).href;

for (const pre of document.querySelectorAll('pre[data-snippet]')) pre.textContent = pre.textContent.replaceAll('LAB/', lab);

// <lab-exercise exercise="01.2" params="n_heads=4&seed=7"></lab-exercise>: the attributes as written, in order.
const markup = (node) => `<lab-exercise${[...node.attributes].map((a) => ` ${a.name}="${a.value.replaceAll('"', '&quot;')}"`).join('')}></lab-exercise>`;
for (const pre of document.querySelectorAll('pre[data-snippet-of]')) {
  const live = document.querySelectorAll(`#${pre.dataset.snippetOf} lab-exercise`);
  pre.textContent = [`<script type="module" src="${lab}lab-exercise.js"></script>`, ...[...live].map(markup)].join('\n');
}

// The event log: newest first; a run's progress events share one line.
const log = document.getElementById('event-log-list');
const started = performance.now();
function describe(type, detail) {
  if (type === 'lab-ready') return strings.authors.ready(detail.id, detail.params.length);
  if (type === 'lab-progress') return strings.authors.progress(detail.step, detail.total, detail.loss);
  if (type === 'lab-result') return strings.authors.result(detail.id, JSON.stringify(detail.metrics).slice(0, 140));
  return strings.authors.error(detail.code, detail.message);
}
for (const type of ['lab-ready', 'lab-progress', 'lab-result', 'lab-error']) {
  document.addEventListener(type, (event) => {
    const line = element('li', { 'data-type': type },
      element('span', { class: 'event-time', text: strings.authors.at(performance.now() - started) }),
      element('code', { text: `#${event.target.id} ${type}` }), ' ', describe(type, event.detail));
    const newest = log.firstElementChild;
    if (type === 'lab-progress' && newest?.dataset.type === type && newest.dataset.target === event.target.id) newest.replaceWith(line);
    else log.prepend(line);
    line.dataset.target = event.target.id;
    while (log.childElementCount > 30) log.lastElementChild.remove();
  });
}

// Example 3: a figure of the host page's own, taken from each Result; buttons that rerun with run(params).
const schedule = document.getElementById('warmup');
const figure = document.getElementById('warmup-figure');
schedule.addEventListener('lab-result', (event) => {
  const { peak_lr: peak, peak_step: step } = event.detail.metrics;
  figure.textContent = strings.authors.peak(event.detail.params.warmup_steps, peak, step);
});
schedule.addEventListener('lab-error', (event) => { figure.textContent = strings.authors.failed(event.detail.message); });
const actions = document.getElementById('warmup-actions');
for (const warmup of [25, 100, 400]) {
  const button = element('button', { type: 'button', text: strings.authors.rerun(warmup) });
  button.addEventListener('click', async () => {
    try {
      const result = await schedule.run({ warmup_steps: warmup });
      button.title = strings.authors.resolved(result.metrics.peak_step);
    } catch {
      // lab-error above already says why
    }
  });
  actions.append(button);
}
