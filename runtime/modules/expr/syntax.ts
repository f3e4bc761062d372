// The syntax of expr-lang (https://expr-lang.org, the library Wippy's expr module runs: wippyai/runtime
// runtime/lua/modules/expr/module.go), tokens and tree, for the subset moonforge evaluates: literals (integers in
// decimal, hex, octal and binary with `_` separators; floats; strings in "..." '...' and `raw`; true, false, nil;
// arrays and maps), variables, member access (`a.b`, `a?.b`, `a["b"]`, `a[0]`, slices `a[1:3]`), calls of the
// builtins, unary `not ! - +`, binary operators by expr-lang's precedence, `? :`, `??`, ranges `1..3`, and
// predicates (`all(xs, # > 0)`, `map(xs, {.name})`). Everything else is a syntax error with its position.

export type Node =
  | { k: 'lit'; v: unknown; at: number }
  | { k: 'var'; name: string; at: number }
  | { k: 'pointer'; name: string; at: number }
  | { k: 'array'; items: Node[]; at: number }
  | { k: 'map'; entries: Array<[Node, Node]>; at: number }
  | { k: 'member'; obj: Node; prop: Node; optional: boolean; at: number }
  | { k: 'slice'; obj: Node; from: Node | undefined; to: Node | undefined; at: number }
  | { k: 'call'; name: string; args: Node[]; at: number }
  | { k: 'unary'; op: string; arg: Node; at: number }
  | { k: 'binary'; op: string; left: Node; right: Node; at: number }
  | { k: 'cond'; test: Node; yes: Node; no: Node; at: number }
  | { k: 'predicate'; body: Node; at: number };

export interface Token {
  t: 'num' | 'str' | 'ident' | 'op' | 'eof';
  v: string;
  /** the number's value */
  n?: number;
  at: number;
}

/** A syntax error at a character offset; the message is completed with the position and the source line. */
export class ExprSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly at: number,
  ) {
    super(reason);
  }
}

// longest first, so `**` is not read as `*` `*`
const OPERATORS = ['?.', '??', '...', '..', '**', '==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '^', '<', '>', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}', '#', '|', '=', ';'];

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new ExprSyntaxError('unterminated comment', i);
      i = end + 2;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      i = number(src, i, out);
      continue;
    }
    if (c === '"' || c === "'") {
      i = quoted(src, i, out);
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new ExprSyntaxError('literal not terminated', i);
      out.push({ t: 'str', v: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ t: 'ident', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new ExprSyntaxError(`unrecognized character: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`, i);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  out.push({ t: 'eof', v: '', at: src.length });
  return out;
}

function number(src: string, i: number, out: Token[]): number {
  const rest = src.slice(i);
  const based = /^0([xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)/.exec(rest);
  if (based !== null) {
    const digits = based[1]!.slice(1).replace(/_/g, '');
    const radix = { x: 16, o: 8, b: 2 }[based[1]![0]!.toLowerCase() as 'x' | 'o' | 'b'];
    out.push({ t: 'num', v: based[0], n: parseInt(digits, radix), at: i });
    return i + based[0].length;
  }
  // a `..` after digits is a range, not a fraction
  const m = /^([0-9][0-9_]*)?(\.(?!\.)[0-9_]*)?([eE][+-]?[0-9]+)?/.exec(rest)!;
  const text = m[0];
  const n = Number(text.replace(/_/g, ''));
  if (Number.isNaN(n)) throw new ExprSyntaxError(`invalid number literal: ${text}`, i);
  out.push({ t: 'num', v: text, n, at: i });
  return i + text.length;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', '"': '"', "'": "'" };

function quoted(src: string, i: number, out: Token[]): number {
  const q = src[i]!;
  let s = '';
  let j = i + 1;
  for (;;) {
    if (j >= src.length || src[j] === '\n') throw new ExprSyntaxError('literal not terminated', i);
    const c = src[j]!;
    if (c === q) break;
    if (c !== '\\') {
      s += c;
      j++;
      continue;
    }
    const e = src[j + 1] ?? '';
    if (e in ESCAPES) {
      s += ESCAPES[e];
      j += 2;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(j + 2, j + 4))) {
      s += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16));
      j += 4;
    } else if ((e === 'u' || e === 'U') && /^[0-9a-fA-F]+$/.test(src.slice(j + 2, j + (e === 'u' ? 6 : 10)))) {
      const len = e === 'u' ? 4 : 8;
      // the string is a byte string: the code point goes in as its UTF-8 bytes
      s += Buffer.from(String.fromCodePoint(parseInt(src.slice(j + 2, j + 2 + len), 16)), 'utf8').toString('latin1');
      j += 2 + len;
    } else if (/^[0-7]{3}$/.test(src.slice(j + 1, j + 4))) {
      s += String.fromCharCode(parseInt(src.slice(j + 1, j + 4), 8) & 0xff);
      j += 4;
    } else throw new ExprSyntaxError('invalid char escape', j);
  }
  out.push({ t: 'str', v: s, at: i });
  return j + 1;
}

/**
 * Binary operators and their precedence (expr-lang parser/operator/operator.go); `**` and `^` bind to the right.
 * `not in`, `not contains`, `not matches`, `not startsWith`, `not endsWith` are the negations, at the same level.
 */
export const NEGATABLE = new Set(['in', 'contains', 'matches', 'startsWith', 'endsWith']);

export const BINARY: Record<string, number> = {
  '|': 0,
  or: 10,
  '||': 10,
  and: 15,
  '&&': 15,
  '==': 20,
  '!=': 20,
  '<': 20,
  '>': 20,
  '>=': 20,
  '<=': 20,
  in: 20,
  matches: 20,
  contains: 20,
  startsWith: 20,
  endsWith: 20,
  '..': 25,
  '+': 30,
  '-': 30,
  '*': 60,
  '/': 60,
  '%': 60,
  '**': 100,
  '^': 100,
  '??': 500,
};
