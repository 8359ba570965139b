// The controls for comparing runs, beside an exercise's form:
//   keepBar()      "Keep this run" (pins the Result shown; later runs draw over it) and "Clear kept runs"
//   sweepControl() one parameter over several values ("lr" with "0.001, 0.01"): runs the exercise once per value,
//                  the rest as in the form, and writes &compare=lr:0.001,0.01 into the URL so a link reproduces it
// The view (exercise-view.js) owns the kept runs; these only call it.
import { element } from './result-view.js';
import { parseCompare } from './compare.js';
import { itemKind } from './item-list-input.js';
import { strings } from './strings.js';

// view: {keep(), clearKept(), keptCount(), canKeep()}. Returns {node, refresh()}.
export function keepBar(view) {
  const keep = element('button', { type: 'button', class: 'small keep-run', text: strings.compareRuns.keep });
  const clear = element('button', { type: 'button', class: 'small clear-kept', text: strings.compareRuns.clear });
  const note = element('span', { class: 'chart-note kept-note' });
  const node = element('div', { class: 'keep-bar' }, keep, clear, note);
  const refresh = () => {
    const count = view.keptCount();
    node.hidden = !view.canKeep() && count === 0;
    keep.disabled = !view.canKeep();
    keep.textContent = view.canKeep() || !view.hasResult() ? strings.compareRuns.keep : strings.compareRuns.kept;
    clear.hidden = count === 0;
    note.textContent = count ? strings.compareRuns.keptNote(count) : strings.compareRuns.keepHint;
  };
  keep.addEventListener('click', () => { view.keep(); refresh(); });
  clear.addEventListener('click', () => { view.clearKept(); refresh(); });
  refresh();
  return { node, refresh };
}

// specs: the exercise's parameters; onSweep({name, values}) runs it. Returns {node, show(compare)}, or null when
// no parameter can be swept.
export function sweepControl(specs, idPrefix, onSweep) {
  // Numbers, switches, choices, short texts and short JSON arrays (05.1's ranks); not a learner's data or long texts.
  const sweepable = specs.filter((spec) => spec.type !== 'object' && !itemKind(spec) &&
    !(spec.type === 'string' && !spec.choices && (spec.max ?? 0) > 200));
  if (!sweepable.length) return null;
  const select = element('select', { id: `${idPrefix}-sweep-name` });
  for (const spec of sweepable) select.append(new Option(spec.name, spec.name));
  const values = element('input', { type: 'text', id: `${idPrefix}-sweep-values`, spellcheck: 'false',
    'aria-describedby': `${idPrefix}-sweep-help ${idPrefix}-sweep-error` });
  const help = element('span', { class: 'help', id: `${idPrefix}-sweep-help` });
  const error = element('span', { class: 'field-error', id: `${idPrefix}-sweep-error`, 'aria-live': 'polite' });
  const go = element('button', { type: 'button', class: 'sweep-run', text: strings.compareRuns.sweepRun });
  const describe = () => {
    const spec = sweepable.find((s) => s.name === select.value);
    help.textContent = strings.compareRuns.sweepHelp(spec);
    values.placeholder = strings.compareRuns.sweepPlaceholder(spec);
  };
  select.addEventListener('change', describe);
  describe();
  const start = () => {
    const parsed = parseCompare(`${select.value}:${values.value}`, sweepable);
    if (parsed.problem) {
      error.textContent = parsed.problem;
      values.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    values.removeAttribute('aria-invalid');
    onSweep(parsed);
  };
  go.addEventListener('click', start);
  values.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      start();
    }
  });
  const node = element('details', { class: 'sweep' },
    element('summary', { text: strings.compareRuns.sweepSummary }),
    element('div', { class: 'sweep-fields' },
      element('div', { class: 'param' }, element('label', { for: select.id, text: strings.compareRuns.sweepName }), select),
      element('div', { class: 'param' }, element('label', { for: values.id, text: strings.compareRuns.sweepValues }), values, help, error),
      element('div', { class: 'actions' }, go)));
  return {
    node,
    show({ name, values: list }) {  // reflect a sweep from the URL
      select.value = name;
      describe();
      values.value = list.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
      node.open = true;
    },
  };
}
