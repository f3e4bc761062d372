// Programs built to trip a naive stripper: each typed line and its exact blanked form (grammar: go-lua
// compiler/parse/parser.go.y and lexer.go; spec: shared/spec/typed-lua-grammar.md). Every output is also checked
// for the position invariant and for luaparse (5.3) acceptance.
import { describe, expect, it } from 'vitest';
import { luaparseAccepts, preservationProblem, strip } from './helpers.js';

/** Cases written with the type parts between « and »: the source drops the marks, the expected output blanks them. */
const CASES: [string, string][] = [
  ['method call is not an annotation', 'local a = obj:b(1) obj:c"s" obj:d{}'],
  ['local annotation', 'local a«: number», b, c«: {string}» = 1, 2, {}'],
  ['local annotation without value', 'local x«: number»\nx = 1'],
  ['label vs cast (lexer look-ahead)', '::top:: local y = x« :: number»\ngoto top'],
  ['label with spaces', ':: done :: local z = w«::T»'],
  ['as cast stops before | (binds tighter)', 'local v = x« as number» | 0'],
  [':: cast stops before +', 'local v = x« :: number» + 1'],
  ['cast of table type with union inside braces', 'local o = m« as {value: number | string}»'],
  ['non-nil assertion', 'local n = (f()«!»).x + g«!»'],
  ['generic function vs comparison', 'local function id«<T>»(x«: T»)«: T» return x end\nlocal b = a < c and c > d'],
  ['call with comparison is not generic', 'local r = f < g, h > (i)'],
  ['nested generics split >>', 'local b«: Box<Box<number>>» = {}'],
  ['triple nested generics', 'local b«: List<List<List<T>>>» = nil'],
  ['right shift stays an operator', 'local s = a >> 2'],
  ['optional field token ?:', '«type R = {a: number, b?: string}»\nlocal r = 1'],
  ['arrow token', 'local f«: (number, string) -> boolean» = g'],
  ['fun type with returns', 'local f«: fun(a: number): (string, number)» = g'],
  ['type as identifier', 'local type = type(x)\nt.type = {type = 1}\nfunction M.type() end\nobj:type()'],
  ['type call followed by name on next line', 'x = type\nFoo = 1'],
  ['reserved words as member and keys', 'local t = {is = 1, as = 2, readonly = 3, interface = 4, asserts = 5, keyof = 6, extends = 7}\nprint(t.is, t.as, o:is(), o:as(1), t.readonly)'],
  ['method definitions with reserved names', 'function C:is(v«: any»)«: boolean» return true end'],
  ['type-like text in strings and comments', 'local s = "x: number as T" -- local y: T = z!\nlocal q = \'::a:: b as c\''],
  ['long strings and long comments', 'local l = [==[ a: T ]] as U ]==] --[[ x as T\n y! ]] local m = 1'],
  ['multi-line alias keeps newlines', '«type P = {\n  x: number,\n  y: number\n}»\nprint(1)'],
  ['generic alias', '«type Pair<A, B> = {first: A, second: B}»'],
  ['interface block', '«interface Shape\n  function area(): number\nend»\nlocal s = 1'],
  ['return annotation lists', 'function f()«: (number, string)» return 1, "a" end\nfunction g()«: number, string» return 1, "a" end\nfunction h()«: ()» end'],
  ['vararg annotation', 'local function v(...«: number») return ... end'],
  ['anonymous generic function', 'local f = function«<T>»(x«: T»)«: T» return x end'],
  ['method generic', 'function M:map«<U>»(fn«: (T) -> U»)«: List<U>» return self end'],
  ['validators in annotations', 'local age«: number @min(0) @max(120)» = 5'],
  ['return annotation ends at body statement', 'function f()«: number»\n  return 1\nend'],
  ['cast inside call args and index', 'print(t[k« as string»], f(x« :: any»))'],
  ['parenthesised function type', 'local f«: ((number) -> string)?» = nil'],
  ['map and array shorthand', 'local m«: {[string]: number[][]}» = {}'],
  ['literal union alias', '«type Role = "admin" | "user" | 42 | true»'],
  ['keyof typeof readonly conditional', '«type K = keyof(typeof(cfg))»\n«type C = T extends string ? number : boolean»\n«type RO = readonly {number}»'],
  ['indexed access', '«type F = Rec["field"]»'],
  ['bitwise and floor division untouched', 'local b = ~a & 3 | 4 ~ 5 << 1 // 2'],
  ['shebang line is skipped', '#!/usr/bin/env lua\nlocal x«: number» = 1'],
  ['asserts return type', 'function check(v«: any»)«: asserts v is string» end'],
  ['generic constraint with nested generic', 'local function f«<T: Box<number>>»(x«: T») return x end'],
  ['typed for-in body and while', 'for k, v in pairs(t) do local n«: number» = v«!» end'],
  ['nested function in table with annotations', 'local M = {f = function(a«: number»)«: number» return a end}'],
  ['cast then method call on parenthesised expr', 'local s = (x« as string»):upper()'],
  // newer go-lua syntax (compiler/parse/generic_interface_test.go)
  ['explicit call type arguments (turbofish)', 'local d = f«::<T, U>»(x, y)\nlocal m = obj.method«::<Box<Result<number>>>»(x)\nlocal c = obj:method«::<T>»(x)'],
  ['turbofish after reserved method names', 'local v = r:is«::<T>»() r:as«::<T>»"s"'],
  ['qualified and qualified generic names', '«type A = pkg.deep.Value»\n«type B = pkg.deep.Box<Result<number>>»\nlocal x«: pkg.deep.Value» = 1'],
  ['interface with fields and generic methods', '«interface Derived: pkg.Parent, third.Deep.Base\n  id: number @min(1)\n  function map<T: Constraint>(value: T): T\n  enabled?: boolean @flag\n  type: number\n  function ready(): ()\nend»\nprint(1)'],
  ['grouping parentheses in types', 'local g«: (number | string)[]» = {}\n«type G = (number)»'],
  ['variadic with space in function type', '«type Callable = (named: number, string, ... boolean) -> number»'],
];

function unmark(marked: string): { src: string; expected: string } {
  let src = '';
  let expected = '';
  let inType = false;
  for (const ch of marked) {
    if (ch === '«') inType = true;
    else if (ch === '»') inType = false;
    else {
      src += ch;
      expected += inType && ch !== '\n' && ch !== '\r' ? ' ' : ch;
    }
  }
  return { src, expected };
}

describe('stripTypes on tricky programs', () => {
  for (const [title, marked] of CASES) {
    it(title, () => {
      const { src, expected } = unmark(marked);
      const r = strip(src);
      expect(r.diagnostics).toEqual([]);
      expect(r.code).toBe(expected);
      expect(preservationProblem(src, r.code)).toBeNull();
      expect(() => luaparseAccepts(r.code)).not.toThrow();
    });
  }

  it('CRLF line endings are kept inside blanked aliases', () => {
    const src = 'type P = {\r\n  x: number\r\n}\r\nprint(1)';
    const r = strip(src);
    expect(preservationProblem(src, r.code)).toBeNull();
    expect(r.code).toBe(' '.repeat(10) + '\r\n' + ' '.repeat(11) + '\r\n \r\nprint(1)');
  });

  it('the output of a file without types is the very same string', () => {
    const src = 'local t = {}\nfor i = 1, 10 do t[#t + 1] = i * 2 end\nreturn t';
    expect(strip(src).code).toBe(src);
  });
});

describe('stripTypes on decoded text', () => {
  it('keeps characters above 255 (a caller that passed decoded UTF-16 text)', () => {
    const src = 'local s: string = "héllo → ✓"\nlocal n = x as number';
    const r = strip(src);
    expect(r.code).toBe('local s         = "héllo → ✓"\nlocal n = x          ');
  });
});
