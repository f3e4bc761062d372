// Runtime type values through their JS API. Aliases come from real typed source (stripTypes -> JSON -> 
// defineTypeAliases, as the compiler will embed them). Behaviour from go-lua ltype.go (typeCall, typeMethodIs,
// validateWithErrorResolver, typeGetField) and wippyai/runtime tests/app/src/test/types/runtime_is*.lua.
import { describe, expect, it } from 'vitest';
import { stripTypes } from '../../compiler/typed/index.js';
import { builtinType, defineTypeAliases, TypeValue, type AliasDesc } from '../../runtime/types/index.js';
import { LuaTable, tableFromArray, tableFromRecord } from '../../runtime/core/table.js';
import { call } from '../../runtime/core/call.js';
import { collect } from '../../runtime/core/results.js';
import { LuaError } from '../../runtime/core/errors.js';
import { typeName } from '../../runtime/core/value.js';

function aliases(src: string, globals = new LuaTable()): Record<string, TypeValue> {
  const r = stripTypes(src, 'types.lua');
  expect(r.diagnostics).toEqual([]);
  // the compiler's TypeAlias must stay assignable to the runtime's AliasDesc (checked by tsc), and survive JSON
  const typed: readonly AliasDesc[] = r.aliases;
  const descs = JSON.parse(JSON.stringify(typed)) as AliasDesc[];
  return Object.fromEntries(defineTypeAliases(globals, descs));
}

/** `T:method(...args)`: every result. */
function method(t: TypeValue, name: string, ...args: unknown[]): unknown[] {
  const index = (t as unknown as { [k: symbol]: LuaTable })[Object.getOwnPropertySymbols(t).find((s) => s.description === 'moonforge.mt')!]!;
  const f = (index.__index as (s: unknown, k: string) => unknown)(t, name);
  return collect(call(f, t, ...args));
}

function raises(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return String(e.value);
    throw e;
  }
  throw new Error('did not raise');
}

const rec = (o: Record<string, unknown>) => tableFromRecord(o);
const arr = (...xs: unknown[]) => tableFromArray(xs);

describe('built-in types (ltype.go LType singletons, validateValue)', () => {
  const T = (n: string) => builtinType(n)!;
  it('are values of Lua type "type"', () => {
    expect(typeName(T('string'))).toBe('type');
    expect(builtinType('table')).toBeUndefined();
  });
  it('return the value unchanged, never convert', () => {
    expect(call(T('string'), 'x')).toBe('x');
    expect(call(T('number'), 2.5)).toBe(2.5);
    expect(call(T('integer'), 7)).toBe(7);
    expect(call(T('boolean'), false)).toBe(false);
    const t = arr(1);
    expect(call(T('any'), t)).toBe(t);
    expect(call(T('nil'), undefined)).toBeUndefined();
  });
  it('raise "expected T, got <luatype>"', () => {
    expect(raises(() => call(T('string'), 1))).toBe('expected string, got number');
    expect(raises(() => call(T('number'), '1'))).toBe('expected number, got string');
    expect(raises(() => call(T('integer'), 3.5))).toBe('expected integer, got number');
    expect(raises(() => call(T('integer'), '42'))).toBe('expected integer, got string');
    expect(raises(() => call(T('boolean'), 1))).toBe('expected boolean, got number');
    expect(raises(() => call(T('never'), 1))).toBe('expected never, got number');
    expect(raises(() => call(T('nil'), 0))).toBe('expected nil, got number');
  });
  it('check their argument count', () => {
    expect(raises(() => call(T('string')))).toBe('type string expects at least 1 argument');
    expect(raises(() => call(T('string'), 'a', 'b'))).toBe('type string validation expects 1 value, got 2');
    expect(raises(() => call(T('string'), T('number')))).toBe('type string is not generic');
    expect(raises(() => call(T('string'), 'a', T('number')))).toBe('type string does not accept mixed type/value arguments');
  });
  it(':is returns (v, nil) or (nil, err) and never raises', () => {
    expect(method(T('string'), 'is', 'a')).toEqual(['a', undefined]);
    expect(method(T('number'), 'is', 'a')).toEqual([undefined, 'expected number, got string']);
    expect(method(T('string'), 'kind')).toEqual(['string']);
    expect(method(T('integer'), 'name')).toEqual(['integer']);
  });
});

describe('records, optional fields, arrays, maps (runtime_is.lua, runtime_is_collections.lua)', () => {
  const A = aliases(`
type Point = {x: number, y: number}
type OptionalAge = {age?: number}
type Nums = {number}
type Scores = {[string]: number}
type Line = {from: Point, to: Point, tags?: {string}}
`);
  it('record: declared fields validate, extra fields are ignored', () => {
    const p = rec({ x: 1, y: 2, extra: 'ok' });
    expect(method(A.Point!, 'is', p)).toEqual([p, undefined]);
    expect(call(A.Point!, p)).toBe(p);
  });
  it('record: a missing field is named in the error', () => {
    expect(method(A.Point!, 'is', rec({ x: 1 }))).toEqual([undefined, 'y: expected number, got nil']);
    expect(method(A.Point!, 'is', 5)).toEqual([undefined, 'expected table, got number']);
    expect(raises(() => call(A.Point!, rec({ x: 1 })))).toBe('expected Point, got table (y: expected number, got nil)');
    expect(raises(() => call(A.Point!, 'p'))).toBe('expected Point, got string');
  });
  it('optional field may be missing, not wrong', () => {
    expect(method(A.OptionalAge!, 'is', rec({}))[1]).toBeUndefined();
    expect(method(A.OptionalAge!, 'is', rec({ age: 'x' }))[1]).toBe('age: expected number, got string');
  });
  it('nested paths', () => {
    const bad = rec({ from: rec({ x: 1, y: 2 }), to: rec({ x: 1, y: 'no' }) });
    expect(method(A.Line!, 'is', bad)[1]).toBe('to.y: expected number, got string');
    const badTag = rec({ from: rec({ x: 1, y: 2 }), to: rec({ x: 1, y: 2 }), tags: arr('a', 3) });
    expect(method(A.Line!, 'is', badTag)[1]).toBe('tags[2]: expected string, got number');
  });
  it('array elements and map entries', () => {
    expect(method(A.Nums!, 'is', arr())[1]).toBeUndefined();
    expect(method(A.Nums!, 'is', arr(1, 2, 'x'))[1]).toBe('[3]: expected number, got string');
    expect(method(A.Scores!, 'is', rec({ a: 1, b: 2 }))[1]).toBeUndefined();
    expect(method(A.Scores!, 'is', rec({ a: 1, b: 'x' }))[1]).toBe('b: expected number, got string');
    expect(method(A.Scores!, 'is', arr(1))[1]).toBe('[key]: expected string, got number');
  });
});

describe('unions, literals, intersections, functions, validators (runtime_is_aliases/annotations/literals.lua)', () => {
  const A = aliases(`
type ID = string @min_len(3)
type UserID = ID
type Role = "admin" | "user" | "guest"
type Roles = {Role} @min_len(1)
type Account = {id: UserID, roles: Roles, note?: string @min_len(2)}
type Profile = {
  age: number @min(0) @max(120),
  name: string @min_len(1) @max_len(10),
  email: string @pattern("^.+@.+\\\\..+$"),
}
type Named = {name: string}
type Aged = {age: number}
type Person = Named & Aged
type Callback = (err: string?) -> ()
type Num = number | string
type Answer = 42
`);
  it('aliases of aliases and string length validators', () => {
    expect(method(A.UserID!, 'is', 'abc')).toEqual(['abc', undefined]);
    expect(String(method(A.UserID!, 'is', 'a')[1])).toContain('length');
  });
  it('literal unions', () => {
    expect(method(A.Account!, 'is', rec({ id: 'abcd', roles: arr('admin') }))[1]).toBeUndefined();
    const e = String(method(A.Account!, 'is', rec({ id: 'abcd', roles: arr('root') }))[1]);
    expect(e).toBe('roles[1]: expected "admin" | "user" | "guest", got string');
    expect(String(method(A.Account!, 'is', rec({ id: 'abcd', roles: arr() }))[1])).toContain('length');
    expect(String(method(A.Account!, 'is', rec({ id: 'abcd', roles: arr('user'), note: 'x' }))[1])).toContain('length');
    expect(method(A.Answer!, 'is', 42)[1]).toBeUndefined();
    expect(method(A.Answer!, 'is', 41)[1]).toBe('expected 42, got number');
  });
  it('@min/@max inclusive, @pattern search', () => {
    const ok = rec({ age: 120, name: 'Ada', email: 'ada@example.com' });
    expect(method(A.Profile!, 'is', ok)[1]).toBeUndefined();
    expect(String(method(A.Profile!, 'is', rec({ age: -1, name: 'Ada', email: 'a@b.c' }))[1])).toContain('min');
    expect(String(method(A.Profile!, 'is', rec({ age: 121, name: 'Ada', email: 'a@b.c' }))[1])).toContain('max');
    expect(String(method(A.Profile!, 'is', rec({ age: 1, name: '', email: 'a@b.c' }))[1])).toContain('length');
    expect(String(method(A.Profile!, 'is', rec({ age: 1, name: 'Ada', email: 'invalid' }))[1])).toContain('pattern');
  });
  it('intersections need every member; unions any', () => {
    expect(method(A.Person!, 'is', rec({ name: 'a', age: 1 }))[1]).toBeUndefined();
    expect(method(A.Person!, 'is', rec({ name: 'a' }))[1]).toBe('age: expected number, got nil');
    expect(method(A.Num!, 'is', 'x')[1]).toBeUndefined();
    expect(method(A.Num!, 'is', true)[1]).toBe('expected number | string, got boolean');
  });
  it('function types accept any function', () => {
    const f = () => undefined;
    expect(method(A.Callback!, 'is', f)[0]).toBe(f);
    expect(method(A.Callback!, 'is', 1)[1]).toBe('expected function, got number');
  });
});

describe('generics, reflection, equality, aliases as globals', () => {
  const globals = new LuaTable();
  globals.Point = 'already set';
  const A = aliases(`
type Box<T> = {value: T}
type Pair<A, B> = {first: A, second: B}
type Boxes = {Box<number>}
type Point = {x: number, y: number, label?: string}
type Point2 = {x: number, y: number, label?: string}
type Node = {value: number, next: Node?}
type Opt = string?
type Fn = (a: number, b: string) -> (boolean, string)
type Dict = {[string]: boolean}
type Rec = {is: number, size: number}
`, globals);
  it('binds aliases as globals unless the name is taken', () => {
    expect(globals.Box).toBe(A.Box);
    expect(globals.Point).toBe('already set');
  });
  it('instantiates a generic with type arguments', () => {
    expect(method(A.Box!, 'kind')).toEqual(['generic']);
    const BoxN = call(A.Box!, builtinType('number')) as TypeValue;
    expect(typeName(BoxN)).toBe('type');
    expect(method(BoxN, 'is', rec({ value: 1 }))[1]).toBeUndefined();
    expect(method(BoxN, 'is', rec({ value: 'x' }))[1]).toBe('value: expected number, got string');
    expect(method(A.Box!, 'is', rec({ value: 1 }))[1]).toBe('expected Box, got table');
    expect(raises(() => call(A.Box!, builtinType('number'), builtinType('string')))).toBe('generic Box expects 1 type arguments, got 2');
    expect(method(A.Boxes!, 'is', arr(rec({ value: 1 }), rec({ value: true })))[1]).toBe('[2].value: expected number, got boolean');
    const P = call(A.Pair!, builtinType('string'), builtinType('integer')) as TypeValue;
    expect(method(P, 'is', rec({ first: 'a', second: 1.5 }))[1]).toBe('second: expected integer, got number');
  });
  it('tparams lists the generic parameters', () => {
    const it = method(A.Pair!, 'tparams')[0];
    expect(collect(call(it))).toEqual(['A', undefined]);
    expect(collect(call(it))).toEqual(['B', undefined]);
    expect(call(it)).toBeUndefined();
    expect(method(A.Point!, 'tparams')).toEqual([undefined]);
  });
  it('recursive aliases', () => {
    const list = rec({ value: 1, next: rec({ value: 2, next: rec({ value: 3 }) }) });
    expect(method(A.Node!, 'is', list)[1]).toBeUndefined();
    const bad = rec({ value: 1, next: rec({ value: 'two' }) });
    expect(method(A.Node!, 'is', bad)[1]).toBe('next.value: expected number, got string');
  });
  it('reflection methods', () => {
    expect(method(A.Point!, 'kind')).toEqual(['record']);
    expect(method(A.Point!, 'name')).toEqual(['Point']);
    const it = method(A.Point!, 'fields')[0];
    const seen: string[] = [];
    for (;;) {
      const [n, t] = collect(call(it));
      if (n === undefined) break;
      seen.push(`${n}:${method(t as TypeValue, 'kind')[0]}`);
    }
    expect(seen).toEqual(['x:number', 'y:number', 'label:optional']);
    expect(method(A.Opt!, 'kind')).toEqual(['optional']);
    expect(method(method(A.Opt!, 'inner')[0] as TypeValue, 'kind')).toEqual(['string']);
    expect(method(method(A.Dict!, 'key')[0] as TypeValue, 'kind')).toEqual(['string']);
    expect(method(method(A.Dict!, 'val')[0] as TypeValue, 'kind')).toEqual(['boolean']);
    expect(method(A.Fn!, 'kind')).toEqual(['function']);
    expect(method(method(A.Fn!, 'ret')[0] as TypeValue, 'kind')).toEqual(['tuple']);
    expect(method(A.Point!, 'elem')).toEqual([undefined]);
    const ps = method(A.Fn!, 'params')[0];
    expect(method(call(ps) as TypeValue, 'kind')).toEqual(['number']);
    expect(method(call(ps) as TypeValue, 'kind')).toEqual(['string']);
    expect(call(ps)).toBeUndefined();
  });
  it('Rec.field gives the field type; method names win', () => {
    const index = (t: TypeValue, k: string) => {
      const mt = (t as unknown as Record<symbol, LuaTable>)[Object.getOwnPropertySymbols(t).find((s) => s.description === 'moonforge.mt')!]!;
      return (mt.__index as (s: unknown, k: string) => unknown)(t, k);
    };
    expect(method(index(A.Rec!, 'size') as TypeValue, 'kind')).toEqual(['number']);
    expect(typeof index(A.Rec!, 'is')).toBe('function');
    expect(index(A.Rec!, 'missing')).toBeUndefined();
    // T.is(v) (dot call) validates its only argument
    expect(collect(call(index(A.Rec!, 'is'), rec({ is: 1, size: 2 })))[1]).toBeUndefined();
  });
  it('structural == and tostring', () => {
    const mt = A.Point![Object.getOwnPropertySymbols(A.Point!).find((s) => s.description === 'moonforge.mt')! as never] as unknown as LuaTable;
    const eq = mt.__eq as (a: unknown, b: unknown) => unknown;
    expect(eq(A.Point, A.Point2)).toBe(true);
    expect(eq(A.Point, A.Node)).toBe(false);
    expect((mt.__tostring as (a: unknown) => unknown)(A.Point)).toBe('Point');
    expect((mt.__tostring as (a: unknown) => unknown)(method(A.Point!, 'elem')[0] ?? A.Dict!.derive(A.Dict!.desc))).toBe('{[string]: boolean}');
  });
});

describe('subtyping with <= and < (go-lua TypeIsSubtype, spec: types compare with <=/<)', () => {
  const A = aliases(`
type Point = {x: number, y: number}
type Point3 = {x: number, y: number, z: number}
type MaybePoint = Point?
type Ints = {integer}
type Nums = {number}
type Role = "admin" | "user"
type Id = number | string
`);
  const mt = Object.getOwnPropertySymbols(A.Point!).find((s) => s.description === 'moonforge.mt')!;
  const meta = (A.Point as unknown as Record<symbol, LuaTable>)[mt]!;
  const le = (a: unknown, b: unknown) => (meta.__le as (x: unknown, y: unknown) => unknown)(a, b);
  const lt = (a: unknown, b: unknown) => (meta.__lt as (x: unknown, y: unknown) => unknown)(a, b);
  const B = (n: string) => builtinType(n)!;
  it('primitives', () => {
    expect(le(B('integer'), B('number'))).toBe(true);
    expect(le(B('number'), B('integer'))).toBe(false);
    expect(lt(B('integer'), B('number'))).toBe(true);
    expect(lt(B('number'), B('number'))).toBe(false);
    expect(le(B('number'), B('number'))).toBe(true);
    expect(le(B('never'), B('string'))).toBe(true);
    expect(le(B('string'), B('any'))).toBe(true);
  });
  it('records (width), optionals, arrays, unions, literals', () => {
    expect(le(A.Point3, A.Point)).toBe(true);
    expect(le(A.Point, A.Point3)).toBe(false);
    expect(le(A.Point, A.MaybePoint)).toBe(true);
    expect(le(B('nil'), A.MaybePoint)).toBe(true);
    expect(le(A.Ints, A.Nums)).toBe(true);
    expect(le(A.Nums, A.Ints)).toBe(false);
    expect(le(A.Role, B('string'))).toBe(true);
    expect(le(B('string'), A.Id)).toBe(true);
    expect(le(A.Id, B('string'))).toBe(false);
  });
});

describe('the string type reaches the string library (ltype.go typeGetField)', () => {
  it('string.upper through the type value is the library function', async () => {
    const { setStringMetatable, getStringMetatable } = await import('../../runtime/core/meta.js');
    const saved = getStringMetatable();
    const lib = new LuaTable();
    const upper = (s: string) => s.toUpperCase();
    lib.upper = upper;
    const mt = new LuaTable();
    mt.__index = lib;
    setStringMetatable(mt);
    try {
      const s = builtinType('string')!;
      const sym = Object.getOwnPropertySymbols(s).find((x) => x.description === 'moonforge.mt')!;
      const meta = (s as unknown as Record<symbol, LuaTable>)[sym]!;
      expect((meta.__index as (a: unknown, k: string) => unknown)(s, 'upper')).toBe(upper);
      expect((meta.__index as (a: unknown, k: string) => unknown)(builtinType('number'), 'upper')).toBeUndefined();
    } finally {
      setStringMetatable(saved);
    }
  });
});
