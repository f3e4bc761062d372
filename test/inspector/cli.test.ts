// `moonforge run APPDIR --inspect=0` as a real child process (the built CLI: `node esbuild.config.mjs` first): the
// address with its token on stderr, the page (or its placeholder) and the API over a running app, a crash with its Lua
// traceback in the recent exits; and the parsing of --inspect / --inspect-control.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { MOONFORGE_BIN, REPO_ROOT } from '../support/repo.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { parseAppRunArgs } from '../../sdk/cli/app-run-args.js';

const MAIN = `
local function deeper(x)
  error("crashed on purpose: " .. x)
end
local function crasher()
  deeper("boom")
end
local function main()
  process.registry.register("main")
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "never" then return end
  end
end
return { main = main, crasher = crasher }
`;

const app = (): string =>
  writeApp({
    'src/_index.yaml': indexYaml(
      '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n' +
        '  - name: crasher\n    kind: process.lua\n    source: file://main.lua\n    method: crasher\n' +
        '  - name: boot\n    kind: process.lua\n    source: file://boot.lua\n    method: main\n    modules: [time]\n',
    ),
    'src/main.lua': MAIN,
    // boot sleeps on: the inspector does not keep a run alive, and a root blocked for good ends it as a deadlock
    'src/boot.lua': 'return { main = function() process.spawn("app:crasher", "app:processes") process.spawn("app:main", "app:processes") while true do time.sleep("50ms") end end }\n',
  });

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts `moonforge run APP ARGS` and resolves with the inspector's address from its stderr. */
function startRun(args: string[]): Promise<{ url: URL; stderr: () => string }> {
  child = spawn(process.execPath, [MOONFORGE_BIN, 'run', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no inspector address on stderr: ${err}`)), 15_000);
    child!.stderr!.on('data', (d: Buffer) => {
      err += d.toString('latin1');
      const m = /^inspector: (http:\/\/\S+)$/m.exec(err);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ url: new URL(m[1]!), stderr: () => err });
      }
    });
    child!.on('exit', (code) => reject(new Error(`moonforge exited (${code}): ${err}`)));
  });
}

describe('moonforge run --inspect', () => {
  it('prints the address with its token, serves the page and the API, shows a crash with its Lua traceback', async () => {
    const { url } = await startRun([app(), '-x', 'app:boot', '--inspect=0']);
    expect(url.hostname).toBe('127.0.0.1');
    const token = url.searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await fetch(new URL('/api/snapshot', url))).status).toBe(401);
    let snap: any;
    for (let i = 0; i < 50; i++) {
      snap = await (await fetch(new URL(`/api/snapshot?token=${token}`, url))).json();
      if ((snap.exits as any[]).length > 0 && (snap.processes as any[]).some((p) => p.names.includes('main'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const boot = (snap.processes as any[]).find((p) => p.entry === 'app:boot');
    expect((snap.processes as any[]).find((p) => p.entry === 'app:main')).toMatchObject({ parent: boot.pid, names: ['main'], state: 'waiting', waitingOn: 'inbox' });
    const exit = (snap.exits as any[]).find((x) => x.entry === 'app:crasher');
    expect(exit).toMatchObject({ reason: 'error', parent: boot.pid });
    expect(exit.error).toBe('src/main.lua:3: crashed on purpose: boom');
    expect(exit.traceback).toMatch(/stack traceback:\n.*src\/main\.lua:3: in function 'deeper'\n.*src\/main\.lua:6: in function/);
  });

  it('reads --inspect, --inspect=PORT, --inspect=HOST:PORT and --inspect-control; refuses bad values', () => {
    const parse = (argv: string[]) => parseAppRunArgs(argv);
    expect(parse(['--inspect', '-x', 'app:main'])).toMatchObject({ ok: true, value: { exec: 'app:main', inspect: { port: 9230 } } });
    expect(parse(['-x', 'app:main', '--inspect=0', '--inspect-control'])).toMatchObject({ ok: true, value: { inspect: { port: 0, control: true } } });
    expect(parse(['--inspect=0.0.0.0:8000', '-x', 'a:b'])).toMatchObject({ ok: true, value: { inspect: { port: 8000, host: '0.0.0.0' } } });
    expect(parse(['--inspect=[::1]:8000', '-x', 'a:b'])).toMatchObject({ ok: true, value: { inspect: { port: 8000, host: '::1' } } });
    // after the entry's first argument, --inspect is the entry's
    expect(parse(['-x', 'a:b', 'arg', '--inspect'])).toMatchObject({ ok: true, value: { args: ['arg', '--inspect'] } });
    expect(parse(['-x', 'a:b', 'arg', '--inspect'])).not.toHaveProperty('value.inspect');
    expect(parse(['--inspect=99999', '-x', 'a:b'])).toEqual({ ok: false, message: "--inspect takes a port or HOST:PORT (0 to 65535), not '99999'" });
    expect(parse(['--inspect=x', '-x', 'a:b'])).toMatchObject({ ok: false });
    expect(parse(['--inspect-control', '-x', 'a:b'])).toEqual({ ok: false, message: '--inspect-control goes with --inspect' });
  });
});

describe('moonforge run --inspect, a deadlock', () => {
  it('keeps the inspector up to show the blocked root until a signal, then exits 1', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml('  - name: stuck\n    kind: process.lua\n    source: file://stuck.lua\n    method: main\n'),
      'src/stuck.lua': 'return { main = function() process.inbox():receive() end }\n',
    });
    const { url, stderr } = await startRun([dir, '-x', 'app:stuck', '--inspect=0']);
    const token = url.searchParams.get('token')!;
    for (let i = 0; i < 50 && !stderr().includes('stays up'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr()).toMatch(/deadlock: process app:stuck .* is blocked/);
    expect(stderr()).toContain(`the inspector stays up to show it: ${url.href} (Ctrl+C ends)`);
    const snap = (await (await fetch(new URL(`/api/snapshot?token=${token}`, url))).json()) as any;
    expect((snap.processes as any[]).find((p) => p.entry === 'app:stuck')).toMatchObject({ state: 'waiting', waitingOn: 'inbox' });
    const code = new Promise<number | null>((resolve) => child!.on('exit', (c) => resolve(c)));
    child!.kill('SIGINT');
    expect(await code).toBe(1);
  });
});
