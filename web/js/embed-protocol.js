// The messages between embed.html and the page that frames it (README: "Embedding an exercise in a course site").
// To the parent, posted only to the origin the embed was told to trust:
//   {type: 'lab:ready', version, id, title, params}          the exercise is shown; commands are accepted from now
//   {type: 'lab:progress', step, total, loss?, requestId?}   a training run's latest step
//   {type: 'lab:result', result, ms, requestId?}             a run finished: the Result (contract.md) and its time
//   {type: 'lab:error', error: {code, message, param?}, requestId?}
//   {type: 'lab:resize', height} and {subject: 'lti.frameResize', height}   the content's height in CSS pixels
// From the parent, obeyed only when event.source is window.parent and event.origin is the trusted origin:
//   {type: 'lab:run', params?, requestId?}    run with these parameters (missing ones take the notebook's values)
//   {type: 'lab:cancel', requestId?}          stop the run in progress
// requestId (a string of at most 100 characters, or a safe integer) comes back on the messages of that run.
// Without a trusted origin the embed obeys nothing and posts only the two height messages, to any parent: a
// number that says nothing the parent cannot see, so Canvas and plain iframes size it without configuration.
import { strings } from './strings.js';

export const PROTOCOL_VERSION = 1;
const MAX_PARAMS_JSON = 1 << 20;  // characters of JSON: far above any parameter the core accepts
const MAX_DEPTH = 16;

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

// True for what JSON can carry: finite numbers, strings, booleans, null, arrays and plain objects of them.
function isJsonValue(value, depth = 0) {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((item) => isJsonValue(item, depth + 1));
  return false;
}

const isRequestId = (value) => (typeof value === 'string' && value.length <= 100) || Number.isSafeInteger(value);

const commandFields = { 'lab:run': ['type', 'params', 'requestId'], 'lab:cancel': ['type', 'requestId'] };

// One message's data, checked field by field:
//   null                                  not a lab command (not an object, or a type outside "lab:"): ignore it
//   {problem, requestId?}                 a lab command that is malformed: answer with a bad_message error
//   {type, params, requestId?}            a valid command (params: a plain object, {} when absent)
export function readCommand(data) {
  if (!isPlainObject(data) || typeof data.type !== 'string' || !data.type.startsWith('lab:')) return null;
  const requestId = isRequestId(data.requestId) ? data.requestId : undefined;
  const fields = commandFields[data.type];
  if (!fields) return { problem: strings.protocol.unknownType(data.type.slice(0, 40)), requestId };
  const extra = Object.keys(data).filter((key) => !fields.includes(key));
  if (extra.length) return { problem: strings.protocol.unknownFields(data.type, extra.slice(0, 5)), requestId };
  if (data.requestId !== undefined && requestId === undefined) return { problem: strings.protocol.badRequestId };
  const command = { type: data.type, params: {}, requestId };
  if (data.type === 'lab:run' && data.params !== undefined) {
    if (!isPlainObject(data.params) || !isJsonValue(data.params)) return { problem: strings.protocol.badParams, requestId };
    if (JSON.stringify(data.params).length > MAX_PARAMS_JSON) return { problem: strings.protocol.paramsTooLarge(MAX_PARAMS_JSON), requestId };
    command.params = data.params;
  }
  return command;
}

// The embed's side of the conversation with window.parent.
export class ParentChannel {
  // origin: the trusted origin, or null; view: the embed's window (window.parent is its parent).
  constructor({ origin, view = window }) {
    this.origin = origin;
    this.view = view;
    this.parent = view.parent !== view ? view.parent : null;  // null when embed.html is opened on its own
  }

  // Posts to the trusted parent; without one, only the height messages go out (to any parent).
  post(message) {
    if (!this.parent || !this.origin) return;
    this.parent.postMessage(message, this.origin);
  }

  postHeight(height) {
    if (!this.parent) return;
    const target = this.origin || '*';
    this.parent.postMessage({ type: 'lab:resize', height }, target);
    this.parent.postMessage({ subject: 'lti.frameResize', height }, target);
  }

  // onCommand(command) hears each valid command from the trusted parent; a malformed one is answered here.
  listen(onCommand) {
    this.view.addEventListener('message', (event) => {
      if (!this.parent || !this.origin || event.source !== this.parent || event.origin !== this.origin) return;
      const command = readCommand(event.data);
      if (!command) return;
      if (command.problem) {
        this.post({ type: 'lab:error', error: { code: 'bad_message', message: command.problem },
          ...(command.requestId !== undefined ? { requestId: command.requestId } : {}) });
        return;
      }
      onCommand(command);
    });
  }
}
