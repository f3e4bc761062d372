// Rejected programs with their exact position and code. go-lua (compiler/parse/lexer.go reservedWords,
// parser.go.y) reserves fun interface as asserts readonly is typeof keyof extends: they can be no local, parameter,
// for variable, function name or plain name, but are allowed after `.`/`:` (not typeof/keyof/extends/fun after
// `.`) and as constructor keys (not typeof/fun). Syntax errors of the wippyai/runtime test
// tests/app/src/test/types/error_parse.lua are included.
import { describe, expect, it } from 'vitest';
import { strip } from './helpers.js';

const REJECTED: [string, string, number, number, string][] = [
  // [source, code, line, column, message fragment]
  ['local is = 1', 'LUA2002', 1, 7, "'is' is a reserved word"],
  ['local x, as = 1, 2', 'LUA2002', 1, 10, "'as'"],
  ['local ok: boolean, readonly = true, 1', 'LUA2002', 1, 20, "'readonly'"],
  ['function f(a, typeof) end', 'LUA2002', 1, 15, 'parameter name'],
  ['for readonly = 1, 2 do end', 'LUA2002', 1, 5, 'for-loop variable'],
  ['for k, keyof in pairs(t) do end', 'LUA2002', 1, 8, 'for-loop variable'],
  ['function is() end', 'LUA2002', 1, 10, 'function name'],
  ['local function extends() end', 'LUA2002', 1, 16, 'function name'],
  ['function M.asserts() end', 'LUA2002', 1, 12, 'function name'],
  ['local fun = 1', 'LUA2002', 1, 7, "'fun'"],
  ['print(interface)', 'LUA2002', 1, 7, "'interface'"],
  ['x = 1\nprint(t.typeof)', 'LUA2002', 2, 9, 'field name'],
  ['local y = t.keyof', 'LUA2002', 1, 13, 'field name'],
  ['local t = {typeof = 1}', 'LUA2002', 1, 12, "'typeof'"],
  ['local function f<as>() end', 'LUA2002', 1, 18, 'type parameter'],
  ['local function f<>() end', 'LUA2004', 1, 18, 'empty type parameter list'],
  ['local x: = 1', 'LUA2003', 1, 10, "type expected near '='"],
  ['local x: number< = 42', 'LUA2003', 1, 18, "type expected near '='"],
  ['type X = (a: number)', 'LUA2003', 1, 21, "'->' expected"],
  // go-lua generic_interface_test.go: the turbofish needs `::<` adjacent and well-formed type arguments
  ['local value = f:: <T>(value)', 'LUA2003', 1, 19, 'type expected'],
  ['local value = f::<T,>(value)', 'LUA2003', 1, 21, 'type expected'],
  ['local value = f::<T(value)', 'LUA2003', 1, 20, "'>' expected"],
  ['interface Generic<T> end', 'LUA2001', 1, 18, "'end' expected"],
  ['local x: {a: number, = 1', 'LUA2003', 1, 22, '<field name> expected'],
  ['local v = x as', 'LUA2003', 1, 15, "near '<eof>'"],
  ['local x = 1 @@ 2', 'LUA2001', 1, 13, "unexpected symbol near '@'"],
  ['local x = "unclosed\nprint(x)', 'LUA2005', 1, 11, 'unfinished string'],
  ['local s = [==[ open ]=]', 'LUA2005', 1, 11, 'unfinished long string'],
  ['function f()\n  local x = 1\n', 'LUA2001', 3, 1, "'end' expected (to close 'function' at line 1)"],
  ['local x = y!.z', 'LUA2001', 1, 13, "unexpected symbol near '.'"],
  ['local a = 1 $', 'LUA2006', 1, 13, "unexpected symbol near '$'"],
  // `as` after a complete expression is always the cast operator (go-lua shifts TAs), so this is an error there too
  ['x = 1\nas = 2', 'LUA2003', 2, 4, 'type expected'],
];

describe('rejected typed programs', () => {
  for (const [src, code, line, column, fragment] of REJECTED) {
    it(`${JSON.stringify(src)} -> ${code} at ${line}:${column}`, () => {
      const r = strip(src, 'bad.lua');
      expect(r.diagnostics).toHaveLength(1);
      const d = r.diagnostics[0]!;
      expect({ code: d.code, line: d.line, column: d.column, file: d.file }).toEqual({ code, line, column, file: 'bad.lua' });
      expect(d.message).toContain(fragment);
    });
  }

  it('allowed uses of the reserved words produce no diagnostic', () => {
    const src = [
      'local t = {is = 1, as = 2, readonly = 3, interface = 4, asserts = 5, keyof = 6, extends = 7}',
      'print(t.is, t.as, t.readonly, t.interface, t.asserts)',
      'function C:is() end function C:as() end function C:readonly() end function C:interface() end',
      'obj:is(1) obj:asserts() obj:interface()',
      'local type = 1 function M.type() end obj:type()',
    ].join('\n');
    expect(strip(src).diagnostics).toEqual([]);
  });
});
