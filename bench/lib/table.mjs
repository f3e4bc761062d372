// Renders a plain-text table with right-aligned numeric columns, for the benchmark reports.

export function renderTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c] ?? '').length)));
  const line = (r) => r.map((cell, c) => {
    const s = String(cell ?? '');
    return c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]);
  }).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function geometricMean(values) {
  const xs = values.filter((v) => typeof v === 'number' && v > 0 && Number.isFinite(v));
  if (xs.length === 0) return undefined;
  return Math.exp(xs.reduce((a, v) => a + Math.log(v), 0) / xs.length);
}

export function median(values) {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}
