// `.ts` sources in an app's entries (process.lua, function.lua, library.lua): run through the CLI, type-checked as one
// program with app-relative paths in diagnostics, runtime errors in .ts lines. Needs dist/.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

vi.setConfig({ testTimeout: 90_000 });

const cacheDir = mkdtempSync(join(tmpdir(), 'mf-ts-cache-'));

function runApp(dir: string, args: string[]) {
  return runMoonforgeCli(['run', dir, ...args], { env: { MOONFORGE_CACHE_DIR: cacheDir }, timeoutMs: 80_000 });
}

const ENTRIES = `  - name: util
    kind: library.lua
    source: file://util.ts
  - name: double
    kind: function.lua
    source: file://double.ts
    method: run
    imports:
      util: app:util
  - name: worker
    kind: process.lua
    source: file://worker.ts
    method: main
  - name: main
    kind: process.lua
    source: file://main.ts
    method: main
    modules: [funcs, time]
    imports:
      util: app:util
`;

const UTIL = `export function twice(n: number): number {
  return n * 2;
}
`;

const DOUBLE = `import * as util from "./util";

export function run(n: number): number {
  return util.twice(n);
}
`;

const WORKER = `export function main(): void {
  const inbox = process.inbox();
  const [msg] = inbox.receive();
  if (msg !== undefined) process.send(msg.from(), "answer", \`got \${msg.topic()}\`);
}
`;

const MAIN = `import * as util from "./util";
import * as funcs from "funcs";
import * as time from "time";

export function main(...args: string[]): number {
  const [v, err] = funcs.call("app:double", 21);
  print("double", v, err);
  const [pid] = process.spawn("app:worker", "app:processes");
  const [answers, lerr] = process.listen("answer");
  if (lerr !== undefined) return 2;
  if (pid !== undefined) process.send(pid, "ask", {});
  const [answer] = answers.receive();
  print(answer);
  time.sleep("1ms");
  print("twice", util.twice(4), ...args);
  return 3;
}
`;

describe('.ts sources in app entries', () => {
  it('runs an app of .ts process, function and library entries; main\'s result is the exit code', async () => {
    const dir = writeApp({ 'src/_index.yaml': indexYaml(ENTRIES), 'src/util.ts': UTIL, 'src/double.ts': DOUBLE, 'src/worker.ts': WORKER, 'src/main.ts': MAIN });
    const r = await runApp(dir, ['-x', 'app:main', 'a', 'b']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('double\t42\tnil\ngot ask\ntwice\t8\ta\tb\n');
    expect(r.status).toBe(3);
  });

  it('reports the type errors of every entry at once, paths relative to the app, and runs nothing', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(ENTRIES),
      'src/util.ts': UTIL.replace('return n * 2;', 'return n + "2";'),
      'src/double.ts': DOUBLE,
      'src/worker.ts': WORKER,
      'src/main.ts': MAIN.replace('print("double", v, err);', 'print("double", v, err);\n  const n: number = "x";'),
    });
    const r = await runApp(dir, ['-x', 'app:main']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`src/main.ts:8:9: error TS2322: Type 'string' is not assignable to type 'number'.
  const n: number = "x";
        ^`);
    expect(r.stderr).toContain(`src/util.ts:2:3: error TS2322: Type 'string' is not assignable to type 'number'.
  return n + "2";
  ^^^^^^`);
  });

  it('a runtime error in a .ts process names its .ts line and a traceback of .ts lines', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(`  - name: main
    kind: process.lua
    source: file://main.ts
    method: main
`),
      'src/main.ts': `function check(n: number): number {
  if (n > 2) {
    error("too big: " + n);
  }
  return n;
}

export function main(): number {
  check(1);
  return check(5);
}
`,
    });
    const r = await runApp(dir, ['-x', 'app:main']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^src\/main\.ts:3: too big: 5\nstack traceback:\n/);
    expect(r.stderr).toMatch(/\tsrc\/main\.ts:3: in function 'check'\n\tsrc\/main\.ts:10: in function/);
  });

  it("without a tsconfig.json, the .d.ts files beside the sources are part of the program (the app's topic contracts)", async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(`  - name: main
    kind: process.lua
    source: file://main.ts
    method: main
`),
      'src/topics.d.ts': 'declare namespace Moonforge {\n  interface Topics {\n    ping: { n: number };\n  }\n}\n',
      'src/main.ts': 'export function main(): void {\n  process.send(process.pid(), "ping", { n: "one" });\n}\n',
    });
    const r = await runApp(dir, ['-x', 'app:main']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^src\/main\.ts:2:\d+: error TS2322: Type 'string' is not assignable to type 'number'\./);
  });
});
