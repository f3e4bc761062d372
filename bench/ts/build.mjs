// The TypeScript build of an app of 20 .ts process entries (and a shared library), cold: `moonforge run APP -x` with
// an empty compile cache (type-check, TSTL, the luaparse gate, moonforge's compile, then the run itself) beside
// TSTL's own CLI on the same sources and tsconfig (`tstl -p`: type-check and Lua out), and the same moonforge run
// again once cached. Wall time of whole processes, the median over rounds; every round runs each in turn.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from '../lib/machine.mjs';
import { median } from '../lib/table.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const ENTRIES = 20;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5);

/** An entry: receives `i + 1` messages, keeps a record of them, answers with a figure from the shared library. */
function entry(i) {
  return `import * as shared from "./shared";

interface State { seen: number; topics: string[] }

export function main(): number {
  const state: State = { seen: 0, topics: [] };
  const inbox = process.inbox();
  for (let round = 0; round < ${i + 1}; round++) {
    const [msg] = inbox.receive();
    if (msg === undefined) break;
    state.seen += 1;
    state.topics.push(msg.topic());
  }
  return shared.scale(state.seen, state.topics.length + ${i});
}
`;
}

function writeBenchApp(dir) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  let yaml = 'version: "1.0"\nnamespace: app\nentries:\n  - name: processes\n    kind: process.host\n  - name: shared\n    kind: library.lua\n    source: file://shared.ts\n';
  yaml += '  - name: main\n    kind: process.lua\n    source: file://main.ts\n    method: main\n';
  for (let i = 0; i < ENTRIES; i++) {
    writeFileSync(join(dir, `src/worker${i}.ts`), entry(i));
    yaml += `  - name: worker${i}\n    kind: process.lua\n    source: file://worker${i}.ts\n    method: main\n    imports:\n      shared: app:shared\n`;
  }
  writeFileSync(join(dir, 'src/_index.yaml'), yaml);
  writeFileSync(join(dir, 'src/shared.ts'), 'export function scale(n: number, by: number): number {\n  return n * by;\n}\n');
  writeFileSync(join(dir, 'src/main.ts'), 'export function main(): number {\n  return 0;\n}\n');
  const tsconfig = {
    compilerOptions: { target: 'ESNext', lib: ['ESNext'], module: 'ESNext', moduleResolution: 'bundler', strict: true, rootDir: 'src', outDir: 'out', types: [join(ROOT, 'types'), join(ROOT, 'node_modules/@typescript-to-lua/language-extensions'), join(ROOT, 'node_modules/lua-types/5.4.d.ts')] },
    tstl: { luaTarget: '5.4', noImplicitSelf: true, luaLibImport: 'inline', noResolvePaths: ['**'] },
    include: ['src'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
}

function timed(cmd, args, opts) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return ms;
}

const results = { tstl: [], cold: [], cached: [] };
for (let round = 0; round < rounds; round++) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-ts-'));
  const cache = mkdtempSync(join(tmpdir(), 'mf-bench-ts-cache-'));
  try {
    writeBenchApp(dir);
    results.tstl.push(timed(process.execPath, [join(ROOT, 'node_modules/typescript-to-lua/dist/tstl.js'), '-p', join(dir, 'tsconfig.json')], { cwd: dir }));
    const run = ['run', dir, '-x', 'app:main'];
    const env = { ...process.env, MOONFORGE_CACHE_DIR: cache };
    results.cold.push(timed(process.execPath, [join(ROOT, 'bin/moonforge.mjs'), ...run], { env }));
    results.cached.push(timed(process.execPath, [join(ROOT, 'bin/moonforge.mjs'), ...run], { env }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
console.log(formatMachine(describeMachine()));
console.log(`${ENTRIES} entries + a library, median of ${rounds} rounds (wall time, whole processes):`);
console.log(`  tstl -p (type-check + Lua)                  ${median(results.tstl).toFixed(0)} ms`);
console.log(`  moonforge run, cold (build + run)           ${median(results.cold).toFixed(0)} ms`);
console.log(`  moonforge run, cached (the run alone)       ${median(results.cached).toFixed(0)} ms`);
