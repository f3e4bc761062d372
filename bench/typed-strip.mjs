// Typed front-end throughput: stripTypes (compiler/typed, bundled on the fly with esbuild) on ~1 MB of typed Lua
// and ~1 MB of plain generated Lua, against luaparse on the same text with the compiler's options (the anchor: the
// typed pass must add at most 10% to compile time). Prints MB/s and the strip/luaparse time ratio.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import luaparse from 'luaparse';
import { generateModules, joinModules } from './lib/lua-gen.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LUAPARSE_OPTIONS = { luaVersion: '5.3', encodingMode: 'none', locations: true, ranges: true, comments: true, scope: false };

async function loadStripTypes() {
  const out = buildSync({ entryPoints: [`${ROOT}compiler/typed/index.ts`], bundle: true, write: false, format: 'esm', platform: 'node' });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).stripTypes;
}

/** ~`bytes` of typed Lua: the twin programs of test/typed/twins plus a template using every typed construct. */
function typedSource(bytes) {
  const template = (i) => `
type Point${i} = {x: number, y: number, label?: string @min_len(1)}
type Role${i} = "admin" | "user" | "guest"
type Box${i}<T> = {value: T, items: {T}, index: {[string]: T}}
local function map${i}<T, U>(list: {T}, fn: (T) -> U): {U}
  local out: {U} = {}
  for k = 1, #list do out[k] = fn(list[k]) end
  return out
end
function M${i}.describe(p: Point${i}, role: Role${i}?): (string, number)
  local label: string = p.label or "?"
  local n = (p.x :: number) + (p.y as number)
  if n < 10 and n > -10 then label = label .. "!" end
  return label, n
end
function M${i}:get(key: string): any
  local v = self.cache[key]!
  return v
end
`;
  const twins = ['generics', 'records', 'methods', 'varargs', 'comparisons']
    .map((n) => readFileSync(`${ROOT}test/typed/twins/${n}.lua`, 'latin1'))
    .join('\n');
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = i % 4 === 0 ? twins.replaceAll('local function ', `local function v${i}_`).replace(/^type (\w+)/gm, `type $1_${i}`) : template(i);
    parts.push(piece);
    size += piece.length;
  }
  return `local M = {}\n${parts.join('\n').replace(/M(\d+)\./g, 'M.').replace(/M(\d+):/g, 'M:')}`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs = 7) {
  fn();
  const ts = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return median(ts);
}

const stripTypes = await loadStripTypes();
const inputs = [
  ['typed (~1 MB)', typedSource(1_000_000)],
  ['plain generated (~1 MB)', joinModules(generateModules(1_000_000))],
];
// TYPED_STRIP_WRITE=file also writes the typed input (for profiling)
if (process.env.TYPED_STRIP_WRITE) writeFileSync(process.env.TYPED_STRIP_WRITE, inputs[0][1], 'latin1');
for (const [label, src] of inputs) {
  const r = stripTypes(src, 'bench.lua');
  if (r.diagnostics.length > 0) throw new Error(`${label}: ${JSON.stringify(r.diagnostics[0])}`);
  const mb = src.length / 1e6;
  const tStrip = time(() => stripTypes(src, 'bench.lua'));
  const tParse = time(() => luaparse.parse(r.code, LUAPARSE_OPTIONS), 3);
  console.log(
    `${label.padEnd(24)} ${mb.toFixed(2)} MB  stripTypes ${(mb / tStrip).toFixed(1).padStart(6)} MB/s  ` +
      `luaparse ${(mb / tParse).toFixed(1).padStart(5)} MB/s  strip/luaparse ${((100 * tStrip) / tParse).toFixed(1)}%` +
      `  aliases ${r.aliases.length}`,
  );
}
