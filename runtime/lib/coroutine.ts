// The coroutine library (create, resume, yield, status, wrap, running); Wippy's coroutine.spawn is added by the
// process runtime. The machinery is in core/coroutine.ts.
import { LuaTable } from '../core/table.js';
import { ret1 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { typeName } from '../core/value.js';
import {
  Coroutine, create, currentCoroutine, mkY, resume, resumeY, wrap, yieldPlain, yieldY,
} from '../core/coroutine.js';

function checkFunction(f: unknown, fname: string): void {
  if (typeof f !== 'function') {
    throw luaError(`bad argument #1 to '${fname}' (function expected, got ${f === undefined ? 'no value' : typeName(f)})`);
  }
}

export function openCoroutineLib(): LuaTable {
  const t = new LuaTable();
  t.create = (f: unknown) => {
    checkFunction(f, 'create');
    return ret1(create(f));
  };
  t.resume = mkY(resume, resumeY);
  t.yield = mkY(yieldPlain, yieldY);
  t.status = (co: unknown) => {
    if (!(co instanceof Coroutine)) throw luaError(`bad argument #1 to 'status' (coroutine expected, got ${typeName(co)})`);
    return ret1(co.status);
  };
  t.wrap = (f: unknown) => {
    checkFunction(f, 'wrap');
    return ret1(wrap(f));
  };
  t.running = () => ret1(currentCoroutine());
  return t;
}
