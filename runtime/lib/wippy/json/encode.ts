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

/**
 * Whether `t` has a string key (for-in over a LuaTable sees exactly its own string keys: the prototype has none;
 * a cleared field, a key holding undefined, is none: table.ts clearStringKey).
 */
function hasStringKey(t: LuaTable): boolean {
  for (const k in t) if (t[k] !== undefined) return true;
  return false;
}

/** Writes one value, appending to `out` (a rope V8 flattens once at the end). */
class Encoder {
  out = '';
  /** tables on the path from the root to the one being written (at most 129: a scan beats a Set at these sizes) */
  private readonly open: LuaTable[] = [];

  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case 'string':
        this.out += jsonStringText(v);
        return;
      case 'number':
        this.out += nestedNumberText(v);
        return;
      case 'boolean':
        this.out += v ? 'true' : 'false';
        return;
      case 'undefined':
        this.out += 'null';
        return;
      default:
        break;
    }
    if (depth + 1 > MAX_DEPTH) throw new JsonEncodeError(DEPTH);
    if (v instanceof LuaTable) this.table(v, depth + 1);
    else this.out += v instanceof LuaErrorValue ? jsonStringText(errorText(v)) : 'null';
  }

  table(t: LuaTable, depth: number): void {
    if (this.open.includes(t)) throw new JsonEncodeError(NESTED);
    const arr = t[ARR];
    const h = t[HASH];
    // the common shapes first: a record (string keys only, or none: `[]`) and a list (an array part only)
    if (h === undefined && arr.length === 0) {
      this.open.push(t);
      this.record(t, depth);
      this.open.pop();
      return;
    }
    const strKeys = hasStringKey(t);
    if (h === undefined && !strKeys) {
      this.open.push(t);
      this.list(arr, undefined, arr.length, depth);
    } else {
      let numeric = 0; // positive integer keys
      let maxKey = 0;
      let other = strKeys;
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
      if (numeric === 0 && !other) {
        this.out += h !== undefined ? '{}' : '[]';
        return;
      }
      if (numeric > 0 && other) throw new JsonEncodeError(MIXED);
      if (numeric !== maxKey && !other) throw new JsonEncodeError(SPARSE);
      this.open.push(t);
      if (other) this.object(t, h, depth);
      else this.list(arr, h, maxKey, depth);
    }
    this.open.pop();
  }

  /** Keys 1..n from the array part, then the hash part; a hole is the sparse-array error. */
  list(arr: unknown[], h: Map<unknown, unknown> | undefined, n: number, depth: number): void {
    this.out += '[';
    for (let i = 0; i < n; i++) {
      if (i > 0) this.out += ',';
      const v = i < arr.length ? arr[i] : h!.get(i + 1);
      if (v === undefined) throw new JsonEncodeError(SPARSE);
      this.value(v, depth);
    }
    this.out += ']';
  }

  /** A table with string keys only: an object, or `[]` when it has none (one pass over the keys). */
  record(t: LuaTable, depth: number): void {
    let first = true;
    for (const k in t) {
      if (t[k] === undefined) continue;
      this.out += first ? `{${jsonStringText(k)}:` : `,${jsonStringText(k)}:`;
      this.value(t[k], depth);
      first = false;
    }
    this.out += first ? '[]' : '}';
  }

  object(t: LuaTable, h: Map<unknown, unknown> | undefined, depth: number): void {
    this.out += '{';
    let first = true;
    for (const k in t) {
      if (t[k] === undefined) continue;
      this.out += first ? jsonStringText(k) : `,${jsonStringText(k)}`;
      this.out += ':';
      this.value(t[k], depth);
      first = false;
    }
    if (h !== undefined) {
      for (const [k, v] of h) {
        let key: string;
        if (typeof k === 'number') key = Number.isFinite(k) ? fixedShortest(k === 0 ? 0 : k) : k > 0 ? '+Inf' : '-Inf';
        else if (typeof k === 'boolean') key = k ? 'true' : 'false';
        else continue;
        this.out += first ? jsonStringText(key) : `,${jsonStringText(key)}`;
        this.out += ':';
        this.value(v, depth);
        first = false;
      }
    }
    this.out += '}';
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
  const enc = new Encoder();
  try {
    if (v instanceof LuaTable) enc.table(v, 0);
    else enc.value(v, -1);
  } catch (e) {
    if (e instanceof JsonEncodeError) throw new JsonEncodeError(MARSHALER + e.message);
    throw e;
  }
  return enc.out;
}
