// Compile throughput: times moonforge's compiler API (`compile(source, { file })` from dist/compiler.mjs: parse,
// analyze, emit and source map) on ~2 MB of generated Lua, and luaparse alone (same options) as the anchor, in MB/s.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import luaparse from 'luaparse';
import { generateModules, joinModules } from './lib/lua-gen.mjs';
import { describeMachine, formatMachine } from './lib/machine.mjs';
import { median, renderTable } from './lib/table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_MBS = 1;
const USAGE = `usage: node bench/compile-throughput.mjs [--mb SIZE] [--runs N] [--write FILE] [--json FILE]
  --mb SIZE     megabytes of Lua to generate (default 2)
  --runs N      timed passes; the median is reported, after one untimed warm-up pass (default 3)
  --write FILE  also write the generated source (as one chunk) to FILE
  --json FILE   also write the measurements as JSON`;

// The options moonforge's own parser passes to luaparse (compiler/parse.ts), so the anchor does the same work.
const LUAPARSE_OPTIONS = { luaVersion: '5.3', encodingMode: 'none', locations: true, ranges: true, comments: true, scope: false };

function parseOptions(argv) {
  const opts = { mb: 2, runs: 3, write: undefined, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? fail(`missing value for ${a}`);
    if (a === '--mb') opts.mb = Number(next());
    else if (a === '--runs') opts.runs = Number(next());
    else if (a === '--write') opts.write = next();
    else if (a === '--json') opts.json = next();
    else if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else fail(`unknown option ${a}`);
  }
  if (!(opts.mb > 0) || !Number.isInteger(opts.runs) || opts.runs < 1) fail('--mb and --runs need positive numbers');
  return opts;
}

function fail(msg) {
  process.stderr.write(`compile-throughput: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

async function loadCompiler() {
  const path = join(ROOT, 'dist', 'compiler.mjs');
  if (!existsSync(path)) return { note: 'dist/compiler.mjs not built yet (run `npm run build`)' };
  const mod = await import(pathToFileURL(path).href);
  if (typeof mod.compile !== 'function') return { note: 'dist/compiler.mjs does not export compile()' };
  return { compile: mod.compile };
}

// Times `passes` runs of fn over every input after one warm-up pass (so V8 has compiled the hot paths);
// returns the median seconds of one pass over all inputs.
function timePasses(inputs, fn, passes) {
  for (const input of inputs) fn(input);
  const times = [];
  for (let p = 0; p < passes; p++) {
    const start = process.hrtime.bigint();
    for (const input of inputs) fn(input);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  const modules = generateModules(Math.round(opts.mb * 1e6));
  const whole = joinModules(modules);
  if (opts.write) writeFileSync(opts.write, whole);
  const filesInput = modules.map((source, i) => ({ source, file: `gen/module${i}.lua` }));
  const chunkInput = [{ source: whole, file: 'gen/all.lua' }];
  const mb = (inputs) => inputs.reduce((a, x) => a + Buffer.byteLength(x.source), 0) / 1e6;

  const { compile, note } = await loadCompiler();
  const failed = new Set();
  const checkedCompile = ({ source, file }) => {
    const r = compile(source, { file });
    const errors = (r.diagnostics ?? []).filter((d) => (d.severity ?? 'error') === 'error');
    if (errors.length && !failed.has(file)) {
      failed.add(file);
      const d = errors[0];
      process.stderr.write(`compile error in ${file}: ${d.line}:${d.column}: ${d.code} ${d.message}\n`);
    }
    if (typeof r.code !== 'string' || !r.map) throw new Error(`compile(${file}) returned no code or no source map`);
  };
  const parse = ({ source }) => luaparse.parse(source, LUAPARSE_OPTIONS);

  const rows = [];
  const results = {};
  for (const [label, inputs] of [[`${modules.length} modules`, filesInput], ['one chunk', chunkInput]]) {
    const size = mb(inputs);
    const tParse = timePasses(inputs, parse, opts.runs);
    const row = { mb: size, luaparse: size / tParse };
    if (compile) {
      const tCompile = timePasses(inputs, checkedCompile, opts.runs);
      row.moonforge = size / tCompile;
    }
    results[label] = row;
    rows.push([label, size.toFixed(2), row.moonforge === undefined ? 'pending' : row.moonforge.toFixed(2),
      row.luaparse.toFixed(2)]);
  }

  console.log(`Compile throughput in MB/s (median of ${opts.runs} passes after a warm-up; in-process)`);
  console.log(renderTable(['input', 'MB', 'moonforge compile()', 'luaparse alone'], rows));
  if (compile) {
    const worst = Math.min(...Object.values(results).map((r) => r.moonforge));
    console.log(`\nmoonforge target: >= ${TARGET_MBS} MB/s: ${worst >= TARGET_MBS ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)} MB/s)`);
    if (failed.size) console.log(`compile() reported errors on ${failed.size} inputs, although lua5.4 loads the generated Lua`);
  } else {
    console.log(`\nnote: moonforge skipped: ${note}`);
  }
  console.log(`machine: ${formatMachine(machine)}`);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify({ machine, runs: opts.runs, results, target: TARGET_MBS, failures: [...failed] }, null, 2)}\n`);
  }
  process.exitCode = failed.size ? 1 : 0;
}

await main();
