// Number <-> string conversions as go-lua does them (tostring, tonumber, string coercion in arithmetic and `..`).
// PLACEHOLDER: owned by the string-library work package, which replaces it with the exact go-lua rules.

export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n !== n) return 'nan';
  return String(n);
}

/** tonumber(s) with base 10 rules (decimal, hex 0x, exponent, surrounding whitespace); undefined if not a number. */
export function stringToNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) {
    const neg = t[0] === '-';
    const v = parseInt(t.replace(/^[-+]/, ''), 16);
    return neg ? -v : v;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}
