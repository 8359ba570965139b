// One number format per table column and for the headline figures:
//   columnFormatter(values)  every number of a column written the same way: exponent form for all when any needs
//                            it (below 0.001 or from 1,000,000), else up to 5 significant digits; whole numbers
//                            from 10,000 with thousands separators (05.2's 109,482,240 parameters)
//   metricText(value)        a headline figure: 7 significant digits, the same separators
// The exact value is always one hover away (the title attribute) and in the CSV.

const grouped = (n) => n.toLocaleString('en-US');

export function columnFormatter(values) {
  const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  const exponent = numbers.some((v) => !Number.isInteger(v) && v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6));
  return (value) => {
    if (typeof value !== 'number') return null;
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return Math.abs(value) >= 1e4 ? grouped(value) : String(value);
    if (exponent) return value.toExponential(3);
    return String(Number(value.toPrecision(5)));
  };
}

export function metricText(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return Math.abs(value) >= 1e4 ? grouped(value) : String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(3);
  return String(Number(value.toPrecision(7)));
}
