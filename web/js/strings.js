// Every sentence the page itself says, in one place: a wording fix is one edit here, and a translation would be
// a second module of the same shape. What the lab says about an exercise (its title, idea, the notebook's output,
// its notes) comes from the exercise's Markdown text through the catalogue; what a run says comes from the core.
export const strings = {
  engine: {
    loading: 'Loading the engine…',
    ready: (variant) => `Engine ready: WebAssembly ${variant === 'simd' ? 'with SIMD' : 'without SIMD'}.`,
    failed: (message) => `The engine could not start: ${message}`,
    workerFailed: 'the lab worker failed to start',
  },
  home: {
    title: 'Deep Learning & NLP Lab',
    heading: 'A deep learning and NLP course you can run, change and check in the browser',
    intro: 'Every exercise of the course’s five notebooks (transformers from scratch, BERT-style classification, ' +
      'LLM application patterns, text preprocessing and LoRA fine-tuning) runs here, on a C++ core compiled to ' +
      'WebAssembly. No Python, no install, no server: pick an exercise, change its parameters and run it.',
    honesty: 'With the default parameters, 20 of the 25 exercises print what the notebook prints. Five differ, each ' +
      'for a reason stated on its page: 01.2 and 02.5 draw their weights from the lab’s seeded generator, not ' +
      'PyTorch’s; 02.3 also checks the accumulated gradient against the full batch; 05.1 labels the notebook’s ' +
      'made-up perplexities as illustrative and adds a measured ablation; 05.4 uses a causal mask and held-out data, ' +
      'since the notebook’s model reads the answer. Wherever the notebook fakes, hard-codes or mis-checks a result, ' +
      'the lab computes the real thing or labels the figure, and says why.',
    gallery: 'Beside each exercise: its headline figures with the default parameters, computed by this lab’s engine ' +
      'when the site was built.',
    notebook: (number, title) => `${number} · ${title}`,
    exerciseTitle: (exercise) => `${exercise.id} ${exercise.title} · Deep Learning & NLP Lab`,
    noSuchTitle: 'No such exercise',
    noSuchExercise: (id) => `There is no exercise “${id}”. Exercises run from 01.1 to 05.5; pick one from the menu.`,
    badLink: (parts) => `Part of this link is not valid URL text (${parts.map((part) => `“${part.slice(0, 40)}”`).join(', ')}): ` +
      'it was left out, and what it named takes its default value.',
    catalogFailed: (message) => `The exercise list could not be loaded: ${message}`,
    authors: 'Teaching with it? Any exercise can run inside your own course pages: ',
    authorsLink: 'the guide for course authors.',
  },
  exercise: {
    crumb: (notebook, title) => `Notebook ${notebook} · ${title}`,
    parameters: 'Parameters',
    noParameters: 'This exercise has no parameters',
    embeddedControls: (count) => `Parameters (${count}) and Run`,
    run: 'Run',
    cancel: 'Cancel',
    reset: 'Reset to defaults',
    labNote: 'Where the lab differs from the notebook. ',
    openFullLab: 'Open in the full lab ↗',
    shownAgain: 'Shown again from this session’s earlier run (same parameters, same Result).',
    running: 'Running…',
    trainingProgress: 'Training progress',
    step: (step, total, loss) => `step ${step} / ${total}${typeof loss === 'number' ? ` · loss ${loss.toFixed(4)}` : ''}`,
    training: 'Training…',
    cancelled: 'Cancelled. Change the parameters or run again.',
    engineRestarted: (message) => `${message}. The engine was restarted; the next run will work.`,
    failed: 'The run stopped with an error; fix the parameter and run again.',
    staleResult: 'Not current: this Result is from an earlier run. The parameters above did not run; fix what is marked and run again.',
    notRun: 'Not run: fix the parameter marked above.',
    done: (ms) => `Done in ${formatMs(ms)} ms.`,
    nothingPrinted: '(nothing printed)',
    errorTitle: (error) => (error.param ? `Parameter ${error.param}: ${error.code}` : error.code),
    embedNeedsId: (id) => `embed.html needs an exercise id in its hash, e.g. embed.html#01.1 (got “${id ?? ''}”).`,
  },
  compare: {
    summary: 'Notebook vs lab: what each printed',
    notebookPrinted: 'The notebook printed ',
    quoted: 'quoted',
    sameLines: 'Lines marked ✓ appear word for word in what the lab printed.',
    nothing: '(nothing)',
    figureAlt: (id) => `The notebook's own figure for exercise ${id} (matplotlib), for comparison with the lab's charts`,
    labComputed: 'The lab computed ',
    live: 'live',
    runToSee: 'Run the exercise to see what the lab prints.',
    labNote: 'Where the lab differs from the notebook, and why. ',
  },
  code: {
    summary: 'Code: the lab’s C++ beside the notebook’s Python',
    loading: 'Loading the code…',
    exercise: 'This exercise (C++)',
    library: (count) => `The library code it calls (${count} files)`,
    notebook: 'The notebook (Python)',
    notBundled: 'The course’s Python is not bundled with this build of the lab. To add it, build the site with ' +
      'LAB_COURSE_SOLUTIONS set to the course’s notebook_solutions.txt (see the README).',
    failed: (message) => `The code could not be loaded (${message}).`,
  },
  embed: {
    summary: 'Embed this exercise in another site',
    copy: 'Copy snippet',
    copied: 'Copied',
    pressToCopy: 'Press Ctrl+C to copy',
    explain: 'Paste either snippet into any page: the exercise runs there with the parameters you set here. ',
    guide: 'The authors’ guide: attributes, events, hiding parts, messages.',
    elementTitle: 'The <lab-exercise> element',
    elementExplain: 'Sizes itself to its content, and fires lab-ready, lab-progress, lab-result and lab-error events.',
    iframeTitle: 'A plain iframe',
    iframeExplain: 'A fixed height, unless the page listens to its size messages (Canvas does); add ' +
      '&origin=<your site’s origin> to its hash to drive it with messages.',
    // Inside embed.html
    clickToLoad: 'This exercise runs in your browser. Press Run to load the lab’s engine and compute it here.',
    runNow: 'Run this exercise',
    badOrigin: (text) => `The embed was given origin “${text}”, which is not an origin (scheme://host[:port], ` +
      'e.g. https://course.example): it will send no results and obey no messages.',
    unknownParts: (parts, known) => `hide: unknown part(s) ${parts.join(', ')}; the parts are ${known.join(' ')}.`,
  },
  protocol: {
    unknownType: (type) => `unknown message type “${type}”; the embed obeys lab:run and lab:cancel`,
    unknownFields: (type, fields) => `${type} has unknown field(s) ${fields.join(', ')}`,
    badRequestId: 'requestId must be a string of at most 100 characters or a safe integer',
    badParams: 'params must be an object of JSON values (numbers, strings, booleans, null, arrays, objects)',
    paramsTooLarge: (limit) => `params take more than ${limit} characters of JSON`,
    notReady: 'the embed has not shown an exercise yet: send commands after lab:ready',
    superseded: 'a newer run replaced this one',
  },
  authors: {
    at: (ms) => `${(ms / 1000).toFixed(1)} s `,
    ready: (id, count) => `${id} shown, ${count} parameter${count === 1 ? '' : 's'}`,
    progress: (step, total, loss) => `step ${step} of ${total}${typeof loss === 'number' ? `, loss ${loss.toFixed(4)}` : ''}`,
    result: (id, metrics) => `${id} metrics ${metrics}`,
    error: (code, message) => `${code}: ${message}`,
    peak: (warmup, peak, step) => `With ${warmup} warmup steps the learning rate peaks at ${peak.toPrecision(3)}, at step ${step}.`,
    failed: (message) => `The run failed: ${message}`,
    rerun: (warmup) => `run({warmup_steps: ${warmup}})`,
    resolved: (step) => `run() resolved: the peak is at step ${step}`,
  },
  result: {
    heading: 'Result',
    metrics: 'Headline figures',
    computedIn: (ms, variant) => `Computed in ${formatMs(ms)} ms${variant ? ` (${variant} build)` : ''}.`,
    downloadJson: 'Download Result (JSON)',
    insight: 'Insight. ',
    charts: 'Charts',
    tables: 'Tables',
    printed: 'What the lab printed',
    printedLabel: 'Lab output',
    downloadPng: 'Download PNG',
    downloadCsv: 'Download CSV',
    showData: 'Show data',
    hideData: 'Hide data',
    dataCaption: (title) => `${title} (data)`,
    tableCut: (limit, rows, columns) =>
      `Showing at most ${limit} rows and columns of ${rows} × ${columns}; the CSV has all of them.`,
  },
  chart: {
    ariaLabel: (title, type) => `${title}: ${type} chart. Use "Show data" for the numbers.`,
    noChartJs: 'Chart.js did not load',
    liveTitle: 'Training loss (live)',
    logScale: ' Log scale',
    step: 'Step',
    loss: 'Loss',
  },
  form: {
    range: (min, max) => ` Range ${min}–${max}.`,
    defaultValue: (value) => ` Default: ${value}.`,
    notJson: (message) => `not valid JSON (${message})`,
    tooDeep: (max) => `nested more than ${max} levels deep`,
    notNumber: (integer, min, max) => `${integer ? 'a whole number' : 'a number'} is expected` +
      (min !== undefined && max !== undefined ? `, from ${min} to ${max}` : ''),
  },
  progress: {
    left: (ms) => (ms < 1000 ? 'under a second left' : `about ${ms < 10000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000)} s left`),
    elapsed: (ms) => `${(ms / 1000).toFixed(1)} s so far`,
  },
  items: {
    hint: (kind) => (kind === 'lines' ? 'One item a line (a JSON array works too). Load a .txt file or drop one here.'
      : kind === 'pairs' ? 'One text,label a line (a JSON array works too). Load a .csv or .txt file or drop one here.'
        : 'Load a .txt file or drop one here.'),
    loadFile: 'Load a file',
    loaded: (name, count, kind) => (kind ? `Loaded ${name}: ${count} item${count === 1 ? '' : 's'}.` : `Loaded ${name}: ${count} characters.`),
    tooLarge: (name, size, max) => `${name} is ${(size / 1048576).toFixed(1)} MB; files up to ${max / 1048576} MB are read.`,
    jsonAt: (line, column, reason) => `not valid JSON at line ${line}, column ${column} (${reason})`,
    badPair: (line) => `line ${line} is not text,label (the label goes after the last comma)`,
  },
  compareRuns: {
    keep: 'Keep this run',
    kept: 'Kept',
    clear: 'Clear kept runs',
    keepHint: 'Keep this run to draw later runs over it.',
    keptNote: (count) => `${count} run${count === 1 ? '' : 's'} kept: the next runs are drawn over ${count === 1 ? 'it' : 'them'}.`,
    heading: (count) => `Result: ${count} runs compared`,
    namedBy: 'Each run is named by the parameters that differ: ',
    runNumber: (n) => `run ${n}`,
    runColumn: 'run',
    live: '(live)',
    metricColumn: 'metric',
    metricsCaption: 'Headline figures, a column per run',
    csvAllRuns: 'Download CSV (all runs)',
    sweepSummary: 'Compare several values of one parameter',
    sweepName: 'Parameter',
    sweepValues: 'Values, separated by commas',
    sweepRun: 'Run each and compare',
    sweepHelp: (spec) => (spec ? `${spec.help}.${spec.min !== undefined && spec.max !== undefined ? ` Range ${spec.min}–${spec.max}.` : ''} ` +
      'The other parameters stay as in the form; the link then reproduces the comparison.' : ''),
    sweepPlaceholder: (spec) => (spec?.type === 'number' ? 'e.g. 0.001, 0.01' : spec?.type === 'integer' ? 'e.g. 1, 2, 4' : ''),
    sweepProgress: (n, count, label) => `Run ${n} of ${count} (${label}): `,
    unknownName: (name, names) => `compare: “${name}” is not a parameter of this exercise; it has ${names.join(', ')}.`,
    tooFew: (name) => `compare: give ${name} at least two values, e.g. compare=${name}:1,2.`,
    tooMany: (count, max) => `compare: ${count} values given; at most ${max} runs are compared at once.`,
  },
};

// Milliseconds as the page shows them: one decimal below 10 ms, whole numbers above.
export function formatMs(ms) {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
