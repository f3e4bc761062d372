// The `moonforge` command end to end (spawned as a user runs it): help and version, exit codes, ARGS, `compile -o`,
// the compile cache, and that user errors never show a JS stack. Needs the built dist/ (`npm test` builds it).
import { describe, expect, it, beforeAll, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { runMoonforgeCli, showsJsStack } from '../support/moonforge-cli.js';
import { runReferenceLuaFile } from '../support/reference-lua.js';
import { REPO_ROOT } from '../support/repo.js';

// Each test spawns node (~0.2 s, more on a loaded machine).
vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let cacheDir: string;
const env = (): Record<string, string> => ({ MOONFORGE_CACHE_DIR: cacheDir });

function lua(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text, 'latin1');
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mf-cli-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'mf-cli-cache-'));
});

describe.concurrent('usage', () => {
  it('--help prints the usage on stdout, exit 0', async () => {
    const r = await runMoonforgeCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^moonforge /);
    expect(r.stdout).toContain('moonforge run FILE.lua [ARGS...]');
    expect(r.stdout).toContain('moonforge compile FILE.lua [-o OUT]');
    expect(r.stderr).toBe('');
  });
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runMoonforgeCli(['--version']);
    expect(r).toEqual({ timedOut: false, status: 0, stdout: `moonforge ${pkg.version}\n`, stderr: '' });
  });
  it('an unknown command is a usage error (exit 2) on stderr', async () => {
    const r = await runMoonforgeCli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^moonforge: unknown command 'frobnicate'\n/);
  });
  it('run without a file, outside an app folder, is a usage error that names the folder', async () => {
    const r = await runMoonforgeCli(['run']);
    expect(r.status).toBe(2);
    // the folder as process.cwd() gives it: REPO_ROOT ends in a slash
    expect(r.stderr).toBe(
      `moonforge run: missing FILE.lua, FILE.ts or APPDIR, and the current folder ${REPO_ROOT.replace(/\/$/, '')} is not an app folder (it has no src/ folder, wippy.lock or .wippy.yaml)\n`,
    );
  });
});

describe.concurrent('run', () => {
  it('exit 0 and print output', async () => {
    const f = lua('ok.lua', 'print("a", 1, nil, true)\nprint()\n');
    expect(await runMoonforgeCli(['run', f], { env: env() })).toEqual({ timedOut: false, status: 0, stdout: 'a\t1\tnil\ttrue\n\n', stderr: '' });
  });
  it('exit 1 on a Lua error: message and traceback on stderr, output so far on stdout', async () => {
    const f = lua('err.lua', 'print("before")\nlocal t = nil\nprint(t.x)\n');
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(`${f}:3: attempt to index a nil value (local 't')\nstack traceback:\n\t${f}:3: in main chunk\n`);
  });
  it('exit 1 on a syntax error: the diagnostic on stderr, nothing on stdout', async () => {
    const f = lua('syn.lua', 'print("never")\nx = = 1\n');
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r).toEqual({ timedOut: false, status: 1, stdout: '', stderr: `${f}:2:5: error LUA2001: unexpected symbol near '='\nx = = 1\n    ^\n` });
  });
  it('exit 1 on a missing file, LUA1010', async () => {
    const r = await runMoonforgeCli(['run', join(dir, 'missing.lua')], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${join(dir, 'missing.lua')}: error LUA1010: cannot read file (ENOENT)\n`);
  });
  it('error(non-string) and os.exit-free scripts exit like lua.c', async () => {
    const f = lua('errtab.lua', 'error({code = 1})\n');
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('(error object is not a string)');
  });
  it('`arg` and `...` hold ARGS, arg[0] the script', async () => {
    const g = lua('args2.lua', 'print(select("#", ...), ...)\nprint(arg[0], arg[1], arg[2], #arg)\n');
    const r = await runMoonforgeCli(['run', g, 'a', 'b c', ''], { env: env() });
    expect(r).toEqual({ timedOut: false, status: 0, stdout: `3\ta\tb c\t\n${g}\ta\tb c\t3\n`, stderr: '' });
    expect((await runMoonforgeCli(['run', g], { env: env() })).stdout).toBe(`0\n${g}\tnil\tnil\t0\n`);
  });
  it('non-ASCII script paths and ARGS are UTF-8 byte strings in Lua, as in lua5.1', async () => {
    const sub = join(dir, 'dé');
    execFileSync('mkdir', ['-p', sub]);
    const f = join(sub, 'ü.lua');
    writeFileSync(f, 'print(arg[0], #arg[0], arg[1], #arg[1], ...)\nlocal t = {}\nprint(t.x.y)\n');
    const r = await runMoonforgeCli(['run', f, 'é'], { env: env() });
    const want = (await runReferenceLuaFile(f, { args: ['é'] })).stdout;
    expect(r.stdout).toBe(want);
    const fb = Buffer.from(f, 'utf8').toString('latin1');
    expect(r.stderr).toBe(`${fb}:3: attempt to index a nil value (field 'x')\nstack traceback:\n\t${fb}:3: in main chunk\n`);
  });
  it('a first line starting with # is skipped, as lua.c does, and line numbers stay', async () => {
    const f = lua('shebang.lua', '#!/usr/bin/env moonforge\nprint("hi")\nerror("boom")\n');
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr.split('\n')[0]).toBe(`${f}:3: boom`);
  });
  it('non-ASCII strings are written byte-exact (as lua5.1 writes them)', async () => {
    const text = 'print("héllo wörld €", #"é", "\\255\\1")\nprint(("é"):rep(2), ("é"):byte(1, -1))\n';
    const f = lua('bytes.lua', Buffer.from(text, 'utf8').toString('latin1'));
    const r = await runMoonforgeCli(['run', f], { env: env() });
    const ref = await runReferenceLuaFile(f);
    expect(ref.status).toBe(0);
    const want = ref.stdout;
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(want);
    expect(Buffer.from(r.stdout, 'latin1').includes(Buffer.from('héllo wörld €', 'utf8'))).toBe(true);
  });
  it('\\0 bytes are written whole (go-lua and Lua 5.2+; lua5.1 print stops at the first \\0)', async () => {
    const f = lua('zeros.lua', 'print("a\\0b", #"a\\0b")\nprint(("x\\0"):rep(2) .. "!")\n');
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r).toEqual({ timedOut: false, status: 0, stdout: 'a\0b\t3\nx\0x\0!\n', stderr: '' });
  });
  it('an error message with non-ASCII bytes reaches stderr byte-exact', async () => {
    const f = lua('bytes-err.lua', Buffer.from('error("ünïcode \\0 end")\n', 'utf8').toString('latin1'));
    const r = await runMoonforgeCli(['run', f], { env: env() });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${f}:1: ${Buffer.from('ünïcode \0 end', 'utf8').toString('latin1')}`);
  });
});

describe.concurrent('no JS stack for user errors', () => {
  const cases: Array<[string, string]> = [
    ['runtime error', 'local function f() return nil + 1 end\nf()\n'],
    ['error with a table', 'error(setmetatable({}, {__tostring = function() return "T" end}))\n'],
    ['error(nil)', 'error()\n'],
    ['stack overflow', 'local function f() return 1 + f() end\nf()\n'],
    ['error in a coroutine', 'coroutine.wrap(function() error("in co") end)()\n'],
    ['syntax error', 'local = 1\n'],
    ['goto error', 'goto nowhere\n'],
    ['bad argument', 'string.rep()\n'],
    ['error in a metamethod', 'local t = setmetatable({}, {__index = function() error("mm") end})\nprint(t.x)\n'],
    ['error in a sort comparator', 'table.sort({3, 2, 1}, function(a, b) error("cmp") end)\n'],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const f = lua(`nostack-${name.replace(/\W/g, '_')}.lua`, text);
      const r = await runMoonforgeCli(['run', f], { env: env() });
      expect(r.status).toBe(1);
      expect(r.stderr).not.toBe('');
      expect(showsJsStack(r.stderr.replaceAll(f, 'FILE'))).toBe(false);
    });
  }
});

describe.concurrent('compile -o', () => {
  it('writes a module and its source map that run when imported with the runtime', async () => {
    const f = lua('mod.lua', 'local t = {...}\nprint("mod", #t, t[1])\nlocal function boom() boom2() end\nif t[1] == "fail" then boom() end\n');
    const out = join(dir, 'out', 'mod.mjs');
    execFileSync('mkdir', ['-p', join(dir, 'out')]);
    const r = await runMoonforgeCli(['compile', f, '-o', out]);
    expect(r).toEqual({ timedOut: false, status: 0, stdout: '', stderr: '' });
    expect(existsSync(out)).toBe(true);
    const code = readFileSync(out, 'utf8');
    expect(code).toContain('export default function');
    expect(code.trimEnd().endsWith('//# sourceMappingURL=mod.mjs.map')).toBe(true);
    const map = JSON.parse(readFileSync(`${out}.map`, 'utf8')) as { version: number; sources: string[]; mappings: string };
    expect(map.version).toBe(3);
    // relative to the map's folder, where a debugger or bundler resolves it
    expect(map.sources).toEqual(['../mod.lua']);
    expect(map.mappings.length).toBeGreaterThan(0);

    // A host script imports the module with the built runtime (dist/runtime.mjs), as an embedding would.
    const host = join(dir, 'out', 'host.mjs');
    writeFileSync(host, [
      `import { runChunk } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/runtime.mjs')).href)};`,
      'import { readFileSync } from "node:fs";',
      `const url = ${JSON.stringify(pathToFileURL(out).href)};`,
      'const mod = await import(url);',
      'let printed = "";',
      `const opts = { url, map: () => readFileSync(${JSON.stringify(`${out}.map`)}, "utf8"), write: (s) => { printed += s; }, scriptName: "mod.lua" };`,
      'const a = runChunk(mod, { ...opts, args: ["x"] });',
      'const b = runChunk(mod, { ...opts, args: ["fail"] });',
      'process.stdout.write(JSON.stringify({ a, b, printed }));',
    ].join('\n'));
    const res = JSON.parse(execFileSync(process.execPath, [host]).toString()) as { a: unknown; b: { ok: boolean; error: string }; printed: string };
    expect(res.a).toEqual({ ok: true });
    expect(res.printed).toBe('mod\t1\tx\nmod\t1\tfail\n');
    expect(res.b.ok).toBe(false);
    // the traceback goes through the source map back to the Lua lines
    expect(res.b.error).toBe(`${f}:3: attempt to call a nil value (global 'boom2')\nstack traceback:\n\t${f}:3: in function 'boom'\n\t${f}:4: in main chunk`);
  });
  it("the map's sourcesContent is the file as written: UTF-8 text not encoded twice, the shebang line kept", async () => {
    const text = '#!/usr/bin/env moonforge\nprint("grüße, ünïcødé ✓")\n';
    const f = join(dir, 'utf8.lua');
    writeFileSync(f, text); // as an editor saves it: UTF-8 (lua() writes latin1 bytes)
    const out = join(dir, 'utf8-out', 'deep', 'u.mjs');
    execFileSync('mkdir', ['-p', join(dir, 'utf8-out', 'deep')]);
    expect(await runMoonforgeCli(['compile', f, '-o', out])).toEqual({ timedOut: false, status: 0, stdout: '', stderr: '' });
    const map = JSON.parse(readFileSync(`${out}.map`, 'utf8')) as { file: string; sources: string[]; sourcesContent: string[] };
    expect(map).toMatchObject({ file: 'u.mjs', sources: ['../../utf8.lua'], sourcesContent: [text] });
  });
  it('a map next to its module names the source by its bare name, whatever the working folder', async () => {
    lua('here.lua', 'print(1)\n');
    const r = await runMoonforgeCli(['compile', 'here.lua', '-o', join(dir, 'here-out.mjs')], { cwd: dir });
    expect(r.status).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'here-out.mjs.map'), 'utf8')) as { sources: string[] }).sources).toEqual(['here.lua']);
  });
  it('a .ts file: sources relative to the output folder, sourcesContent the TypeScript as written', async () => {
    const text = 'const greeting: string = "grüße";\nprint(greeting);\n';
    const f = join(dir, 'greet.ts');
    writeFileSync(f, text);
    const out = join(dir, 'ts-out', 'greet.mjs');
    execFileSync('mkdir', ['-p', join(dir, 'ts-out')]);
    expect(await runMoonforgeCli(['compile', f, '-o', out])).toEqual({ timedOut: false, status: 0, stdout: '', stderr: '' });
    const map = JSON.parse(readFileSync(`${out}.map`, 'utf8')) as { file: string; sources: string[]; sourcesContent: string[] };
    expect(map).toMatchObject({ file: 'greet.mjs', sources: ['../greet.ts'], sourcesContent: [text] });
  });
  it('defaults the output to FILE.mjs', async () => {
    const f = lua('dflt.lua', 'print(1)\n');
    expect((await runMoonforgeCli(['compile', f])).status).toBe(0);
    expect(existsSync(join(dir, 'dflt.mjs'))).toBe(true);
    expect(existsSync(join(dir, 'dflt.mjs.map'))).toBe(true);
  });
  it('a syntax error: diagnostic, exit 1, no output file', async () => {
    const f = lua('bad.lua', 'break\n');
    const r = await runMoonforgeCli(['compile', f, '-o', join(dir, 'bad.mjs')]);
    expect(r).toEqual({ timedOut: false, status: 1, stdout: '', stderr: `${f}:1:1: error LUA1003: no loop to break near '<eof>'\nbreak\n^^^^^\n` });
    expect(existsSync(join(dir, 'bad.mjs'))).toBe(false);
  });
});

describe.concurrent('cache', () => {
  it('the second run of the same content does not compile again', async () => {
    const cd = mkdtempSync(join(tmpdir(), 'mf-cache-'));
    const f = lua('cached.lua', 'print("cached", 42)\n');
    const r1 = await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: cd } });
    expect(r1.stdout).toBe('cached\t42\n');
    const files1 = readdirSync(cd).sort();
    expect(files1.filter((n) => n.endsWith('.mjs'))).toHaveLength(1);
    expect(files1.filter((n) => n.endsWith('.mjs.map'))).toHaveLength(1);
    const module1 = readFileSync(join(cd, files1.find((n) => n.endsWith('.mjs'))!), 'utf8');
    // Plant a marker in the cached module: a second run that compiled again would overwrite it.
    const name = files1.find((n) => n.endsWith('.mjs'))!;
    writeFileSync(join(cd, name), module1.replace('"cached"', '"from-cache"'));
    const r2 = await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: cd } });
    expect(r2.stdout).toBe('from-cache\t42\n');
    expect(readdirSync(cd).sort()).toEqual(files1);
    // New content is a new entry.
    lua('cached.lua', 'print("changed")\n');
    const r3 = await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: cd } });
    expect(r3.stdout).toBe('changed\n');
    expect(readdirSync(cd).filter((n) => n.endsWith('.mjs'))).toHaveLength(2);
  });
  it('MOONFORGE_CACHE=off compiles every time, writes nothing to the cache dir and leaves no temp files', async () => {
    const cd = mkdtempSync(join(tmpdir(), 'mf-cache-off-'));
    const tmp = mkdtempSync(join(tmpdir(), 'mf-tmp-'));
    const f = lua('nocache.lua', 'print("fresh")\nlocal x = nil + 1\n');
    const r = await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: cd, MOONFORGE_CACHE: 'off', TMPDIR: tmp } });
    expect(r.stdout).toBe('fresh\n');
    // the traceback still maps through the (temporary) source map
    expect(r.stderr).toBe(`${f}:2: attempt to perform arithmetic on a nil value\nstack traceback:\n\t${f}:2: in main chunk\n`);
    expect(readdirSync(cd)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
