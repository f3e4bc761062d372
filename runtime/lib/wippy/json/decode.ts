// JSON text -> Lua value, as Wippy's json.decode (runtime/lua/modules/json/decode_v1.go), shared by the json module
// and payload transcoding: null is nil (an array keeps the hole, an object drops the key), numbers are numbers,
// arrays are 1-based tables, objects tables with string keys; a value nested deeper than 128 levels is an error.
// The text is a byte string holding UTF-8; strings come back as byte strings (invalid UTF-8 inside a string becomes
// U+FFFD, as Go's decoder does); a number too large for a double stays a string of its digits. V8's JSON.parse
// does the parsing; go-scanner.ts words a failure as Go does and finds the numbers that overflow.
import { LuaTable, tableFromArray } from '../../../core/table.js';
import { luaToText, textToLua } from '../../lua-text.js';
import { goJsonSyntax, quoteOverflowingNumbers } from './go-scanner.js';

const MAX_DEPTH = 128;

/** Why a text cannot be decoded; `message` is the text Wippy's error carries. */
export class JsonDecodeError extends Error {}

/** A number JSON.parse made infinite: the text is decoded again with such numbers as strings. */
class Overflow {}

const NON_ASCII = /[\u0080-\uffff]/;

/** The decoded value as Lua's; `ascii`: every decoded string is ASCII, so none needs converting back to bytes. */
function toLua(v: unknown, depth: number, ascii: boolean): unknown {
  if (depth > MAX_DEPTH) throw new JsonDecodeError('json: maximum nesting depth exceeded');
  switch (typeof v) {
    case 'string':
      return ascii ? v : textToLua(v);
    case 'number':
      if (v - v !== 0) throw new Overflow(); // an infinity: a literal too large for a double
      return v;
    case 'boolean':
      return v;
    default:
      break;
  }
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    const items = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) items[i] = toLua(v[i], depth + 1, ascii);
    return tableFromArray(items);
  }
  const o = v as Record<string, unknown>;
  const t = new LuaTable();
  for (const k in o) {
    const x = toLua(o[k], depth + 1, ascii);
    if (x !== undefined) t[ascii ? k : textToLua(k)] = x;
  }
  return t;
}

/** Decodes the first JSON value of `text` (a byte string); throws JsonDecodeError with Wippy's message. */
export function decodeJson(text: string): unknown {
  const plain = !NON_ASCII.test(text);
  // a \u escape can make a non-ASCII string out of ASCII text
  const ascii = plain && text.indexOf('\\u') < 0;
  const src = plain ? text : luaToText(text);
  let parsed: unknown;
  let body = src;
  try {
    parsed = JSON.parse(src);
  } catch {
    // Go's decoder reads the first value only: text after a complete value is not an error there
    const r = goJsonSyntax(text);
    if (r.error !== undefined) throw new JsonDecodeError(r.error);
    const first = text.slice(0, r.end);
    body = plain ? first : luaToText(first);
    parsed = JSON.parse(body);
  }
  try {
    return toLua(parsed, 0, ascii);
  } catch (e) {
    if (!(e instanceof Overflow)) throw e;
    return toLua(JSON.parse(quoteOverflowingNumbers(body)), 0, ascii);
  }
}
