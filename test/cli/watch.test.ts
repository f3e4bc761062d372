// `moonforge run --watch` through the CLI (dist/, so `node esbuild.config.mjs` first): a change of a .lua and of a
// .ts source restarts the app with the new code; a change that does not build is reported and the old app keeps
// running; SIGINT ends the watch with exit code 0. Output is polled with a deadline, never waited for by sleeping.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { MOONFORGE_BIN, REPO_ROOT } from '../support/repo.js';

const cache = mkdtempSync(join(tmpdir(), 'mf-watch-cache-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(cache, { recursive: true, force: true });
});

interface Watch {
  stdout(): string;
  stderr(): string;
  /** resolves once `which` holds `text` `times` times, rejects with the output so far after `ms` */
  until(which: 'stdout' | 'stderr', text: string, ms?: number, times?: number): Promise<void>;
  exit: Promise<number | null>;
  child: ChildProcess;
}

function watch(args: string[]): Watch {
  const child = spawn(process.execPath, [MOONFORGE_BIN, 'run', '--watch', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, MOONFORGE_CACHE_DIR: cache },
  });
  children.add(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const count = (s: string, t: string): number => s.split(t).length - 1;
  return {
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    child,
    exit,
    async until(which, text, ms = 30_000, times = 1) {
      const deadline = Date.now() + ms;
      while (count(out[which], text) < times) {
        if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} on ${which} in ${ms} ms\nstdout:\n${out.stdout}\nstderr:\n${out.stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

const entry = (name: string, file: string, modules = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${file}\n    method: main\n${modules}`;

describe('moonforge run --watch', () => {
  it('is in `moonforge run --help`', () => {
    const r = spawnSync(process.execPath, [MOONFORGE_BIN, 'run', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('moonforge run [--format text|json] [--watch] APPDIR [-x NS:NAME | COMMAND | list]');
    expect(r.stdout).toContain('--watch              watch the app folder');
  });

  it('restarts a Lua app on a change and keeps watching after a syntax error', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(entry('main', 'main.lua')),
      'src/main.lua': 'return { main = function() print("v1") end }\n',
    });
    const w = watch([dir, '-x', 'app:main']);
    await w.until('stdout', 'v1\n');
    // the root's end does not end the watch
    await w.until('stderr', 'watching for changes');
    writeFileSync(join(dir, 'src/main.lua'), 'return { main = function() print("v2") end }\n');
    await w.until('stdout', 'v2\n');
    await w.until('stderr', 'moonforge: src/main.lua changed, restarted in ');
    writeFileSync(join(dir, 'src/main.lua'), 'return { main = function() print("v3" end }\n');
    await w.until('stderr', "src/main.lua:1:39: error LUA2001: ')' expected near 'end'");
    await w.until('stderr', 'src/main.lua changed: not restarted');
    writeFileSync(join(dir, 'src/main.lua'), 'return { main = function() print("v4") end }\n');
    await w.until('stdout', 'v4\n');
    expect(w.stdout()).toBe('v1\nv2\nv4\n');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('rebuilds a .ts entry incrementally; a type error is reported and the old app keeps running', async () => {
    // a ticker that ends on CANCEL, as a restart asks it to
    const ticker = (v: string): string => `import * as time from "time";
import { label } from "./label";

export function main(): number {
  const events = process.events();
  while (true) {
    print(label("${v}"));
    const [timer] = time.after("30ms");
    const r = channel.select([events.case_receive(), timer!.case_receive()]);
    if (r.channel === events) return 0;
  }
}
`;
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        entry('main', 'main.ts', '    modules: [time]\n    imports:\n      label: app:label\n') +
          '  - name: label\n    kind: library.lua\n    source: file://label.ts\n',
      ),
      'src/main.ts': ticker('v1'),
      'src/label.ts': 'export function label(v: string): string {\n  return `tick ${v}`;\n}\n',
    });
    const w = watch([dir, '-x', 'app:main']);
    await w.until('stdout', 'tick v1\n', 60_000);
    writeFileSync(join(dir, 'src/main.ts'), ticker('v2'));
    await w.until('stdout', 'tick v2\n');
    await w.until('stderr', 'moonforge: src/main.ts changed, restarted in ');
    // a type error in the library: reported at its .ts line, and v2 goes on ticking
    writeFileSync(join(dir, 'src/label.ts'), 'export function label(v: string): string {\n  return 42;\n}\n');
    await w.until('stderr', 'src/label.ts:2:3: error TS2322');
    await w.until('stderr', 'src/label.ts changed: not restarted (the problems above); the app keeps running');
    const ticks = w.stdout().split('tick v2').length;
    await w.until('stdout', 'tick v2\n', 5_000, ticks + 2);
    // fixed: the library's new text runs
    writeFileSync(join(dir, 'src/label.ts'), 'export function label(v: string): string {\n  return `tock ${v}`;\n}\n');
    await w.until('stdout', 'tock v2\n');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('restarts the services when a definition file changes; a stopped service ends on its CANCEL', async () => {
    const services = (input: string): string =>
      indexYaml(
        entry('main', 'main.lua') +
          `  - name: svc\n    kind: process.service\n    process: app:main\n    host: app:processes\n    input: [${input}]\n    lifecycle:\n      auto_start: true\n`,
      );
    const dir = writeApp({
      'src/_index.yaml': services('"v1"'),
      'src/main.lua': 'return { main = function(v)\n  print("svc " .. v)\n  process.events():receive()\n  print("cancelled " .. v)\nend }\n',
    });
    const w = watch([dir]);
    await w.until('stdout', 'svc v1\n');
    writeFileSync(join(dir, 'src/_index.yaml'), services('"v2"'));
    await w.until('stdout', 'svc v2\n');
    await w.until('stderr', 'moonforge: src/_index.yaml changed, restarted in ');
    expect(w.stdout()).toBe('svc v1\ncancelled v1\nsvc v2\n');
    // nothing was left for the grace to terminate
    expect(w.stderr()).not.toContain('terminated');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    expect(w.stdout()).toBe('svc v1\ncancelled v1\nsvc v2\ncancelled v2\n');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('reruns a single Lua script when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-watch-script-'));
    const file = join(dir, 'hello.lua');
    writeFileSync(file, 'print("hello", ...)\n');
    const w = watch([file, 'a']);
    await w.until('stdout', 'hello\ta\n');
    writeFileSync(file, 'print("again", ...)\n');
    await w.until('stdout', 'again\ta\n');
    await w.until('stderr', 'hello.lua changed, restarted in ');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
    // a script that is not there at the start is reported as `run` reports it
    const missing = watch([join(dir, 'missing.lua')]);
    expect(await missing.exit).toBe(1);
    expect(missing.stderr()).toContain('missing.lua: error LUA1010: cannot read file (ENOENT)');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
