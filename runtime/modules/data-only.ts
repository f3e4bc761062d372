// A Lua value as data only, for what modules hand to processes that did not ask the writer for it: a store's values
// (every process reads the store) and the data of an event (every subscriber gets it). Wippy converts both to Go
// values (store: payload golang/any; events.send: value.ToGoAny), where a function, a coroutine or a userdata becomes
// its text (`function: 0x...`) and a metatable is not kept. Copied as messages are (process/copy.ts), a function would
// be handed by reference to every reader, its upvalues shared between processes, and a metatable's __index would run
// the writer's code inside whichever process indexes the value, as that process. Tables are copied with their cycles
// (moonforge keeps those, as for messages); error values are kept (immutable), payloads with their data made the
// same way.
import { LuaTable, ownStringKeys, rawset } from '../core/table.js';
import { ARR, HASH } from '../core/symbols.js';
import { addressOf } from '../core/tostring.js';
import { typeName } from '../core/value.js';
import { isLuaErrorValue } from '../lib/wippy/errors.js';
import { Payload, PAYLOAD_FORMATS } from '../lib/wippy/payload.js';

/** A copy under way: the tables already copied (cycles), and how many values the copy holds so far. */
interface Copy {
  seen: Map<LuaTable, LuaTable>;
  cells: number;
}

/** A fresh copy of `v` holding data only (see above). */
export function dataOnly(v: unknown): unknown {
  return copy(v, { seen: new Map(), cells: 0 });
}

/** dataOnly, and how many values (table slots) the copy holds: what copying it again costs. */
export function dataOnlySized(v: unknown): { value: unknown; cells: number } {
  const c: Copy = { seen: new Map(), cells: 0 };
  return { value: copy(v, c), cells: c.cells };
}

function copy(v: unknown, c: Copy): unknown {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'number':
    case 'string':
      return v;
    default:
      break;
  }
  if (v instanceof LuaTable) return copyTable(v, c);
  if (isLuaErrorValue(v)) return v;
  if (v instanceof Payload) return v.format === PAYLOAD_FORMATS.LUA ? new Payload(v.format, copy(v.data, c)) : v;
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function copyTable(t: LuaTable, c: Copy): LuaTable {
  const done = c.seen.get(t);
  if (done !== undefined) return done;
  const out = new LuaTable();
  c.seen.set(t, out);
  c.cells++;
  const arr = t[ARR];
  if (arr.length > 0) {
    out[ARR] = arr.map((x) => copy(x, c));
    c.cells += arr.length;
  }
  for (const k of ownStringKeys(t)) {
    out[k] = copy(t[k], c);
    c.cells++;
  }
  const h = t[HASH];
  if (h !== undefined) {
    for (const [k, x] of h) rawset(out, copy(k, c), copy(x, c));
    c.cells += h.size;
  }
  return out;
}
