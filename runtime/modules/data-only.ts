// A Lua value as data only, for what modules hand to processes that did not ask the writer for it: a store's values
// (every process reads the store) and the data of an event (every subscriber gets it). Wippy converts both to Go
// values (store: payload golang/any; events.send: value.ToGoAny), where a function, a coroutine or a userdata becomes
// its text (`function: 0x...`) and a metatable is not kept. Copied as messages are (process/copy.ts), a function would
// be handed by reference to every reader, its upvalues shared between processes, and a metatable's __index would run
// the writer's code inside whichever process indexes the value, as that process. Tables are copied with their cycles
// (moonforge keeps those, as for messages); error values are kept (immutable), payloads with their data made the
// same way.
import { LuaTable, rawset } from '../core/table.js';
import { ARR, HASH } from '../core/symbols.js';
import { addressOf } from '../core/tostring.js';
import { typeName } from '../core/value.js';
import { isLuaErrorValue } from '../lib/wippy/errors.js';
import { Payload, PAYLOAD_FORMATS } from '../lib/wippy/payload.js';

/** A fresh copy of `v` holding data only (see above). */
export function dataOnly(v: unknown, seen?: Map<LuaTable, LuaTable>): unknown {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'number':
    case 'string':
      return v;
    default:
      break;
  }
  if (v instanceof LuaTable) return dataTable(v, seen ?? new Map());
  if (isLuaErrorValue(v)) return v;
  if (v instanceof Payload) return v.format === PAYLOAD_FORMATS.LUA ? new Payload(v.format, dataOnly(v.data, seen)) : v;
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function dataTable(t: LuaTable, seen: Map<LuaTable, LuaTable>): LuaTable {
  const done = seen.get(t);
  if (done !== undefined) return done;
  const out = new LuaTable();
  seen.set(t, out);
  const arr = t[ARR];
  if (arr.length > 0) out[ARR] = arr.map((x) => dataOnly(x, seen));
  for (const k of Object.keys(t)) out[k] = dataOnly(t[k], seen);
  const h = t[HASH];
  if (h !== undefined) for (const [k, x] of h) rawset(out, dataOnly(k, seen), dataOnly(x, seen));
  return out;
}
