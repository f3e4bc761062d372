// Lua value -> JSON text, as Wippy's json.encode decides (runtime/lua/modules/json/json.go), shared by the json
// module and payload transcoding. Tables are read raw (no metamethods):
// - only positive integer keys: an array, which must have every key 1..max (a hole is the "sparse array" error);
// - any other key (string, float, zero or negative number, boolean, table...): an object, and a table with both kinds
//   is the "mixed-key" error; float, zero and negative keys are written in fixed notation, booleans as "true"/"false",
//   keys of other types are left out;
// - an empty table is `[]` (Wippy: `{}` only when its hash part was ever allocated, which here means a non-string key
//   was once stored in it);
// - a table reached again while it is being encoded is the "recursively nested" error, and nesting beyond 128 levels
//   the "maximum nesting depth" error;
// - an error value encodes as its text, every other non-data value (function, userdata, thread) as null.
// Key order is the table's own (Wippy's is Go map order, which is random).
import { LuaTable } from '../../../core/table.js';
import { ARR, HASH } from '../../../core/symbols.js';
import { LuaErrorValue, errorText } from '../errors.js';
import { fixedShortest, nestedNumberText, topNumberText } from './number-text.js';
import { jsonStringText } from './string-text.js';

const MAX_DEPTH = 128;

/** Why a value cannot be encoded; `message` is the text Wippy's error carries. */
export class JsonEncodeError extends Error {}

// json.Marshal wraps what jsonValue.MarshalJSON returns in a *json.MarshalerError, whose text Wippy's error keeps.
const MARSHALER = 'json: error calling MarshalJSON for type *json.jsonValue: ';
const NESTED = 'cannot encode recursively nested tables to JSON';
const SPARSE = 'cannot encode sparse array: non-contiguous numeric keys found';
const MIXED = 'cannot encode mixed-key table: table has both numeric and non-numeric keys';
const DEPTH = 'exceeded maximum nesting depth for JSON encoding';

class Encoder {
  /** tables on the path from the root to the one being written */
  private readonly open = new Set<LuaTable>();

  value(v: unknown, depth: number): string {
    switch (typeof v) {
      case 'string':
        return jsonStringText(v);
      case 'number':
        return nestedNumberText(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'undefined':
        return 'null';
      default:
        break;
    }
    if (depth + 1 > MAX_DEPTH) throw new JsonEncodeError(DEPTH);
    if (v instanceof LuaTable) return this.table(v, depth + 1);
    if (v instanceof LuaErrorValue) return jsonStringText(errorText(v));
    return 'null';
  }

  table(t: LuaTable, depth: number): string {
    if (this.open.has(t)) throw new JsonEncodeError(NESTED);
    const arr = t[ARR];
    const h = t[HASH];
    const strKeys = Object.keys(t);
    let numeric = 0; // positive integer keys
    let maxKey = 0;
    let other = strKeys.length > 0;
    for (let i = 0; i < arr.length; i++) if (arr[i] !== undefined) numeric++;
    if (numeric > 0) maxKey = arr.length;
    if (h !== undefined) {
      for (const k of h.keys()) {
        if (typeof k === 'number' && k > 0 && Number.isInteger(k)) {
          numeric++;
          if (k > maxKey) maxKey = k;
        } else other = true;
      }
    }
    if (numeric === 0 && !other) return h !== undefined ? '{}' : '[]';
    if (numeric > 0 && other) throw new JsonEncodeError(MIXED);
    this.open.add(t);
    let out: string;
    if (other) out = this.object(t, strKeys, h, depth);
    else {
      if (numeric !== maxKey) throw new JsonEncodeError(SPARSE);
      out = '[';
      for (let i = 0; i < maxKey; i++) {
        if (i > 0) out += ',';
        out += this.value(i < arr.length ? arr[i] : h!.get(i + 1), depth);
      }
      out += ']';
    }
    this.open.delete(t);
    return out;
  }

  object(t: LuaTable, strKeys: string[], h: Map<unknown, unknown> | undefined, depth: number): string {
    let out = '{';
    let first = true;
    for (const k of strKeys) {
      out += `${first ? '' : ','}${jsonStringText(k)}:${this.value(t[k], depth)}`;
      first = false;
    }
    if (h !== undefined) {
      for (const [k, v] of h) {
        let key: string;
        if (typeof k === 'number') key = Number.isFinite(k) ? fixedShortest(k === 0 ? 0 : k) : k > 0 ? '+Inf' : '-Inf';
        else if (typeof k === 'boolean') key = k ? 'true' : 'false';
        else continue;
        out += `${first ? '' : ','}${jsonStringText(key)}:${this.value(v, depth)}`;
        first = false;
      }
    }
    return `${out}}`;
  }
}

/** `v` as JSON text (a byte string holding UTF-8); throws JsonEncodeError with Wippy's message. */
export function encodeJson(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return jsonStringText(v);
    case 'number':
      return topNumberText(v);
    default:
      break;
  }
  try {
    if (v instanceof LuaTable) return new Encoder().table(v, 0);
  } catch (e) {
    if (e instanceof JsonEncodeError) throw new JsonEncodeError(MARSHALER + e.message);
    throw e;
  }
  return new Encoder().value(v, -1);
}
