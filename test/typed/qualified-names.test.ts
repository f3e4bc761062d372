// Qualified type names: a `type` alias naming a type of another library through the local (or global) that holds it,
// `type Outer = {inner: inner.Inner}` after `local inner = require("inner")`. From Wippy's own suite,
// wippyai/runtime tests/app/src/test/types/lib_outer_types.lua and runtime_is_nested_lib.lua: `Outer:is(v)` checks
// the nested value against the imported type and its validators (@min_len ...). go-lua reads `mod.Name` as a
// reference into module `mod` (types/typeexpr tests: `http.Request`) and validates through it (ltype.go
// validateWithErrorResolver: "inner.id: ..." paths); generics and unions of such names resolve the same way.
// moonforge looks the name up at run time (runtime/types/qualified.ts), in the chunk-level local declared before the
// alias (compiler/emit/alias-scopes.ts), else the global.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const INNER = `type InnerID = string @min_len(2)
type Inner = {id: InnerID, tags: {string} @max_len(2)}
type Box<T> = {value: T}
type Color = "red" | "blue"
type Num = number
return { Inner = Inner, Box = Box, Color = Color, Thing = Num }
`;

// a library whose type sits one table deeper: pkg.geo.Point
const PKG = `type Point = {x: number, y: number}
return { geo = { Point = Point } }
`;

const OTHER = `type Thing = string
return { Thing = Thing }
`;

const OUTER = `local check = function(v) return Outer:is(v) end
-- run before the local below is declared: the name does not resolve yet
local early_ok, early_err = check({inner = {id = "ok", tags = {}}, label = "x"})
local inner = require("inner")
local pkg = require("pkg")
type Label = string @min_len(1) @max_len(8)
type Outer = {inner: inner.Inner, label: Label}
type OuterList = {Outer} @min_len(1)
type Either = inner.Inner | pkg.geo.Point
type Boxed = inner.Box<number>
type Pair<T> = {a: T, b: T}
type Pairs = Pair<inner.Inner>
type Shades = {inner.Color}
type Holder = {body: inner.Inner}
-- Lua scoping: the last declaration before the alias is the one it sees; one after it is not seen (the global is)
local lib = require("inner")
type FirstThing = lib.Thing
local lib = require("other")
type SecondThing = lib.Thing
type LaterThing = later.Thing
local later = require("other")
shared = require("other")
type SharedThing = shared.Thing
return {
  Outer = Outer, OuterList = OuterList, Either = Either, Boxed = Boxed, Pairs = Pairs, Shades = Shades,
  Holder = Holder, FirstThing = FirstThing, SecondThing = SecondThing, LaterThing = LaterThing,
  SharedThing = SharedThing, early = {early_ok, early_err}, check = check,
}
`;

const MAIN = `local inner = require("inner")
local outer = require("outer")
local function show(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = tostring((select(i, ...))) end
  io.print(table.concat(out, " | "))
end
local function ok(v, err) return v ~= nil and err == nil end
local function main()
  local good = {inner = {id = "ok", tags = {"a"}}, label = "tag"}
  show(ok(outer.Outer:is(good)), ok(outer.check(good)), outer.early[1], outer.early[2])
  show(outer.Outer:is({inner = {id = "x", tags = {}}, label = "tag"}))
  show(outer.Outer:is({inner = {id = "ok", tags = {"a", "b", "c"}}, label = "tag"}))
  show(outer.Outer:is({inner = 5, label = "tag"}))
  show(outer.Outer:is({inner = {id = "ok", tags = {}}, label = ""}))
  show(ok(outer.OuterList:is({good})), outer.OuterList:is({}))
  show(outer.OuterList:is({good, {inner = {id = "x", tags = {}}, label = "t"}}))
  -- the call form raises (its position prefix is pinned in runtime-cli.test.ts)
  local called, raised = pcall(outer.Outer, {inner = {id = "x", tags = {}}, label = "tag"})
  show(called, raised:match("expected Outer.*"))
  show(ok(outer.Either:is({x = 1, y = 2})), ok(outer.Either:is({id = "ok", tags = {}})), outer.Either:is({x = 1}))
  show(ok(outer.Boxed:is({value = 1})), outer.Boxed:is({value = "s"}))
  show(ok(outer.Pairs:is({a = {id = "ok", tags = {}}, b = {id = "no", tags = {}}})), outer.Pairs:is({a = {id = "ok", tags = {}}, b = {id = "n", tags = {}}}))
  show(ok(outer.Shades:is({"red", "blue"})), outer.Shades:is({"green"}))
  show(outer.Holder.body:kind(), outer.Holder.body == inner.Inner, outer.Holder.body <= inner.Inner)
  show(ok(outer.FirstThing:is(1)), outer.FirstThing:is("s"))
  show(ok(outer.SecondThing:is("s")), outer.SecondThing:is(1))
  show(outer.LaterThing:is(1))
  show(ok(outer.SharedThing:is("s")), outer.SharedThing:is(1))
  return 0
end
return { main = main }
`;

describe('qualified type names (mod.Name) resolve through the library a local or global holds', () => {
  it('validates nested values with the imported types, their validators, unions, generics and reflection', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(`  - name: inner
    kind: library.lua
    source: file://inner.lua
  - name: pkg
    kind: library.lua
    source: file://pkg.lua
  - name: other
    kind: library.lua
    source: file://other.lua
  - name: outer
    kind: library.lua
    source: file://outer.lua
    imports:
      inner: app:inner
      pkg: app:pkg
      other: app:other
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    modules: [io]
    imports:
      inner: app:inner
      outer: app:outer
`),
      'src/inner.lua': INNER,
      'src/pkg.lua': PKG,
      'src/other.lua': OTHER,
      'src/outer.lua': OUTER,
      'src/main.lua': MAIN,
    });
    dirs.push(dir);
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'true | true | nil | inner: expected inner.Inner, got table',
      'nil | inner.id: length 1 is below minimum length 2',
      'nil | inner.tags: length 3 exceeds maximum length 2',
      'nil | inner: expected table, got number',
      'nil | label: length 0 is below minimum length 1',
      'true | nil | length 0 is below minimum length 1',
      'nil | [2].inner.id: length 1 is below minimum length 2',
      'false | expected Outer, got table (inner.id: length 1 is below minimum length 2)',
      'true | true | nil | expected inner.Inner | pkg.geo.Point, got table',
      'true | nil | value: expected number, got string',
      'true | nil | b.id: length 1 is below minimum length 2',
      'true | nil | [1]: expected "red" | "blue", got string',
      'record | true | true',
      'true | nil | expected number, got string',
      'true | nil | expected string, got number',
      'nil | expected later.Thing, got number',
      'true | nil | expected string, got number',
    ]);
    expect(r.code).toBe(0);
  });
});
