// Small helpers for building JS text: string literals for byte strings, number literals, and the value/kind records
// expressions are compiled to.

/** What static knowledge the emitter has of a JS value: lets arithmetic and tests skip runtime checks. */
/** `obj`: a value known to be a table or function (never nil, never a number). */
export type Kind = 'num' | 'str' | 'bool' | 'nil' | 'obj' | 'any';

export interface Js {
  code: string;
  kind: Kind;
  /** a variable or a literal: can be repeated in the output without a temp and without side effects */
  simple: boolean;
}

export function js(code: string, kind: Kind = 'any', simple = false): Js {
  return { code, kind, simple };
}

/** A JS string literal for a byte string; everything outside printable ASCII is escaped. */
export function jsString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i);
    start = i + 1;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else out += `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return out + s.slice(start) + '"';
}

export function jsNumber(n: number): string {
  if (n === Infinity) return 'Infinity';
  if (Number.isNaN(n)) return 'NaN';
  return String(n);
}

/** `(a, b)` when `a` is not empty, else `b`. */
export function seq(init: string, expr: string): string {
  return init === '' ? expr : `(${init}, ${expr})`;
}

/** A JS identifier-safe property access for a Lua name (Lua names are ASCII letters, digits and `_`). */
export function prop(name: string): string {
  return `.${name}`;
}

/** Property access for any byte-string key. */
export function propAny(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${jsString(key)}]`;
}
