// The value kinds of locals (compiler/analyze/value-kinds.ts) and what the emitter drops because of them: a local
// proven to hold only numbers loses its typeof tests, one holding only tables its instanceof tests, and any store
// that may give another kind keeps them. Behaviour is checked against lua5.1 by test/lua/kinds/*.lua.
import { describe, expect, it } from 'vitest';
import { analyzeChunk } from '../../compiler/analyze/analyze.js';
import { compile } from '../../compiler/index.js';
import { parseLua } from '../../compiler/parse.js';
import type { LocalVar } from '../../compiler/analyze/bindings.js';

/** The kinds of the locals of `src`, by Lua name (the last declared wins for repeated names). */
function kinds(src: string): Record<string, string | undefined> {
  const parsed = parseLua(src, 'k.lua');
  if (parsed.chunk === undefined) throw new Error('parse failed');
  const a = analyzeChunk(parsed.chunk, { processMode: false, chunkName: 'k.lua' });
  const out: Record<string, string | undefined> = {};
  for (const v of a.declarations.values() as IterableIterator<LocalVar>) out[v.name] = v.valueKind;
  return out;
}

function js(src: string): string {
  const r = compile(src, { file: 'k.lua' });
  if (!r.ok) throw new Error('compile failed');
  return r.code;
}

describe('value kinds of locals', () => {
  it('numbers through arithmetic, loops and and/or', () => {
    const k = kinds(`
      local a = 1
      local b = a * 2 + 3
      a = a + b
      for i = 1, 10 do a = a + i end
      local c = -a
      local d = (a > 1) and 5 or 6
      local e = 7 // 2
      local f = a % 3 ^ 2`);
    expect(k).toMatchObject({ a: 'num', b: 'num', i: 'num', c: 'num', d: 'num', e: 'num', f: 'num' });
  });

  it('tables from constructors only', () => {
    const k = kinds(`
      local t = {}
      local u = { 1, 2 }
      u = { x = 1 }
      local w = t
      local x = u or t
      local y = (#u > 1) and t or u
      local z = u and t`);
    expect(k).toMatchObject({ t: 'tbl', u: 'tbl', w: 'tbl', x: 'tbl', y: 'tbl', z: 'tbl' });
  });

  it('any store of another or unknown kind loses the kind, also through other locals', () => {
    const k = kinds(`
      local function f() return 1 end
      local a = 1
      a = f()
      local b = a + 1
      local c = 2
      c = "x"
      local d = 3
      local function g() d = nil end
      local e, h = 1
      local p = {}
      p = setmetatable({}, {})
      local q = 1
      q = q .. ""
      local r = 1
      r = #"abc"
      for i = 1, 3 do i = tostring(i) end
      local s = 5
      s = s + d
      local o = 1
      o = (o > 0) and o
      local l = 1
      l = l or 2`);
    expect(k).toMatchObject({
      a: undefined, b: undefined, c: undefined, d: undefined, e: 'num', h: undefined, p: undefined, q: undefined,
      r: undefined, i: undefined, s: undefined, o: undefined, l: 'num',
    });
  });

  it('mutually dependent locals are solved together', () => {
    const k = kinds(`
      local x, y = 0, 1
      for _ = 1, 5 do x, y = y, x + y end
      local m, n = 0, 1
      for _ = 1, 5 do m, n = n, m .. n end`);
    expect(k).toMatchObject({ x: 'num', y: 'num', m: undefined, n: undefined });
  });

  it('parameters, generic-for variables and function locals have no kind', () => {
    const k = kinds(`
      local function f(p, q) return p end
      for key, val in pairs({}) do end
      local g = function() end`);
    expect(k).toMatchObject({ f: undefined, p: undefined, q: undefined, key: undefined, val: undefined, g: undefined });
  });
});

describe('emitted fast paths', () => {
  it('a numeric local loop has no typeof tests and a table local no instanceof tests', () => {
    const code = js(`
      local t = {}
      for i = 1, 10 do t[i] = i end
      local s = 0
      local j = 1
      while j <= #t do s = s + j; j = j + 1 end
      return s`);
    expect(code).not.toMatch(/typeof (s|j)\$\d+ === "number"/);
    expect(code).not.toMatch(/t\$\d+ instanceof LuaTable/);
  });

  it('a local that may hold another kind keeps its tests', () => {
    const code = js(`
      local t = {}
      t = nil
      local j = 1
      j = j .. ""
      return t.x, j + 1`);
    expect(code).toMatch(/t\$\d+ instanceof LuaTable|index\(t\$\d+/);
    expect(code).toMatch(/typeof j\$\d+ === "number"/);
  });
});
