// The `errors` global and error values, pinned to Wippy's Lua tests (wippyai/runtime tests/app/src/test/errors/*.lua)
// and to go-lua's errorslib.go / error.go where the tests leave a detail open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  openErrorsLib,
  createError,
  isLuaErrorValue,
  ERROR_KINDS,
  errorMetatable,
  wrapError,
  errorText,
} from '../../runtime/lib/wippy/errors.js';
import { tableFromRecord, rawget, isTable, LuaTable, tableFromArray, rawlen } from '../../runtime/core/table.js';
import { typeName } from '../../runtime/core/value.js';
import { FROZEN } from '../../runtime/core/symbols.js';
import { registerChunk, unregisterChunk } from '../../runtime/core/errors.js';
import { method, meta, libCall, luaErrorOf } from '../support/library-calls.js';

const errors = openErrorsLib();
const one = (r: unknown[]): unknown => r[0];
const newErr = (arg: unknown): unknown => one(libCall(errors, 'new', arg));

describe('constants (errors/constants.lua)', () => {
  it('kinds are PascalCase strings and UNKNOWN is ""', () => {
    expect(rawget(errors, 'NOT_FOUND')).toBe('NotFound');
    expect(rawget(errors, 'ALREADY_EXISTS')).toBe('AlreadyExists');
    expect(rawget(errors, 'INVALID')).toBe('Invalid');
    expect(rawget(errors, 'PERMISSION_DENIED')).toBe('PermissionDenied');
    expect(rawget(errors, 'UNAVAILABLE')).toBe('Unavailable');
    expect(rawget(errors, 'INTERNAL')).toBe('Internal');
    expect(rawget(errors, 'CANCELED')).toBe('Canceled');
    expect(rawget(errors, 'CONFLICT')).toBe('Conflict');
    expect(rawget(errors, 'TIMEOUT')).toBe('Timeout');
    expect(rawget(errors, 'RATE_LIMITED')).toBe('RateLimited');
    expect(rawget(errors, 'UNKNOWN')).toBe('');
    expect(ERROR_KINDS.UNKNOWN).toBe('');
  });
  it('the library and the error metatable are read-only (errorslib.go: Immutable = true)', () => {
    const f = (t: LuaTable): unknown => (t as unknown as Record<symbol, unknown>)[FROZEN];
    expect(f(errors)).toBe(true);
    expect(f(errorMetatable)).toBe(true);
    expect(f(errorMetatable.__index as LuaTable)).toBe(true);
  });
});

describe('errors.new (errors/new.lua, errors/retryable.lua)', () => {
  it('from a string: kind "", retryable nil, details nil', () => {
    const e1 = newErr('simple error');
    expect(isLuaErrorValue(e1)).toBe(true);
    expect(typeName(e1)).toBe('userdata'); // go-lua error.go: Type() is LTUserData
    expect(method(e1, 'message')).toEqual(['simple error']);
    expect(method(e1, 'kind')).toEqual(['']);
    expect(method(e1, 'retryable')).toEqual([undefined]);
    expect(method(e1, 'details')).toEqual([undefined]);
  });
  it('from a table', () => {
    const e2 = newErr(
      tableFromRecord({
        message: 'not found',
        kind: 'NotFound',
        retryable: false,
        details: tableFromRecord({ resource: 'user', id: 123 }),
      }),
    );
    expect(method(e2, 'message')).toEqual(['not found']);
    expect(method(e2, 'kind')).toEqual(['NotFound']);
    expect(method(e2, 'retryable')).toEqual([false]);
    const d = one(method(e2, 'details')) as LuaTable;
    expect([d.resource, d.id]).toEqual(['user', 123]);
    expect(method(newErr(tableFromRecord({ message: 'retry', retryable: true })), 'retryable')).toEqual([true]);
  });
  it('fields of the wrong type are ignored; message is required (errorslib.go errorsNew)', () => {
    const e = newErr(tableFromRecord({ message: 'm', kind: 5, retryable: 'yes', details: 'x' }));
    expect([method(e, 'kind')[0], method(e, 'retryable')[0], method(e, 'details')[0]]).toEqual(['', undefined, undefined]);
    expect(luaErrorOf(() => libCall(errors, 'new', tableFromRecord({ kind: 'Invalid' })))).toBe(
      "bad argument #1 to 'new' (message field is required)",
    );
    expect(luaErrorOf(() => libCall(errors, 'new', tableFromRecord({ message: 5 })))).toBe(
      "bad argument #1 to 'new' (message must be a string)",
    );
    expect(luaErrorOf(() => libCall(errors, 'new', 42))).toBe("bad argument #1 to 'new' (expected string or table)");
    expect(luaErrorOf(() => libCall(errors, 'new', undefined))).toBe("bad argument #1 to 'new' (expected string or table)");
    expect(luaErrorOf(() => libCall(errors, 'new'))).toBe("bad argument #1 to 'new' (value expected)");
  });
  it('each error is a distinct value (no __eq in the metatable)', () => {
    expect(newErr('a')).not.toBe(newErr('a'));
    expect(errorMetatable.__eq).toBeUndefined();
  });
});

describe('details (errors/details.lua)', () => {
  it('nested tables are kept, a fresh table per call, only string keys', () => {
    const e = newErr(
      tableFromRecord({
        message: 'nested',
        details: tableFromRecord({ user: tableFromRecord({ name: 'test', id: 1 }), count: 5, list: tableFromArray([1, 2]) }),
      }),
    );
    const d = one(method(e, 'details')) as LuaTable;
    expect(d.count).toBe(5);
    expect((d.user as LuaTable).name).toBe('test');
    expect((d.user as LuaTable).id).toBe(1);
    // luaToGoValue keeps string keys only: an array becomes an empty table
    expect(isTable(d.list) && rawlen(d.list)).toBe(0);
    expect(one(method(e, 'details'))).not.toBe(d);
  });
  it('empty details is nil', () => {
    expect(method(newErr(tableFromRecord({ message: 'empty', details: new LuaTable() })), 'details')).toEqual([undefined]);
  });
  it('functions in details become their string form (goToLuaValue default case)', () => {
    const d = one(method(newErr(tableFromRecord({ message: 'f', details: tableFromRecord({ f: () => 0 }) })), 'details'));
    expect((d as LuaTable).f).toMatch(/^function: 0x[0-9a-f]+$/);
  });
});

describe('errors.is (errors/is.lua)', () => {
  const e = newErr(tableFromRecord({ message: 'timeout', kind: 'Timeout' }));
  it('matches the kind, rejects others, non-errors and nil', () => {
    expect(libCall(errors, 'is', e, 'Timeout')).toEqual([true]);
    expect(libCall(errors, 'is', e, 'NotFound')).toEqual([false]);
    expect(libCall(errors, 'is', 'not an error', 'Timeout')).toEqual([false]);
    expect(libCall(errors, 'is', undefined, 'Timeout')).toEqual([false]);
    expect(libCall(errors, 'is', newErr('x'), '')).toEqual([true]);
  });
  it('the kind argument is required', () => {
    expect(luaErrorOf(() => libCall(errors, 'is', e))).toBe("bad argument #2 to 'is' (string expected, got no value)");
  });
});

describe('errors.wrap (errors/wrap.lua, errors/patterns.lua)', () => {
  const inner = newErr(
    tableFromRecord({ message: 'inner error', kind: 'Invalid', retryable: true, details: tableFromRecord({ code: 42 }) }),
  );
  const outer = one(libCall(errors, 'wrap', inner, 'outer context'));
  it('keeps kind, retryable, details and the inner message', () => {
    expect(method(outer, 'kind')).toEqual(['Invalid']);
    expect(method(outer, 'retryable')).toEqual([true]);
    expect(method(outer, 'message')).toEqual(['inner error']);
    expect((one(method(outer, 'details')) as LuaTable).code).toBe(42);
  });
  it('wraps a plain string', () => {
    const w = one(libCall(errors, 'wrap', 'string error', 'context'));
    expect(method(w, 'message')).toEqual(['string error']);
    expect(method(w, 'kind')).toEqual(['']);
  });
  it('tostring is the message without the context (error.go String); a second wrap shows the first context', () => {
    expect(meta(outer, '__tostring', outer)).toEqual(['inner error']);
    const twice = one(libCall(errors, 'wrap', outer, 'again'));
    // WrapError sets Message to the wrapped error's Error(), "context: message"
    expect(method(twice, 'message')).toEqual(['outer context: inner error']);
    expect(errorText(twice as ReturnType<typeof wrapError>)).toBe('again: outer context: inner error');
  });
  it('an error as the context uses its message; other types raise', () => {
    expect(method(one(libCall(errors, 'wrap', 'x', newErr('ctx'))), 'message')).toEqual(['x']);
    expect(luaErrorOf(() => libCall(errors, 'wrap', 5, 'c'))).toBe("bad argument #1 to 'wrap' (expected string or error object)");
    expect(luaErrorOf(() => libCall(errors, 'wrap', 'x', 5))).toBe("bad argument #2 to 'wrap' (expected string or error object)");
  });
});

describe('strings (errors/strings.lua)', () => {
  const e = newErr('test error');
  const e2 = newErr('another error');
  it('tostring is the message', () => {
    expect(meta(e, '__tostring', e)).toEqual(['test error']);
  });
  it('concatenates in either order and with another error', () => {
    expect(meta(e, '__concat', 'prefix: ', e)).toEqual(['prefix: test error']);
    expect(meta(e, '__concat', e, ' :suffix')).toEqual(['test error :suffix']);
    expect(meta(e, '__concat', e, e2)).toEqual(['test erroranother error']);
    expect(meta(e, '__concat', e, 5)).toEqual(['test error5']);
    expect(meta(e, '__concat', 1.5, e)).toEqual(['1.5test error']);
  });
});

describe('stack and call_stack (errors/stack.lua)', () => {
  // Make this test file a "Lua chunk": its JS frames resolve to stack.lua frames named after the JS functions.
  const file = fileURLToPath(import.meta.url);
  beforeAll(() =>
    registerChunk(file, {
      name: 'stack.lua',
      resolve: (line, _col, fn) => ({ chunk: 'stack.lua', line, what: fn ? `function '${fn}'` : 'main chunk' }),
    }),
  );
  afterAll(() => unregisterChunk(file));

  it('captures the Lua frames where the error was created', () => {
    function inner_func(): unknown {
      return one(libCall(errors, 'new', 'stack test'));
    }
    function outer_func(): unknown {
      return inner_func();
    }
    const err = outer_func();
    const stack = one(method(err, 'stack')) as string;
    expect(stack).toMatch(/^ {2}stack\.lua:\d+ \(inner_func\)\n {2}stack\.lua:\d+ \(outer_func\)\n/);
    const cs = one(libCall(errors, 'call_stack', err)) as LuaTable;
    expect(typeof cs.thread).toBe('string');
    const frames = cs.frames as LuaTable;
    const f1 = rawget(frames, 1) as LuaTable;
    expect([f1.source, f1.name, f1.level, typeof f1.line]).toEqual(['stack.lua', 'inner_func', 0, 'number']);
    expect((rawget(frames, 2) as LuaTable).name).toBe('outer_func');
  });
  it('a wrap lists its context, then the wrapped error frames', () => {
    function make(): unknown {
      return one(libCall(errors, 'wrap', newErr('inner'), 'ctx'));
    }
    const stack = one(method(make(), 'stack')) as string;
    expect(stack.split('\n')[0]).toBe('ctx');
    expect(stack.match(/\(make\)/g)?.length).toBe(2);
  });
});

describe('call_stack without frames, and the JS API', () => {
  it('call_stack is nil for non-errors and errors without Lua frames (errorsCallStack)', () => {
    expect(libCall(errors, 'call_stack', 'x')).toEqual([undefined]);
    expect(libCall(errors, 'call_stack', createError({ message: 'm', frames: [] }))).toEqual([undefined]);
  });
  it('createError builds errors the Lua side reads', () => {
    const e = createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'process not found', retryable: false });
    expect(method(e, 'kind')).toEqual(['NotFound']);
    expect(method(e, 'retryable')).toEqual([false]);
    expect(libCall(errors, 'is', e, 'NotFound')).toEqual([true]);
    const withDetails = createError({ message: 'm', details: { a: { b: 1 } } });
    expect(((one(method(withDetails, 'details')) as LuaTable).a as LuaTable).b).toBe(1);
    expect(isLuaErrorValue('m')).toBe(false);
  });
});

describe('through the core operators (runtime/core/ops.ts, tostring.ts)', () => {
  it('`..` in both orders and between errors, tostring, and == by identity', async () => {
    const { concat, createModuleInfo, eqmeta } = await import('../../runtime/core/ops.js');
    const { tostring } = await import('../../runtime/core/tostring.js');
    const M = createModuleInfo('strings.lua', [], []);
    const e = newErr('test error');
    const e2 = newErr('another error');
    expect(concat('prefix: ', e, M, 0)).toBe('prefix: test error');
    expect(concat(e, ' :suffix', M, 0)).toBe('test error :suffix');
    expect(concat(e, e2, M, 0)).toBe('test erroranother error');
    expect(tostring(e)).toBe('test error');
    expect(eqmeta(e, newErr('test error'))).toBe(false);
  });
});
