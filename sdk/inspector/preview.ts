// Short renderings of Lua values for the inspector (message payloads, context values, exit values): Lua-like text,
// at most PREVIEW_BYTES, walking tables without their metatables: the inspector never runs Lua code (a __tostring or
// __pairs could block, raise, or change the process's state from outside it).
import { LuaTable, numberToString, tableNext } from '../../runtime/index.js';
import { errorText, isLuaErrorValue, Payload } from '../../runtime/process/index.js';

export const PREVIEW_BYTES = 120;
/** How deep tables are opened. */
const DEPTH = 3;

class Full extends Error {}

/** The preview of `v` (a Lua string's bytes are shown as latin1 text, quoted). */
export function preview(v: unknown): string {
  const out: string[] = [];
  let len = 0;
  const put = (s: string): void => {
    if (len + s.length > PREVIEW_BYTES) {
      out.push(s.slice(0, PREVIEW_BYTES - len));
      len = PREVIEW_BYTES;
      throw new Full();
    }
    out.push(s);
    len += s.length;
  };
  try {
    write(v, put, DEPTH);
  } catch (e) {
    if (!(e instanceof Full)) return '?';
    return `${out.join('')}…`;
  }
  return out.join('');
}

function write(v: unknown, put: (s: string) => void, depth: number): void {
  switch (typeof v) {
    case 'string':
      put(JSON.stringify(v));
      return;
    case 'number':
      put(numberToString(v));
      return;
    case 'boolean':
      put(v ? 'true' : 'false');
      return;
    case 'undefined':
      put('nil');
      return;
    case 'function':
      put('function');
      return;
    default:
  }
  if (Array.isArray(v)) {
    // several payloads of one message
    v.forEach((x, i) => {
      if (i > 0) put(', ');
      write(x, put, depth);
    });
    return;
  }
  if (v instanceof Payload) {
    write(v.data, put, depth);
    return;
  }
  if (isLuaErrorValue(v)) {
    put(`error(${JSON.stringify(errorText(v))})`);
    return;
  }
  if (v instanceof LuaTable) {
    if (depth === 0) {
      put('{…}');
      return;
    }
    put('{');
    const out: unknown[] = [undefined];
    let k = tableNext(v, undefined, out);
    let i = 1;
    let first = true;
    while (k !== undefined) {
      if (!first) put(', ');
      first = false;
      if (k === i) i++;
      else if (typeof k === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) put(`${k}=`);
      else {
        put('[');
        write(k, put, 0);
        put(']=');
      }
      write(out[0], put, depth - 1);
      k = tableNext(v, k, out);
    }
    put('}');
    return;
  }
  put(v === null ? 'nil' : 'userdata');
}
