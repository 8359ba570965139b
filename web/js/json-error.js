// Where a JSON text stops being JSON, found by a small scan of the grammar (RFC 8259) rather than read from the
// browser's message, whose wording and detail differ between engines: {position, line, column, reason} or null
// when the text is valid JSON.

export function jsonErrorAt(text) {
  let i = 0;
  const fail = (reason) => { throw Object.assign(new Error(reason), { position: i }); };
  const space = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const expect = (word) => {
    for (const c of word) { if (text[i] !== c) fail(`expected ${word}`); i++; }
  };
  const string = () => {
    i++;  // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a control character inside a string (write \\n for a line break)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u needs four hex digits');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('an unknown escape after \\');
      }
      i++;
    }
    if (i >= text.length) fail('a string that never closes');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('a number that is not one');
    i += match[0].length;
  };
  const value = () => {
    space();
    const c = text[i];
    if (c === '{') {
      i++; space();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        space();
        if (text[i] !== '"') fail('expected a "quoted" name');
        string(); space();
        if (text[i] !== ':') fail('expected : after the name');
        i++; value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('expected , or } after a value');
      }
    } else if (c === '[') {
      i++; space();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); space();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('expected , or ] after an item');
      }
    } else if (c === '"') string();
    else if (c === 't') expect('true');
    else if (c === 'f') expect('false');
    else if (c === 'n') expect('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail(i >= text.length ? 'the text ends where a value should be' : `unexpected “${c}”`);
  };
  try {
    value(); space();
    if (i < text.length) fail(`unexpected “${text[i]}” after the end`);
    return null;
  } catch (error) {
    const before = text.slice(0, error.position).split('\n');
    return { position: error.position, line: before.length, column: before[before.length - 1].length + 1, reason: error.message };
  }
}
