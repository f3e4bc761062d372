// expr-lang's builtin functions (https://expr-lang.org/docs/language-definition, "Functions"): math, strings,
// arrays and maps, type conversion, JSON and base64, and the predicates that take a closure (`all(xs, # > 0)`).
// A wrong argument fails the evaluation with expr-lang's wording where it has one.
import { luaToText, textToLua } from '../../lib/lua-text.js';
import { display, equal, ExprRuntimeError, MEMORY_BUDGET, typeOf, type ExprMap } from './values.js';

/** A closure argument: called with the element (`#`), its index (`#index`) and, for reduce, the accumulator. */
export type Closure = (pointer: unknown, index: number, acc?: unknown) => unknown;
type Builtin = (args: unknown[]) => unknown;

/** The builtins whose arguments after the first are closures (parser.ts parses them so). */
export const PREDICATE_BUILTINS = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count', 'sum', 'find', 'findIndex', 'findLast', 'findLastIndex', 'groupBy', 'sortBy', 'reduce']);

/** expr-lang builtins moonforge does not have (dates and durations): a call is a clear compile error. */
export const UNSUPPORTED_BUILTINS = new Set(['now', 'duration', 'date', 'timezone']);

// at -1: the evaluator puts the call's position on it
const fail = (message: string): never => {
  throw new ExprRuntimeError(message, -1);
};

function arity(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min) fail(`not enough arguments to call ${name}`);
  if (args.length > max) fail(`too many arguments to call ${name}`);
}

const num = (name: string, v: unknown): number => (typeof v === 'number' ? v : fail(`invalid argument for ${name} (type ${typeOf(v)})`));
const str = (name: string, v: unknown): string => (typeof v === 'string' ? v : fail(`invalid argument for ${name} (type ${typeOf(v)})`));
const arr = (name: string, v: unknown): unknown[] => (Array.isArray(v) ? v : fail(`invalid argument for ${name} (type ${typeOf(v)})`));
const map = (name: string, v: unknown): ExprMap => (v instanceof Map ? v : fail(`invalid argument for ${name} (type ${typeOf(v)})`));
const fn = (name: string, v: unknown): Closure => (typeof v === 'function' ? (v as Closure) : fail(`invalid argument for ${name} (type ${typeOf(v)})`));
const bool = (name: string, v: unknown): boolean => (typeof v === 'boolean' ? v : fail(`predicate of ${name} should return bool (got ${typeOf(v)})`));

/** Numbers of max/min/sum/mean/median: the arguments, or the elements of array arguments. */
function numbers(name: string, args: unknown[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) for (const x of a) out.push(num(name, x));
    else out.push(num(name, a));
  }
  return out;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return fail(`cannot compare ${typeOf(a)} and ${typeOf(b)}`);
}

function sorted(name: string, items: unknown[], order: unknown, key: (x: unknown) => unknown): unknown[] {
  const dir = order === undefined || order === 'asc' ? 1 : order === 'desc' ? -1 : fail(`unknown order ${display(order)}, use asc or desc`);
  void name;
  const keyed = items.map((x) => [key(x), x] as const);
  keyed.sort((a, b) => dir * compare(a[0], b[0]));
  return keyed.map((k) => k[1]);
}

/** An integer argument of the bitwise builtins, as a 64-bit integer. */
function int64(name: string, v: unknown): bigint {
  if (typeof v !== 'number' || !Number.isInteger(v)) return fail(`cannot use ${typeOf(v)} as argument (type int) to call ${name}`);
  return BigInt.asIntN(64, BigInt(v));
}

function bits(name: string, a: unknown[], f: (x: bigint, y: bigint) => bigint): number {
  arity(name, a, 2);
  const x = int64(name, a[0]);
  const y = int64(name, a[1]);
  if (name.includes('sh') && y < 0n) return fail(`invalid operation: negative shift count ${y} (type int)`);
  // shifts past 63 give 0 (or -1 for a negative >>), as Go's
  return Number(BigInt.asIntN(64, f(x, y > 64n ? 64n : y)));
}

/** Go's strings.TrimSpace set, and trim(s, cutset)'s set. */
function trimSet(s: string, set: string, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && set.includes(s[a]!)) a++;
  if (right) while (b > a && set.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}


function toJsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return luaToText(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v instanceof Map) {
    // Go's encoding/json writes map keys sorted
    const o: Record<string, unknown> = {};
    for (const k of [...v.keys()].map((k) => display(k)).sort()) o[luaToText(k)] = toJsonValue(v.get(k) ?? v.get(Number(k)));
    return o;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return fail(`json: unsupported value: ${display(v)}`);
  if (typeof v === 'function') return fail('json: unsupported type: func');
  return v;
}

function fromJsonValue(v: unknown): unknown {
  if (v === null) return null;
  if (typeof v === 'string') return textToLua(v);
  if (Array.isArray(v)) return v.map(fromJsonValue);
  if (typeof v === 'object') return new Map(Object.entries(v as object).map(([k, x]) => [textToLua(k), fromJsonValue(x)]));
  return v;
}

/** Go's strconv.ParseFloat of a whole string (no surrounding space; inf, infinity and nan spelled out). */
function parseGoFloat(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special !== null) return special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const B: Record<string, Builtin> = {
  len(a) {
    arity('len', a, 1);
    const v = a[0];
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (v instanceof Map) return v.size;
    return fail(`invalid argument for len (type ${typeOf(v)})`);
  },
  abs: (a) => (arity('abs', a, 1), Math.abs(num('abs', a[0]))),
  ceil: (a) => (arity('ceil', a, 1), Math.ceil(num('ceil', a[0]))),
  floor: (a) => (arity('floor', a, 1), Math.floor(num('floor', a[0]))),
  round(a) {
    arity('round', a, 1);
    const n = num('round', a[0]);
    // Go's math.Round: halves away from zero
    return Math.sign(n) * Math.round(Math.abs(n));
  },
  max(a) {
    const ns = numbers('max', a);
    // folded, not spread: a million numbers as arguments overflow the stack
    return ns.length === 0 ? fail('not enough arguments to call max') : ns.reduce((m, x) => Math.max(m, x));
  },
  min(a) {
    const ns = numbers('min', a);
    return ns.length === 0 ? fail('not enough arguments to call min') : ns.reduce((m, x) => Math.min(m, x));
  },
  sum(a) {
    arity('sum', a, 1, 2);
    const items = arr('sum', a[0]);
    const f = a[1] === undefined ? undefined : fn('sum', a[1]);
    let total = 0;
    items.forEach((x, i) => (total += num('sum', f === undefined ? x : f(x, i))));
    return total;
  },
  mean(a) {
    const ns = numbers('mean', a);
    return ns.length === 0 ? 0 : ns.reduce((x, y) => x + y, 0) / ns.length;
  },
  median(a) {
    const ns = numbers('median', a).sort((x, y) => x - y);
    if (ns.length === 0) return 0;
    const h = ns.length >> 1;
    return ns.length % 2 === 1 ? ns[h] : (ns[h - 1]! + ns[h]!) / 2;
  },
  int(a) {
    arity('int', a, 1);
    const v = a[0];
    if (typeof v === 'number') return Math.trunc(v);
    if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number(v) : fail(`invalid operation: int(${v})`);
    return fail(`invalid operation: int(${typeOf(v)})`);
  },
  float(a) {
    arity('float', a, 1);
    const v = a[0];
    if (typeof v === 'number') return v;
    if (typeof v === 'string') {
      const n = parseGoFloat(v);
      return n === undefined ? fail(`invalid operation: float(${v})`) : n;
    }
    return fail(`invalid operation: float(${typeOf(v)})`);
  },
  string: (a) => (arity('string', a, 1), display(a[0])),
  type(a) {
    arity('type', a, 1);
    const v = a[0];
    if (v === null || v === undefined) return 'nil';
    if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
    if (typeof v === 'boolean') return 'bool';
    if (typeof v === 'string') return 'string';
    if (Array.isArray(v)) return 'array';
    if (v instanceof Map) return 'map';
    return 'func';
  },
  // byte strings: ASCII letters only
  upper: (a) => (arity('upper', a, 1), str('upper', a[0]).replace(/[a-z]/g, (c) => c.toUpperCase())),
  lower: (a) => (arity('lower', a, 1), str('lower', a[0]).replace(/[A-Z]/g, (c) => c.toLowerCase())),
  trim: (a) => (arity('trim', a, 1, 2), trimSet(str('trim', a[0]), a[1] === undefined ? ' \t\n\v\f\r' : str('trim', a[1]), true, true)),
  trimPrefix(a) {
    arity('trimPrefix', a, 1, 2);
    const s = str('trimPrefix', a[0]);
    const p = a[1] === undefined ? ' ' : str('trimPrefix', a[1]);
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix(a) {
    arity('trimSuffix', a, 1, 2);
    const s = str('trimSuffix', a[0]);
    const p = a[1] === undefined ? ' ' : str('trimSuffix', a[1]);
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  split(a) {
    arity('split', a, 2, 3);
    const s = str('split', a[0]);
    const sep = str('split', a[1]);
    const n = a[2] === undefined ? -1 : num('split', a[2]);
    if (n === 0) return [];
    const parts = sep === '' ? [...s] : s.split(sep);
    if (n < 0 || parts.length <= n) return parts;
    return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
  },
  splitAfter(a) {
    arity('splitAfter', a, 2, 3);
    const s = str('splitAfter', a[0]);
    const sep = str('splitAfter', a[1]);
    const n = a[2] === undefined ? -1 : num('splitAfter', a[2]);
    if (n === 0) return [];
    // Go's strings.SplitAfter(N): each part keeps its separator
    const parts: string[] = [];
    let rest = s;
    while ((n < 0 || parts.length < n - 1) && sep !== '' && rest.includes(sep)) {
      const at = rest.indexOf(sep) + sep.length;
      parts.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    if (sep === '') return [...s].slice(0, n < 0 ? undefined : n);
    parts.push(rest);
    return parts;
  },
  replace(a) {
    arity('replace', a, 3);
    return str('replace', a[0]).split(str('replace', a[1])).join(str('replace', a[2]));
  },
  repeat(a) {
    arity('repeat', a, 2);
    const s = str('repeat', a[0]);
    const n = num('repeat', a[1]);
    if (n < 0) return fail('strings: negative Repeat count');
    if (s.length * n > MEMORY_BUDGET) return fail('memory budget exceeded');
    return s.repeat(n);
  },
  indexOf: (a) => (arity('indexOf', a, 2), str('indexOf', a[0]).indexOf(str('indexOf', a[1]))),
  lastIndexOf: (a) => (arity('lastIndexOf', a, 2), str('lastIndexOf', a[0]).lastIndexOf(str('lastIndexOf', a[1]))),
  hasPrefix: (a) => (arity('hasPrefix', a, 2), str('hasPrefix', a[0]).startsWith(str('hasPrefix', a[1]))),
  hasSuffix: (a) => (arity('hasSuffix', a, 2), str('hasSuffix', a[0]).endsWith(str('hasSuffix', a[1]))),
  join(a) {
    arity('join', a, 1, 2);
    return arr('join', a[0]).map((x) => str('join', x)).join(a[1] === undefined ? '' : str('join', a[1]));
  },
  keys: (a) => (arity('keys', a, 1), [...map('keys', a[0]).keys()]),
  values: (a) => (arity('values', a, 1), [...map('values', a[0]).values()]),
  first: (a) => (arity('first', a, 1), arr('first', a[0])[0] ?? null),
  last(a) {
    arity('last', a, 1);
    const xs = arr('last', a[0]);
    return xs[xs.length - 1] ?? null;
  },
  reverse: (a) => (arity('reverse', a, 1), [...arr('reverse', a[0])].reverse()),
  sort: (a) => (arity('sort', a, 1, 2), sorted('sort', arr('sort', a[0]), a[1], (x) => x)),
  uniq(a) {
    arity('uniq', a, 1);
    const out: unknown[] = [];
    // scalars through a set (a scan of what was kept made uniq(1..1000000) quadratic: hours); arrays and maps by equal
    const seen = new Set<unknown>();
    const composite: unknown[] = [];
    for (const x of arr('uniq', a[0])) {
      const scalar = x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && x === x);
      if (scalar ? seen.has(x) : composite.some((y) => equal(x, y))) continue;
      if (scalar) seen.add(x);
      else composite.push(x);
      out.push(x);
    }
    return out;
  },
  concat(a) {
    const out: unknown[] = [];
    for (const x of a) {
      const xs = arr('concat', x);
      if (out.length + xs.length > MEMORY_BUDGET) return fail('memory budget exceeded');
      for (const y of xs) out.push(y);
    }
    return out;
  },
  flatten(a) {
    arity('flatten', a, 1);
    const out: unknown[] = [];
    const walk = (xs: unknown[]): void => {
      for (const x of xs) Array.isArray(x) ? walk(x) : out.push(x);
    };
    walk(arr('flatten', a[0]));
    return out;
  },
  take(a) {
    arity('take', a, 2);
    const xs = arr('take', a[0]);
    const n = a[1];
    if (typeof n !== 'number' || !Number.isInteger(n)) return fail(`cannot take ${typeOf(n)} elements`);
    return xs.slice(0, Math.max(0, Math.min(n, xs.length)));
  },
  toPairs: (a) => (arity('toPairs', a, 1), [...map('toPairs', a[0])].map(([k, v]) => [k, v])),
  fromPairs(a) {
    arity('fromPairs', a, 1);
    const out = new Map<unknown, unknown>();
    for (const p of arr('fromPairs', a[0])) {
      if (!Array.isArray(p)) return fail(`invalid pair ${display(p)}`);
      if (p.length !== 2) return fail(`invalid pair length ${display(p)}`);
      out.set(p[0], p[1]);
    }
    return out;
  },
  get(a) {
    arity('get', a, 2);
    const [obj, key] = a;
    if (Array.isArray(obj) && typeof key === 'number') return obj[key < 0 ? obj.length + key : key] ?? null;
    if (obj instanceof Map) return obj.get(key) ?? null;
    return null;
  },
  toJSON(a) {
    arity('toJSON', a, 1);
    // expr-lang indents with two spaces
    return textToLua(JSON.stringify(toJsonValue(a[0]), null, 2));
  },
  fromJSON(a) {
    arity('fromJSON', a, 1);
    try {
      return fromJsonValue(JSON.parse(luaToText(str('fromJSON', a[0]))));
    } catch (e) {
      if (e instanceof ExprRuntimeError) throw e;
      // nesting past the JS stack: Go's decoder stops at 10000 levels with this message, not V8's wording
      if (e instanceof RangeError) return fail('exceeded max depth');
      return fail(`invalid JSON: ${(e as Error).message}`);
    }
  },
  toBase64: (a) => (arity('toBase64', a, 1), Buffer.from(str('toBase64', a[0]), 'latin1').toString('base64')),
  fromBase64(a) {
    arity('fromBase64', a, 1);
    const s = str('fromBase64', a[0]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return fail('illegal base64 data');
    return Buffer.from(s, 'base64').toString('latin1');
  },
  // bitwise, on Go's 64-bit ints
  bitand: (a) => bits('bitand', a, (x, y) => x & y),
  bitor: (a) => bits('bitor', a, (x, y) => x | y),
  bitxor: (a) => bits('bitxor', a, (x, y) => x ^ y),
  bitnand: (a) => bits('bitnand', a, (x, y) => x & ~y),
  bitshl: (a) => bits('bitshl', a, (x, y) => x << y),
  bitshr: (a) => bits('bitshr', a, (x, y) => x >> y),
  bitushr: (a) => bits('bitushr', a, (x, y) => BigInt.asUintN(64, x) >> y),
  bitnot(a) {
    arity('bitnot', a, 1);
    return Number(BigInt.asIntN(64, ~int64('bitnot', a[0])));
  },
  // predicates
  all: (a) => (arity('all', a, 2), arr('all', a[0]).every((x, i) => bool('all', fn('all', a[1])(x, i)))),
  any: (a) => (arity('any', a, 2), arr('any', a[0]).some((x, i) => bool('any', fn('any', a[1])(x, i)))),
  none: (a) => (arity('none', a, 2), !arr('none', a[0]).some((x, i) => bool('none', fn('none', a[1])(x, i)))),
  one: (a) => (arity('one', a, 2), arr('one', a[0]).filter((x, i) => bool('one', fn('one', a[1])(x, i))).length === 1),
  filter: (a) => (arity('filter', a, 2), arr('filter', a[0]).filter((x, i) => bool('filter', fn('filter', a[1])(x, i)))),
  map: (a) => (arity('map', a, 2), arr('map', a[0]).map((x, i) => fn('map', a[1])(x, i))),
  count(a) {
    arity('count', a, 1, 2);
    const xs = arr('count', a[0]);
    if (a[1] === undefined) return xs.filter((x) => bool('count', x)).length;
    return xs.filter((x, i) => bool('count', fn('count', a[1])(x, i))).length;
  },
  find(a) {
    arity('find', a, 2);
    return arr('find', a[0]).find((x, i) => bool('find', fn('find', a[1])(x, i))) ?? null;
  },
  findIndex: (a) => (arity('findIndex', a, 2), arr('findIndex', a[0]).findIndex((x, i) => bool('findIndex', fn('findIndex', a[1])(x, i)))),
  findLast(a) {
    arity('findLast', a, 2);
    const xs = arr('findLast', a[0]);
    for (let i = xs.length - 1; i >= 0; i--) if (bool('findLast', fn('findLast', a[1])(xs[i], i))) return xs[i];
    return null;
  },
  findLastIndex(a) {
    arity('findLastIndex', a, 2);
    const xs = arr('findLastIndex', a[0]);
    for (let i = xs.length - 1; i >= 0; i--) if (bool('findLastIndex', fn('findLastIndex', a[1])(xs[i], i))) return i;
    return -1;
  },
  groupBy(a) {
    arity('groupBy', a, 2);
    const out = new Map<unknown, unknown[]>();
    arr('groupBy', a[0]).forEach((x, i) => {
      const k = fn('groupBy', a[1])(x, i);
      const g = out.get(k);
      if (g === undefined) out.set(k, [x]);
      else g.push(x);
    });
    return out;
  },
  sortBy(a) {
    arity('sortBy', a, 2, 3);
    const f = fn('sortBy', a[1]);
    const xs = arr('sortBy', a[0]);
    return sorted('sortBy', xs, a[2], (x) => f(x, xs.indexOf(x)));
  },
  reduce(a) {
    arity('reduce', a, 2, 3);
    const xs = arr('reduce', a[0]);
    const f = fn('reduce', a[1]);
    if (xs.length === 0 && a[2] === undefined) return fail('reduce of empty array with no initial value');
    let acc = a[2] === undefined ? xs[0] : a[2];
    for (let i = a[2] === undefined ? 1 : 0; i < xs.length; i++) acc = f(xs[i], i, acc);
    return acc;
  },
};

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(Object.entries(B));
