// Decoding Lua string literals from their raw source text into byte strings (one JS char per byte), with the escapes
// Lua 5.1 and Wippy's lexer accept: \a \b \f \n \r \t \v \\ \" \' \ddd and backslash-newline; any other escaped
// character stands for itself (no \x, \z or \u{} in Wippy's lexer, spec §1.2). Long strings drop a first newline and
// turn every newline sequence into "\n", as llex.c does.

/** An escape Lua rejects: `offset` is the source offset of its backslash, `length` covers the escape. */
export class EscapeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** The bytes of a string literal; `at` is the source offset of `raw`, where a rejected escape is reported. */
export function decodeStringLiteral(raw: string, at = 0): string {
  const q = raw.charCodeAt(0);
  if (q === 91 /* [ */) return decodeLongString(raw);
  const body = raw.slice(1, -1);
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const bs = body.indexOf('\\', i);
    if (bs < 0) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, bs);
    const c = body[bs + 1]!;
    i = bs + 2;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
    } else if (c === '\n' || c === '\r') {
      out += '\n';
      const next = body[i];
      if (next !== undefined && (next === '\n' || next === '\r') && next !== c) i++;
    } else if (c >= '0' && c <= '9') {
      let j = bs + 1;
      let v = 0;
      while (j < body.length && j < bs + 4 && body[j]! >= '0' && body[j]! <= '9') {
        v = v * 10 + (body.charCodeAt(j) - 48);
        j++;
      }
      // `bs` counts within the body, one past the opening quote
      if (v > 255) throw new EscapeError('escape sequence too large', at + 1 + bs, j - bs);
      out += String.fromCharCode(v);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

function decodeLongString(raw: string): string {
  let level = 0;
  while (raw[1 + level] === '=') level++;
  let body = raw.slice(level + 2, raw.length - level - 2);
  if (body.startsWith('\r\n') || body.startsWith('\n\r')) body = body.slice(2);
  else if (body[0] === '\n' || body[0] === '\r') body = body.slice(1);
  if (body.indexOf('\r') >= 0) body = body.replace(/\r\n|\n\r|\r/g, '\n');
  return body;
}
