// The parameter form, built from the exercise list's metadata: one labelled control per parameter (number
// inputs with their range, checkboxes, selects for choices, JSON text areas for arrays and objects), help text
// tied to each control, and a dot on the ones that differ from the default.
// readForm() returns {params, errors}: only what is not a decimal number in a number field ("1e", "--5", "9e999",
// "0x10") and JSON that does not parse are caught here; ranges and types are the core's to judge, so its messages
// are the ones a learner sees.
import { strings } from './strings.js';
import { attachFileLoading, itemKind, itemsToText, parseJson, textToItems } from './item-list-input.js';
import { MAX_JSON_DEPTH, decimalNumber, nestingDepth } from './url-state.js';

const isLongText = (spec) => spec.type === 'string' && !spec.choices &&
  (String(spec.default).length > 60 || String(spec.default).includes('\n') || (spec.max ?? 0) > 200);

function controlFor(spec, id) {
  let control;
  if (spec.type === 'integer' || spec.type === 'number') {
    control = document.createElement('input');
    control.type = 'number';
    control.inputMode = spec.type === 'integer' ? 'numeric' : 'decimal';
    control.step = spec.type === 'integer' ? '1' : 'any';
    if (spec.min !== undefined) control.min = spec.min;
    if (spec.max !== undefined) control.max = spec.max;
  } else if (spec.type === 'boolean') {
    control = document.createElement('input');
    control.type = 'checkbox';
  } else if (spec.type === 'string' && spec.choices) {
    control = document.createElement('select');
    for (const choice of spec.choices) control.append(new Option(choice, choice));
  } else if (spec.type === 'string' && !isLongText(spec)) {
    control = document.createElement('input');
    control.type = 'text';
  } else {
    control = document.createElement('textarea');
    control.spellcheck = false;
    control.rows = spec.type === 'string' ? 4 : Math.min(12, Math.max(2, jsonText(spec.default).split('\n').length));
  }
  control.id = id;
  control.name = spec.name;
  return control;
}

// Short arrays and objects on one line ([4, 8, 16, 32]), longer ones one item per line.
function jsonText(value) {
  const compact = JSON.stringify(value);
  return compact.length <= 70 ? compact : JSON.stringify(value, null, 1);
}

function setControl(control, spec, value) {
  if (control.type === 'checkbox') control.checked = value === true;
  else if (itemKind(spec) && Array.isArray(value)) control.value = itemsToText(value, itemKind(spec));
  else if (spec.type === 'array' || spec.type === 'object') control.value = typeof value === 'string' ? value : jsonText(value);
  else control.value = value === undefined || value === null ? '' : String(value);
}

function readControl(control, spec) {
  if (control.type === 'checkbox') return { value: control.checked };
  const text = control.value;
  if (spec.type === 'integer' || spec.type === 'number') {
    // A number input the browser cannot read ("1e", "5-") reports an empty value and badInput.
    const value = control.validity?.badInput ? null : text.trim() === '' ? spec.default : decimalNumber(text);
    return value === null ? { error: strings.form.notNumber(spec.type === 'integer', spec.min, spec.max) } : { value };
  }
  if ((spec.type === 'array' || spec.type === 'object') && nestingDepth(text) > MAX_JSON_DEPTH) {
    return { error: strings.form.tooDeep(MAX_JSON_DEPTH) };
  }
  if (itemKind(spec)) return textToItems(text, itemKind(spec));
  if (spec.type === 'array' || spec.type === 'object') return parseJson(text);
  return { value: text };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export class ParamForm {
  // container: where the fields go; specs: the exercise's params metadata; values: initial values by name.
  constructor(container, specs, values, idPrefix = 'param') {
    this.specs = specs;
    this.fields = new Map();
    const grid = document.createElement('div');
    grid.className = 'param-grid';
    for (const spec of specs) {
      const id = `${idPrefix}-${spec.name}`;
      const field = document.createElement('div');
      field.className = 'param';
      const control = controlFor(spec, id);
      const help = document.createElement('span');
      help.className = 'help';
      help.id = `${id}-help`;
      const range = spec.min !== undefined && spec.max !== undefined && (spec.type === 'integer' || spec.type === 'number')
        ? strings.form.range(spec.min, spec.max) : '';
      const shownDefault = typeof spec.default === 'object' || String(spec.default).length > 40 ? '' : strings.form.defaultValue(spec.default);
      help.textContent = `${spec.help}.${range}${shownDefault}`.replace('..', '.');
      const error = document.createElement('span');
      error.className = 'field-error';
      error.id = `${id}-error`;
      error.setAttribute('aria-live', 'polite');
      control.setAttribute('aria-describedby', `${help.id} ${error.id}`);
      const label = document.createElement('label');
      label.htmlFor = id;
      if (control.type === 'checkbox') {
        label.className = 'check';
        label.append(control, document.createTextNode(spec.name));
        field.append(label, help, error);
      } else {
        label.textContent = spec.name;
        field.append(label, control, help, error);
      }
      if (control.tagName === 'TEXTAREA') field.classList.add('wide');
      if (control.tagName === 'TEXTAREA' && (itemKind(spec) || spec.type === 'string')) attachFileLoading(field, control, itemKind(spec));
      control.addEventListener('input', () => this.markChanged(spec.name));
      control.addEventListener('change', () => this.markChanged(spec.name));
      this.fields.set(spec.name, { spec, control, field, error });
      grid.append(field);
    }
    container.append(grid);
    this.setValues(values);
  }

  setValues(values = {}) {
    for (const { spec, control } of this.fields.values()) {
      setControl(control, spec, spec.name in values ? values[spec.name] : spec.default);
      this.markChanged(spec.name);
    }
  }

  reset() { this.setValues({}); }

  markChanged(name) {
    const { spec, control, field, error } = this.fields.get(name);
    const read = readControl(control, spec);
    field.classList.toggle('changed', read.error !== undefined || !same(read.value, spec.default));
    error.textContent = '';
    control.removeAttribute('aria-invalid');
  }

  // {params (every field, typed), errors: [{name, message}]}
  read() {
    const params = {};
    const errors = [];
    for (const { spec, control, error } of this.fields.values()) {
      const read = readControl(control, spec);
      if (read.error) {
        errors.push({ name: spec.name, message: `${spec.name}: ${read.error}` });
        error.textContent = read.error;
        control.setAttribute('aria-invalid', 'true');
        if (read.position !== undefined) control.dataset.errorAt = String(read.position);
      } else {
        params[spec.name] = read.value;
      }
    }
    return { params, errors };
  }

  showError(name) {
    const entry = this.fields.get(name);
    if (!entry) return;
    entry.control.setAttribute('aria-invalid', 'true');
    const at = entry.control.dataset.errorAt;  // JSON or a CSV line that did not parse: put the caret there
    delete entry.control.dataset.errorAt;
    if (at !== undefined && entry.control.setSelectionRange) {
      entry.control.focus();
      entry.control.setSelectionRange(Number(at), Number(at) + 1);
    }
  }

  focusFirst() { this.fields.values().next().value?.control.focus(); }
}
