// One value as a CSV cell that a spreadsheet shows as the text it is and never runs as a formula.
// A text beginning with = + - @, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets
// ("=HYPERLINK(…)", "@SUM(…)", "-2+3"): such a text gets a leading ' (the spreadsheets' own mark for "this is
// text"). Numbers stay numbers, negative ones included: -0.5 is written as -0.5, and so is the text "-0.5".
// Then the usual quoting: a cell holding a comma, a quote or a line break is quoted, its quotes doubled.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
