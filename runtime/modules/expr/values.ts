// expr values: null (nil), booleans, numbers (integral numbers are expr's ints, the others its floats), byte strings,
// arrays (JS arrays) and maps (JS Maps). Errors in evaluation are ExprRuntimeError at the node's position.

export type ExprMap = Map<unknown, unknown>;

export class ExprRuntimeError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Go's %T of a value, as expr-lang's messages name types ("invalid operation: int + <nil>"). */
export function typeOf(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  if (typeof v === 'function') return 'func';
  return 'unknown';
}

/** expr-lang's `==`: numbers by value, arrays and maps deeply, everything else by identity. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !equal(v, b.get(k))) return false;
    return true;
  }
  return false;
}

/** expr-lang's `string(v)` / fmt %v of a value. */
export function display(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(display).join(' ')}]`;
  if (v instanceof Map) return `map[${[...v].map(([k, x]) => `${display(k)}:${display(x)}`).join(' ')}]`;
  return String(v);
}

/** expr-lang's memory budget: no range, repeat or collection may grow past it. */
export const MEMORY_BUDGET = 1_000_000;
