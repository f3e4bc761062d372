// How string.format's %s turns any value into text. The base library installs the real `tostring` (with
// __tostring and __name handling) through setToStringHook; until then a basic conversion is used.
import { call1 } from '../../core/call.js';
import { luaError } from '../../core/errors.js';
import { getMetamethod } from '../../core/meta.js';
import { numberToString } from '../../core/number-format.js';
import { typeName } from '../../core/value.js';

const addresses = new WeakMap<object, number>();
let nextAddress = 0x1000;

function addressOf(v: object): string {
  let a = addresses.get(v);
  if (a === undefined) {
    a = nextAddress;
    nextAddress += 0x20;
    addresses.set(v, a);
  }
  return `0x${a.toString(16).padStart(8, '0')}`;
}

/** tostring() without the base library: __tostring, else "type: 0x...". */
export function basicToString(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberToString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'nil';
  }
  const h = getMetamethod(v, '__tostring');
  if (h !== undefined) {
    const r = call1(h, v);
    if (typeof r === 'string') return r;
    if (typeof r === 'number') return numberToString(r);
    throw luaError("'__tostring' must return a string");
  }
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

let hook: (v: unknown) => string = basicToString;

export function setToStringHook(fn: (v: unknown) => string): void {
  hook = fn;
}

/** tostring(v) as the string library sees it. */
export function luaToString(v: unknown): string {
  return typeof v === 'string' ? v : hook(v);
}
