// `moonforge run --watch` on the 20-entry TypeScript app of bench/ts/app.mjs: the time from writing one changed file
// to the first line of output of the restarted app (its root prints a stamp the change sets), as the person at the
// terminal sees it. Three changes, in turn: the root entry's own file (that file re-checked and rebuilt); the body of
// the library every entry imports (its exported types unchanged: TypeScript re-checks the library alone); and the
// library's exports (a new one each time: all 21 importers re-checked and rebuilt). Median and range over rounds.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from '../lib/machine.mjs';
import { median } from '../lib/table.mjs';
import { ENTRIES, writeBenchApp } from './app.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 10);

const mainTs = (stamp) => `import * as shared from "./shared";\n\nexport function main(): number {\n  print(\`main ${stamp} \${shared.tag()}\`);\n  return 0;\n}\n`;
const sharedTs = (stamp, exported = '') =>
  `export function scale(n: number, by: number): number {\n  return n * by;\n}\n\nexport function tag(): string {\n  return "${stamp}";\n}\n${exported}`;

const dir = mkdtempSync(join(tmpdir(), 'mf-bench-watch-'));
const cache = mkdtempSync(join(tmpdir(), 'mf-bench-watch-cache-'));
writeBenchApp(dir, ROOT, mainTs('m0'));
writeFileSync(join(dir, 'src/shared.ts'), sharedTs('s0'));
const child = spawn(process.execPath, [join(ROOT, 'bin/moonforge.mjs'), 'run', '--watch', dir, '-x', 'app:main'], {
  env: { ...process.env, MOONFORGE_CACHE_DIR: cache },
});
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => (stderr += d));

/** Resolves at the moment `text` is on stdout (polled every millisecond). */
async function until(text, ms = 60_000) {
  const deadline = performance.now() + ms;
  while (!stdout.includes(text)) {
    if (performance.now() > deadline) throw new Error(`no '${text}' on stdout:\n${stdout}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 1));
  }
  return performance.now();
}

const firstStart = performance.now();
const first = (await until('main m0 s0\n')) - firstStart;
const KINDS = ['entry', 'library body', 'library exports'];
const times = Object.fromEntries(KINDS.map((k) => [k, []]));
const reported = Object.fromEntries(KINDS.map((k) => [k, []]));
let m = 'm0';
let s = 's0';
let exported = '';
try {
  for (let round = 1; round <= rounds; round++) {
    for (const kind of KINDS) {
      // the previous run has ended and the watcher is idle
      await new Promise((r) => setTimeout(r, 300));
      const before = stderr.length;
      if (kind === 'entry') m = `m${round}`;
      else s = `s${round}${kind === 'library body' ? 'b' : 'e'}`;
      // a new export changes the library's declarations, which every importer is checked against; a body change
      // keeps the exports made so far
      if (kind === 'library exports') exported += `export const ${s} = ${round};\n`;
      const t0 = performance.now();
      if (kind === 'entry') writeFileSync(join(dir, 'src/main.ts'), mainTs(m));
      else writeFileSync(join(dir, 'src/shared.ts'), sharedTs(s, exported));
      times[kind].push((await until(`main ${m} ${s}\n`)) - t0);
      await new Promise((r) => setTimeout(r, 50));
      const line = /restarted in (\d+) ms/.exec(stderr.slice(before));
      if (line !== null) reported[kind].push(Number(line[1]));
    }
  }
} finally {
  child.kill('SIGINT');
  await new Promise((r) => child.on('close', r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
console.log(formatMachine(describeMachine()));
console.log(`${ENTRIES} entries + a library, ${rounds} changes of each kind; file written → the restarted app's first line:`);
console.log(`  first start (cold build and run)             ${first.toFixed(0)} ms`);
for (const kind of KINDS) {
  const t = times[kind];
  console.log(`  ${kind.padEnd(16)} median ${median(t).toFixed(0)} ms (${range(t)}); the watcher's "restarted in": median ${median(reported[kind]).toFixed(0)} ms`);
}
