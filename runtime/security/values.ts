// Go-like views of attribute values (strings, numbers, booleans, lists, records) as Wippy's condition evaluator
// sees them: wippyai/runtime service/security/policy/condition_evaluator.go (toFloat64, toString, equals, toSlice).

/** An attribute value: what YAML and Lua tables turn into (Go's `any` inside attrs.Bag). */
export type AttrValue = string | number | boolean | AttrValue[] | AttrRecord | undefined;
export interface AttrRecord {
  [key: string]: AttrValue;
}

/** Go strconv.ParseFloat's accepted syntax (decimal, hex float, inf, nan; no surrounding spaces). */
const DEC = String.raw`(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?`;
const HEX = String.raw`0x(?:_?[\da-f](?:_?[\da-f])*(?:\.(?:[\da-f](?:_?[\da-f])*)?)?|\.[\da-f](?:_?[\da-f])*)p[+-]?\d(?:_?\d)*`;
const FLOAT_RE = new RegExp(String.raw`^[+-]?(?:${DEC}|${HEX}|inf(?:inity)?|nan)$`, 'i');

export function isRecord(v: unknown): v is AttrRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** toFloat64: numbers, and strings ParseFloat accepts. */
export function toFloat(v: AttrValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && FLOAT_RE.test(v)) {
    const s = v.replace(/_/g, '').toLowerCase();
    const neg = s.startsWith('-');
    const body = s.replace(/^[+-]/, '');
    if (body.startsWith('inf')) return neg ? -Infinity : Infinity;
    if (body === 'nan') return NaN;
    if (body.startsWith('0x')) {
      const [mant, exp] = body.slice(2).split('p');
      const [ip, fp = ''] = mant.split('.');
      const n = parseInt(ip === '' ? '0' : ip, 16) + (fp === '' ? 0 : parseInt(fp, 16) / 16 ** fp.length);
      const r = n * 2 ** Number(exp);
      return neg ? -r : r;
    }
    return Number(s);
  }
  return undefined;
}

/** strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloatF(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  const s = String(n);
  if (!s.includes('e')) return s;
  const [mant, expStr] = s.split('e');
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const point = (mant.replace('-', '').indexOf('.') === -1 ? mant.replace('-', '').length : mant.replace('-', '').indexOf('.')) + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

/** Go's %v of a value (used for records, whose keys fmt sorts). */
function goFormat(v: AttrValue): string {
  if (v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? formatFloatF(v) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  return `map[${Object.keys(v).sort().map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
}

/** toString: undefined for nil and lists (Go returns false for slices). */
export function toGoString(v: AttrValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloatF(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return undefined;
  return goFormat(v);
}

/** equals: identical, else both numeric and equal, else both stringable and equal. */
export function attrEquals(a: AttrValue, b: AttrValue): boolean {
  if (a === b) return true;
  const fa = toFloat(a);
  const fb = toFloat(b);
  if (fa !== undefined && fb !== undefined) return fa === fb;
  const sa = toGoString(a);
  const sb = toGoString(b);
  return sa !== undefined && sb !== undefined && sa === sb;
}

/** toSlice: lists as they are, strings as their characters (UTF-8 runes). */
export function toSlice(v: AttrValue): AttrValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...Buffer.from(v, 'latin1').toString('utf8')].map((c) => Buffer.from(c, 'utf8').toString('latin1'));
  return undefined;
}

/** A UTF-8 JS string (YAML text) as a Lua byte string (one char per byte, architecture.md). */
export function toByteString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

/** A value read from YAML with every string made a byte string. */
export function attrFromYaml(v: unknown): AttrValue {
  if (typeof v === 'string') return toByteString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(attrFromYaml);
  if (v !== null && typeof v === 'object') {
    const out: AttrRecord = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[toByteString(k)] = attrFromYaml(x);
    return out;
  }
  return undefined;
}
