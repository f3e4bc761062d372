// Typed front-end cost (issue 3: at most +10% compile time on a file without types). The full compiler
// (compiler/index.ts, bundled on the fly with esbuild) is timed twice on ~1 MB of plain generated Lua: as shipped, and
// with compiler/front-end.ts swapped for a pass-through (no stripTypes). Also prints stripTypes' own throughput on
// ~1 MB of typed Lua and on the plain file. On a busy machine the with/without difference is noisy (both sides take
// the best run); stripTypes alone as a share of compile is the steady figure. Run: node bench/typed-strip.mjs [--mb N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateModules, joinModules } from './lib/lua-gen.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const mbArg = process.argv.indexOf('--mb');
const BYTES = Math.round((mbArg > 0 ? Number(process.argv[mbArg + 1]) : 1) * 1e6);

/** A pass-through front end: what compile() would cost if the typed pass did not exist. */
const PASS_THROUGH = `export function prepareSource(source) { return { code: source, diagnostics: [], extras: { aliases: [] } }; }`;

async function bundle(entry, stubFrontEnd) {
  const plugins = stubFrontEnd
    ? [{
        name: 'stub-front-end',
        setup(b) {
          b.onResolve({ filter: /front-end\.js$/ }, () => ({ path: 'front-end-stub', namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: PASS_THROUGH, loader: 'js' }));
        },
      }]
    : [];
  const out = await build({
    entryPoints: [`${ROOT}${entry}`], bundle: true, write: false, format: 'esm', platform: 'node',
    packages: 'external', plugins, absWorkingDir: ROOT,
  });
  // written next to the sources so the external packages (luaparse) resolve from node_modules
  const file = `${ROOT}bench/.typed-strip-${stubFrontEnd ? 'stub' : 'full'}-${entry.replace(/\W/g, '_')}.mjs`;
  const { writeFileSync, rmSync } = await import('node:fs');
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return await import(file);
  } finally {
    rmSync(file);
  }
}

/** ~`bytes` of typed Lua: the test/typed twin programs, renamed per copy. */
function typedSource(bytes) {
  const twins = ['generics', 'records', 'methods', 'varargs', 'comparisons']
    .map((n) => readFileSync(`${ROOT}test/typed/twins/${n}.lua`, 'latin1'))
    .join('\n');
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = `do\n${twins}\nend`;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('\n');
}

/** The fastest run: compile allocates a lot, so GC pauses make the median noisier than the difference measured. */
function best(xs) {
  return Math.min(...xs);
}

/** Best seconds of `runs` timed calls of each function, alternated so drift hits both alike. */
function timePair(fa, fb, runs) {
  fa();
  fb();
  const ta = [];
  const tb = [];
  for (let r = 0; r < runs; r++) {
    for (const [f, ts] of r % 2 === 0 ? [[fa, ta], [fb, tb]] : [[fb, tb], [fa, ta]]) {
      const t0 = process.hrtime.bigint();
      f();
      ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  return [best(ta), best(tb)];
}

const full = await bundle('compiler/index.ts', false);
const stub = await bundle('compiler/index.ts', true);
const { stripTypes } = await bundle('compiler/typed/index.ts', false);

const plain = joinModules(generateModules(BYTES));
const typed = typedSource(BYTES);
const opts = { file: 'bench.lua' };
for (const [name, r] of [['full', full.compile(plain, opts)], ['stub', stub.compile(plain, opts)]]) {
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.diagnostics[0])}`);
}
if (full.compile(plain, opts).code !== stub.compile(plain, opts).code) throw new Error('the front end changed a plain file');
const st = stripTypes(typed, 'typed.lua');
if (st.diagnostics.length > 0) throw new Error(JSON.stringify(st.diagnostics[0]));

const runs = Number(process.env.RUNS ?? 9);
const [tFull, tStub] = timePair(() => full.compile(plain, opts), () => stub.compile(plain, opts), runs);
const [tStripPlain, tStripTyped] = timePair(() => stripTypes(plain, 'p.lua'), () => stripTypes(typed, 't.lua'), runs);
const mb = (s) => (s.length / 1e6).toFixed(2);
console.log(`plain generated Lua ${mb(plain)} MB, best of ${runs}:`);
console.log(`  compile without front end ${(tStub * 1000).toFixed(0).padStart(6)} ms`);
console.log(`  compile with front end    ${(tFull * 1000).toFixed(0).padStart(6)} ms   overhead ${((100 * (tFull - tStub)) / tStub).toFixed(1)}% (limit 10%)`);
console.log(`  stripTypes alone          ${(tStripPlain * 1000).toFixed(0).padStart(6)} ms   = ${((100 * tStripPlain) / tStub).toFixed(1)}% of compile`);
console.log(`typed Lua ${mb(typed)} MB: stripTypes ${(typed.length / 1e6 / tStripTyped).toFixed(1)} MB/s, ${st.aliases.length} aliases`);
