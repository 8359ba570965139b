// One exercise on the page: its title and idea, the parameter form with Run / Cancel / Reset, live progress, the
// error beside the form when a run fails, the Result, and (on the full page) the notebook-vs-lab comparison, the
// code side by side and the embed snippets. The main page and embed.html both use it; embedded, the parts an author
// names in `hide` (embed-options.js HIDEABLE_PARTS) are left out, and each run reports its progress, Result or error.
import { chartCard, element, releaseDetachedCharts, renderResult } from './result-view.js';
import { liveLossSpec } from './charts.js';
import { ParamForm } from './form.js';
import { strings } from './strings.js';
import { buildHash, changedParams } from './url-state.js';
import { MAX_COMPARED_RUNS, liveOverKept, renderComparison } from './compare.js';
import { keepBar, sweepControl } from './compare-controls.js';
import { progressClock } from './time-left.js';
import { ResultCache } from './result-cache.js';

const resultCache = new ResultCache();  // id + params -> {result, ms}: back/forward shows a run again without recomputing
const cacheKey = (id, params) => `${id} ${JSON.stringify(params)}`;

export class ExerciseView {
  // options: {client, exercise, values, embedded, hide (a Set of parts), onRun(params), onSettled(state), siteBase,
  //           onProgress({step, total, loss}), onResult(result, ms), onError({code, message, param?})}
  // onRun(params, compare) gets the sweep ({name, values}) when the run is one of several compared.
  constructor(container, options) {
    Object.assign(this, options);
    this.hide = this.hide || new Set();
    this.kept = [];  // the runs kept for comparison: [{result}], oldest first (compare.js draws them)
    this.container = container;
    this.build();
  }

  build() {
    const ex = this.exercise;
    const article = element('article', { class: 'exercise', 'aria-labelledby': 'exercise-title', 'data-run-state': 'idle' });
    this.article = article;
    if (this.shows('title')) {
      article.append(
        element('p', { class: 'crumb', text: strings.exercise.crumb(ex.notebook, ex.notebook_title) }),
        element('h2', { class: 'exercise-title', id: 'exercise-title' }, element('span', { class: 'ex-id', text: ex.id }), ex.title));
    } else {
      article.removeAttribute('aria-labelledby');
      article.setAttribute('aria-label', `${ex.id} ${ex.title}`);
    }
    if (this.shows('summary')) article.append(element('p', { class: 'summary', text: ex.summary }));

    // Embedded, the form folds away under its summary so the charts fit a course page's frame.
    const controls = this.embedded
      ? element('details', { class: 'controls' }, element('summary', { text: strings.exercise.embeddedControls(ex.params.length) }))
      : element('section', { class: 'controls', 'aria-labelledby': 'params-heading' },
        element('h3', { id: 'params-heading', text: ex.params.length ? strings.exercise.parameters : strings.exercise.noParameters }));
    const form = element('form', { novalidate: '' });
    controls.append(form);
    this.form = new ParamForm(form, ex.params, this.values, this.embedded ? 'embed-param' : 'param');
    this.runButton = element('button', { type: 'submit', class: 'primary', text: strings.exercise.run });
    this.cancelButton = element('button', { type: 'button', text: strings.exercise.cancel, disabled: '' });
    const reset = element('button', { type: 'button', text: strings.exercise.reset });
    form.append(element('div', { class: 'actions' }, this.runButton, this.cancelButton, reset));
    this.sweep = sweepControl(ex.params, this.embedded ? 'embed-param' : 'param', (compare) => this.submitSweep(compare));
    if (this.sweep) form.append(this.sweep.node);
    this.status = element('div', { class: 'run-status', role: 'status', 'aria-live': 'polite' });
    this.error = element('div', { class: 'run-error', role: 'alert' });
    this.error.hidden = true;
    this.status.hidden = !this.shows('status');
    if (!this.embedded) controls.append(this.status, this.error);
    this.controls = controls;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.cancelButton.addEventListener('click', () => this.client.cancel());
    reset.addEventListener('click', () => {
      this.form.reset();
      this.clearError();
    });

    if (ex.lab_notes && this.shows('notes')) {  // embedded, folded under its heading: a course page is short of room
      article.append(this.embedded
        ? element('details', { class: 'lab-note' }, element('summary', { text: strings.exercise.labNote }), ex.lab_notes)
        : element('p', { class: 'lab-note' }, element('strong', { text: strings.exercise.labNote }), ex.lab_notes));
    }
    this.results = element('section', { class: 'results', 'aria-label': 'Result', 'aria-live': 'off' });
    this.keepControls = keepBar(this);  // a reader who can change nothing (form or toolbar hidden) has nothing to keep
    const keeps = this.shows('form') && this.shows('toolbar') ? [this.keepControls.node] : [];
    article.append(...(this.shows('form') ? [controls] : []), ...(this.embedded ? [this.status, this.error] : []),
      ...keeps, this.results);
    if (!this.embedded) article.append(this.comparisonPanel(), this.codePanel(), this.embedPanel());
    else if (this.shows('footer')) article.append(element('p', { class: 'embed-footer' }, element('a', { href: `./${this.hash()}`, target: '_blank', rel: 'noopener', text: strings.exercise.openFullLab })));
    this.container.replaceChildren(article);
  }

  shows(part) {
    return !this.hide.has(part);
  }

  hash(params = this.currentParams()) {
    return buildHash(this.exercise.id, params, this.exercise.params);
  }

  currentParams() {
    return this.form ? this.form.read().params : {};
  }

  submit() {
    const { params, errors } = this.form.read();
    if (errors.length) {
      this.showError({ code: 'bad_param', message: errors.map((e) => e.message).join('; '), param: errors[0].name });
      this.markStale();
      this.setState('error');
      return;
    }
    this.onRun?.(params);
    this.run(params);
  }

  // Runs the exercise once per value of one parameter, the rest as in the form, and shows them compared.
  submitSweep(compare) {
    const { params, errors } = this.form.read();
    if (errors.length) {
      this.showError({ code: 'bad_param', message: errors.map((e) => e.message).join('; '), param: errors[0].name });
      this.markStale();
      return;
    }
    this.onRun?.(params, compare);
    this.runSweep(params, compare);
  }

  // params: every parameter; compare: {name, values}. The runs are kept, so later runs draw over them too.
  async runSweep(params, compare) {
    const token = (this.sweepToken = (this.sweepToken || 0) + 1);
    this.sweep?.show(compare);
    this.kept = [];
    const runs = compare.values.map((value) => ({ ...params, [compare.name]: value }));
    for (let i = 0; i < runs.length; i++) {
      this.sweepStep = { n: i + 1, count: runs.length, label: `${compare.name}=${JSON.stringify(compare.values[i])}` };
      const result = await this.run(runs[i], { partOfSweep: true });
      if (token !== this.sweepToken || !result) break;
      if (i < runs.length - 1) this.kept.push({ result });
    }
    this.sweepStep = null;
    if (token === this.sweepToken && this.lastResult && this.kept.length === runs.length - 1) {
      this.kept.push({ result: this.lastResult });
      this.keepControls.refresh();
    }
  }

  // The run kept for comparison, unless a run with the same parameters is kept already (at most 8 are kept).
  keep() {
    if (this.canKeep()) this.kept.push({ result: this.lastResult });
  }

  clearKept() {
    this.kept = [];
    if (this.lastResult) this.show(this.lastResult, this.lastMs);
  }

  hasResult() { return Boolean(this.lastResult) && !this.results.classList.contains('stale'); }

  keptCount() { return this.kept.length; }

  canKeep() {
    return this.hasResult() && this.kept.length < MAX_COMPARED_RUNS &&
      !this.kept.some((run) => JSON.stringify(run.result.params) === JSON.stringify(this.lastResult.params));
  }

  // A failed or cancelled run leaves no Result below: none to keep either.
  clearShown() {
    this.results.replaceChildren();
    releaseDetachedCharts();
    this.lastResult = null;
    this.keepControls.refresh();
  }

  // The Result below no longer answers the form (its run failed or never started): say so, and grey it.
  markStale() {
    if (!this.lastResult || !this.results.childElementCount) return;
    this.results.classList.add('stale');
    if (!this.results.querySelector('.stale-note')) {
      this.results.prepend(element('p', { class: 'stale-note', role: 'note', text: strings.exercise.staleResult }));
    }
    this.status.textContent = strings.exercise.notRun;
    this.keepControls.refresh();
  }

  setValues(values) {
    this.form?.setValues(values);
  }

  // Resolves to the Result when the run succeeded, else to null.
  async run(params = this.currentParams(), { partOfSweep = false } = {}) {
    if (!partOfSweep) this.sweepToken = (this.sweepToken || 0) + 1;  // a plain run ends a sweep in progress
    const ex = this.exercise;
    const changed = changedParams(params, ex.params);
    const key = cacheKey(ex.id, changed);
    this.clearError();
    if (resultCache.has(key)) {
      this.runToken = (this.runToken || 0) + 1;
      if (this.client.busy) this.client.cancel();
      this.setRunning(false);
      const cached = resultCache.get(key);
      this.show(cached.result, cached.ms);
      this.status.textContent = strings.exercise.shownAgain;
      this.setState('done');
      this.onResult?.(cached.result, cached.ms);
      return cached.result;
    }
    const token = (this.runToken = (this.runToken || 0) + 1);
    const stale = () => token !== this.runToken;  // a newer run replaced this one
    this.setRunning(true);
    const sweepNote = this.sweepStep ? strings.compareRuns.sweepProgress(this.sweepStep.n, this.sweepStep.count, this.sweepStep.label) : '';
    this.status.replaceChildren(sweepNote + strings.exercise.running);
    let live = null;
    let progressBar = null;
    const clock = progressClock();
    const onProgress = (updates) => {
      if (stale()) return;
      const lastUpdate = updates[updates.length - 1];
      this.onProgress?.(lastUpdate);
      if (lastUpdate.total) {
        if (!progressBar) {
          progressBar = element('progress', { class: 'progress', max: String(lastUpdate.total), 'aria-label': strings.exercise.trainingProgress });
          this.statusText = element('span');
          this.status.replaceChildren(...(sweepNote ? [sweepNote] : []), progressBar, ' ', this.statusText);
        }
        progressBar.value = lastUpdate.step;
        this.statusText.textContent = clock.text(lastUpdate);
      }
      const points = updates.filter((u) => typeof u.loss === 'number').map((u) => ({ x: u.step, y: u.loss }));
      if (points.length && this.shows('charts')) {
        if (!live) {
          this.results.replaceChildren(element('h3', { text: strings.exercise.training }));
          const charts = element('div', { class: 'charts' });
          this.results.append(charts);
          const full = { ...Object.fromEntries(ex.params.map((spec) => [spec.name, spec.default])), ...params };
          live = chartCard(charts, (this.kept.length && liveOverKept(this.kept, full, liveLossSpec())) || liveLossSpec(), `lab-${ex.id}`);
        }
        live.append(points);
      }
    };
    let outcome;
    try {
      outcome = await this.client.run(ex.id, changed, onProgress);
    } catch (error) {
      if (stale()) return null;
      this.setRunning(false);
      this.clearShown();
      if (error.cancelled) {
        this.status.textContent = strings.exercise.cancelled;
        this.setState('cancelled');
        this.onError?.({ code: 'cancelled', message: strings.exercise.cancelled });
      } else {
        this.showError({ code: 'engine', message: strings.exercise.engineRestarted(error.message) });
        this.status.textContent = '';
        this.setState('error');
      }
      return null;
    }
    if (stale()) return null;
    this.setRunning(false);
    const { result, ms } = outcome;
    if (result.error) {
      this.clearShown();
      this.showError(result.error);
      this.status.textContent = strings.exercise.failed;
      this.setState('error');
      return null;
    }
    // A Result that measures wall-clock time (02.2's latency) is measured again on every run, never shown from the cache.
    const measuresTime = (result.tables || []).some((t) => t.wall_clock) || Object.keys(result.metrics || {}).some((k) => k.endsWith('_ms'));
    if (!measuresTime) resultCache.set(key, { result, ms });
    this.status.textContent = strings.exercise.done(ms);
    this.show(result, ms);
    this.setState('done');
    this.onResult?.(result, ms);
    return result;
  }

  show(result, ms) {
    const start = performance.now();
    this.results.classList.remove('stale');
    const options = { ms, variant: this.client.info?.variant, hide: this.hide };
    const same = (run) => JSON.stringify(run.result.params) === JSON.stringify(result.params);
    if (this.kept.length && !(this.kept.length === 1 && same(this.kept[0]))) {
      const runs = this.kept.some(same) ? this.kept : [...this.kept, { result }];
      renderComparison(this.results, runs, options);
    } else {
      renderResult(this.results, result, options);
    }
    performance.clearMeasures('lab:render');  // only the latest, so a long session keeps no list of them
    performance.measure('lab:render', { start, end: performance.now() });
    if (this.labOutput) this.labOutput.textContent = (result.log || []).join('\n') || strings.exercise.nothingPrinted;
    this.markNotebookLines(result.log || []);
    this.lastResult = result;
    this.lastMs = ms;
    this.keepControls?.refresh();
  }

  // The notebook's printed lines, each marked when the lab printed the very same line.
  markNotebookLines(labLines) {
    if (!this.notebookLines) return;
    const printed = new Set(labLines.map((line) => line.trimEnd()));
    const lines = (this.exercise.notebook_output || strings.compare.nothing).split('\n');
    this.notebookLines.replaceChildren(...lines.map((line) => {
      const same = line.trim() !== '' && printed.has(line.trimEnd());
      return element('span', { class: same ? 'line same' : 'line' }, same ? '✓ ' : '  ', `${line}\n`);
    }));
  }

  // data-run-state on the article: idle | running | done | error | cancelled (tests and styles read it).
  setState(state) {
    this.article.setAttribute('data-run-state', state);
    if (state !== 'running') this.onSettled?.(state);
  }

  setRunning(running) {
    if (running) this.setState('running');
    this.runButton.disabled = running;
    this.cancelButton.disabled = !running;
    this.results.setAttribute('aria-busy', String(running));
  }

  clearError() {
    if (!this.error) return;
    this.error.hidden = true;
    this.error.replaceChildren();
  }

  showError(error) {
    this.error.replaceChildren(
      element('strong', { text: strings.exercise.errorTitle(error) }),
      error.message);
    this.error.hidden = false;
    if (error.param) {
      if (this.embedded) this.controls.open = true;
      this.form.showError(error.param);
    }
    this.onError?.(error);
  }

  // What the notebook printed (quoted verbatim) beside what the lab computed, plus the notebook's figure.
  comparisonPanel() {
    const ex = this.exercise;
    const panel = element('details', { class: 'panel', id: 'compare' });
    panel.append(element('summary', { text: strings.compare.summary }));
    const body = element('div', { class: 'panel-body' });
    this.notebookLines = element('pre', { class: 'quote', tabindex: '0' });
    this.markNotebookLines([]);
    const notebookSide = element('div', {},
      element('h4', {}, strings.compare.notebookPrinted, element('span', { class: 'badge quoted', text: strings.compare.quoted })),
      this.notebookLines,
      element('p', { class: 'chart-note', text: strings.compare.sameLines }));
    if (ex.notebook_figure) {
      notebookSide.append(element('img', { class: 'notebook-figure', src: ex.notebook_figure, loading: 'lazy',
        alt: strings.compare.figureAlt(ex.id) }));
    }
    this.labOutput = element('pre', { class: 'quote', tabindex: '0', text: this.lastResult ? this.lastResult.log.join('\n') : strings.compare.runToSee });
    const labSide = element('div', {}, element('h4', {}, strings.compare.labComputed, element('span', { class: 'badge', text: strings.compare.live })), this.labOutput);
    body.append(element('div', { class: 'side-by-side' }, notebookSide, labSide));
    if (ex.lab_notes) body.append(element('p', { class: 'lab-note' }, element('strong', { text: strings.compare.labNote }), ex.lab_notes));
    panel.append(body);
    return panel;
  }

  // The exercise's C++ and the notebook's Python, highlighted at build time, fetched when first opened.
  codePanel() {
    const ex = this.exercise;
    const panel = element('details', { class: 'panel', id: 'code' });
    panel.append(element('summary', { text: strings.code.summary }));
    const body = element('div', { class: 'panel-body', text: strings.code.loading });
    panel.append(body);
    panel.addEventListener('toggle', async () => {
      if (!panel.open || panel.dataset.loaded) return;
      panel.dataset.loaded = 'yes';
      try {
        const response = await fetch(`code/${ex.id}.json`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const code = await response.json();
        // The html was highlighted at build time from the lab's own files and the course's Python.
        const block = (file, language) => {
          const pre = element('pre', { class: 'code', tabindex: '0' });
          pre.innerHTML = `<code class="hljs language-${language}">${file.html}</code>`;
          return [element('p', { class: 'code-file', text: file.file }), pre];
        };
        const cpp = element('div', {}, element('h4', { text: strings.code.exercise }));
        for (const file of code.exercise) cpp.append(...block(file, 'cpp'));
        if (code.library.length) {
          const library = element('details', { class: 'library-code' },
            element('summary', { text: strings.code.library(code.library.length) }));
          for (const file of code.library) library.append(...block(file, 'cpp'));
          cpp.append(library);
        }
        const python = element('div', {}, element('h4', { text: strings.code.notebook }));
        if (code.python) {
          python.append(...block(code.python, 'python'));
        } else {
          python.append(element('p', { text: strings.code.notBundled }));
        }
        body.replaceChildren(element('div', { class: 'side-by-side' }, cpp, python));
      } catch (error) {
        body.textContent = strings.code.failed(error.message);
        delete panel.dataset.loaded;
      }
    });
    return panel;
  }

  // Copy-paste snippets for course sites, following the current parameters: the <lab-exercise> element (it sizes
  // itself and reports its runs; lab-exercise.js) and a plain iframe.
  embedPanel() {
    const panel = element('details', { class: 'panel', id: 'embed' });
    panel.append(element('summary', { text: strings.embed.summary }));
    const snippets = [
      { name: 'element', title: strings.embed.elementTitle, explain: strings.embed.elementExplain, rows: '4' },
      { name: 'iframe', title: strings.embed.iframeTitle, explain: strings.embed.iframeExplain, rows: '5' },
    ];
    const body = element('div', { class: 'panel-body' });
    const side = element('div', { class: 'side-by-side' });
    for (const snippet of snippets) {
      snippet.box = element('textarea', { class: `embed-snippet embed-snippet-${snippet.name}`, readonly: '', rows: snippet.rows,
        id: `embed-snippet-${snippet.name}`, 'aria-describedby': `embed-explain-${snippet.name}` });
      const copy = element('button', { type: 'button', class: 'small', text: strings.embed.copy });
      copy.addEventListener('click', async () => {
        refresh();
        try {
          await navigator.clipboard.writeText(snippet.box.value);
          copy.textContent = strings.embed.copied;
        } catch {
          snippet.box.select();
          copy.textContent = strings.embed.pressToCopy;
        }
        setTimeout(() => { copy.textContent = strings.embed.copy; }, 2000);
      });
      side.append(element('div', {},
        element('h4', {}, element('label', { for: snippet.box.id, text: snippet.title })),
        element('p', { class: 'chart-note', id: `embed-explain-${snippet.name}`, text: snippet.explain }),
        snippet.box, element('div', { class: 'chart-actions' }, copy)));
    }
    // In an attribute an & followed by name= is plain text, so the hash's separators stay readable.
    const quote = (text) => text.replaceAll('"', '&quot;');
    const refresh = () => {
      const base = this.siteBase || window.location.href;
      const hash = this.hash();
      const params = hash.slice(hash.indexOf('&') + 1 || hash.length);
      snippets[0].box.value = `<script type="module" src="${new URL('lab-exercise.js', base).href}"></script>\n` +
        `<lab-exercise exercise="${quote(this.exercise.id)}"${params ? ` params="${quote(params)}"` : ''}></lab-exercise>`;
      snippets[1].box.value = `<iframe src="${quote(new URL(`embed.html${hash}`, base).href)}" title="${quote(`${this.exercise.id} ${this.exercise.title}`)}" width="100%" height="640" style="border:1px solid #d5dae1;border-radius:8px" loading="lazy"></iframe>`;
    };
    panel.addEventListener('toggle', refresh);
    this.article.addEventListener('input', () => { if (panel.open) refresh(); });
    body.append(element('p', {}, strings.embed.explain, element('a', { href: 'authors.html', text: strings.embed.guide })), side);
    panel.append(body);
    return panel;
  }
}
