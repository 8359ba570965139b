// A learner's own data in the parameter form.
//   lines   an array of strings (04.2's corpus, 03.3's queries) is edited as plain text, one item a line
//   pairs   an array of [text, label] pairs (04.3's train and test) as CSV lines, text,label (the label after the
//           last comma, so a text may hold commas; "quoted" texts may hold anything, "" for a quote)
// JSON is still accepted in both. Every text area for data gets "Load a file" (.txt one item a line, .csv
// text,label, .json) and takes a file dropped on it. JSON that does not parse is reported at its line and column.
// Nothing is judged here beyond the shape of the text: lengths, counts and labels are the core's to check.
import { element } from './result-view.js';
import { strings } from './strings.js';
import { jsonErrorAt } from './json-error.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;  // larger files are refused before they are read

const isScalar = (value) => typeof value === 'string' || typeof value === 'number';

// 'lines', 'pairs', or null (edited as JSON), from the parameter's default.
export function itemKind(spec) {
  if (spec.type !== 'array' || !Array.isArray(spec.default) || !spec.default.length) return null;
  if (spec.default.every((item) => typeof item === 'string' && !item.includes('\n'))) return 'lines';
  if (spec.default.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && isScalar(item[1]))) {
    return 'pairs';
  }
  return null;
}

function positionOf(text, line, column) {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

// {value} or {error, position}: JSON text, with the line and column where it breaks.
export function parseJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const place = jsonErrorAt(text);
    return place
      ? { error: strings.items.jsonAt(place.line, place.column, place.reason), position: place.position }
      : { error: strings.form.notJson(error.message) };
  }
}

const looksLikeJson = (text) => /^\s*\[/.test(text);
const lineList = (text) => text.split('\n').map((line) => line.replace(/\r$/, ''));

function csvText(text) {
  return /["\n\r]/.test(text) || text.startsWith(' ') ? `"${text.replaceAll('"', '""')}"` : text;
}

const labelText = (label) => (typeof label === 'string' && /[,"\n]/.test(label) ? csvText(label) : String(label));

// The items as the text area shows them.
export function itemsToText(items, kind) {
  if (kind === 'lines') return items.join('\n');
  return items.map(([text, label]) => `${csvText(text)},${labelText(label)}`).join('\n');
}

// One CSV line "text,label" -> [text, label] or null. A quoted text ends at its closing quote.
function csvPair(line) {
  let text, rest;
  if (line.startsWith('"')) {
    let i = 1, value = '';
    for (; i < line.length; i++) {
      if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i++; } else if (line[i] === '"') break;
      else value += line[i];
    }
    if (i >= line.length || line[i + 1] !== ',') return null;
    text = value;
    rest = line.slice(i + 2);
  } else {
    const comma = line.lastIndexOf(',');
    if (comma < 0) return null;
    text = line.slice(0, comma);
    rest = line.slice(comma + 1);
  }
  let label = rest.trim();
  if (label.startsWith('"') && label.endsWith('"') && label.length >= 2) label = label.slice(1, -1).replaceAll('""', '"');
  else if (/^-?\d+(\.\d+)?$/.test(label)) label = Number(label);
  return [text, label];
}

// {value} or {error, position?}: the text area's content as the parameter's array.
export function textToItems(text, kind) {
  if (looksLikeJson(text)) {
    const json = parseJson(text);
    if (json.value !== undefined && Array.isArray(json.value)) return json;
    // A pair list starting with [, or a list starting with [ and a quote, meant JSON: say where it broke.
    if (json.error && (kind === 'pairs' || /^\s*\[\s*"/.test(text))) return json;
  }
  const lines = lineList(text);
  if (kind === 'lines') return { value: lines.filter((line) => line.trim() !== '') };
  const pairs = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    if (pairs.length === 0 && /^\s*"?text"?\s*,\s*"?label"?\s*$/i.test(lines[i])) continue;  // a CSV header
    const pair = csvPair(lines[i]);
    if (!pair) return { error: strings.items.badPair(i + 1), position: positionOf(text, i + 1, 1) };
    pairs.push(pair);
  }
  return { value: pairs };
}

// A file's text as the text area should hold it: JSON arrays become lines or CSV; anything else is kept as is.
export function fileText(name, text, kind) {
  const clean = text.replace(/^\uFEFF/, '');
  if (kind && /\.json$/i.test(name)) {
    const json = parseJson(clean);
    if (Array.isArray(json.value) && itemKind({ type: 'array', default: json.value }) === kind) return itemsToText(json.value, kind);
  }
  return clean.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}

// "Load a file" and drag and drop for a text area. kind: 'lines', 'pairs' or null (a string: the file's text).
// onLoaded(message) says what was loaded (or why not).
export function attachFileLoading(field, control, kind) {
  const picker = element('input', { type: 'file', class: 'file-picker', hidden: '', 'aria-label': strings.items.loadFile,
    accept: kind === 'pairs' ? '.csv,.txt,.json,text/csv,text/plain,application/json' : '.txt,.csv,.json,text/plain,text/csv' });
  const button = element('button', { type: 'button', class: 'small load-file', text: strings.items.loadFile,
    'aria-describedby': `${control.id}-loaded` });
  const loaded = element('span', { class: 'help loaded-file', id: `${control.id}-loaded`, 'aria-live': 'polite',
    text: strings.items.hint(kind) });
  const load = async (file) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      loaded.textContent = strings.items.tooLarge(file.name, file.size, MAX_FILE_BYTES);
      return;
    }
    control.value = fileText(file.name, await file.text(), kind);
    control.dispatchEvent(new Event('input', { bubbles: true }));
    const read = kind ? textToItems(control.value, kind) : { value: control.value };
    loaded.textContent = read.error ? read.error : strings.items.loaded(file.name, kind ? read.value.length : control.value.length, kind);
  };
  button.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => { load(picker.files[0]); picker.value = ''; });
  control.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types?.includes('Files')) return;
    event.preventDefault();
    control.classList.add('drop-target');
  });
  control.addEventListener('dragleave', () => control.classList.remove('drop-target'));
  control.addEventListener('drop', (event) => {
    control.classList.remove('drop-target');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;  // dropped text: the browser inserts it
    event.preventDefault();
    load(file);
  });
  control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${loaded.id}`.trim());
  field.append(element('div', { class: 'file-actions' }, button, picker, loaded));
}
