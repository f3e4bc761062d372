// `moonforge run APPDIR -x NS:NAME` in process: binding of modules and imports (spec §1.5), require, hosts,
// arguments, the io module, and the errors that stop an app from starting.
import { describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';
import type { LineReader } from '../../runtime/process/index.js';

const proc = (name: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${name}.lua\n    method: main\n${extra}`;

describe('run APPDIR -x', () => {
  it('passes the arguments to main as strings and exits 0 on a normal return', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main')),
      'src/main.lua': 'return { main = function(...) print(select("#", ...), ...) return true end }',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main', args: ['a', '2'] });
    expect(r).toMatchObject({ code: 0, stderr: '', lines: ['2\ta\t2'] });
  });

  it('binds modules: and imports:, require returns the bound value, libraries run once per process', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('main', '    modules: [time]\n    imports:\n      a: app:liba\n      b: app:libb\n') +
          '  - name: liba\n    kind: library.lua\n    source: file://liba.lua\n    imports:\n      shared: app:shared\n' +
          '  - name: libb\n    kind: library.lua\n    source: file://libb.lua\n    modules: [ctx]\n    imports:\n      shared: app:shared\n' +
          '  - name: shared\n    kind: library.lua\n    source: file://shared.lua\n',
      ),
      'src/shared.lua': 'print("shared runs") return { n = 0 }',
      'src/liba.lua': 'shared.n = shared.n + 1 return { name = "a", shared = require("shared") }',
      'src/libb.lua': 'shared.n = shared.n + 10 return { name = "b", shared = shared }',
      'src/main.lua': `return { main = function()
          print(require("time") == time, require("a").name, require("b").name, a.shared == b.shared, shared.n)
          -- a library's own modules are bound into the same globals (spec §1.5: they leak into the importer)
          print(type(ctx), type(ctx.get))
          local ok, err = pcall(require, "json")
          print(ok, err)
        end }`,
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['shared runs', 'true\ta\tb\ttrue\t11', 'table\tfunction', "false\tmodule 'json' not found"]);
    expect(r.code).toBe(0);
  });

  it('a module moonforge does not provide stops the app at start, at its item of the modules: list', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main', '    modules: [time, sql]\n')),
      'src/main.lua': 'return { main = function() end }',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^src\/_index\.yaml:10:21: error APP0013: app:main: module 'sql' is not available in moonforge/);
  });

  it('reports definition-file diagnostics with file and line, exit 1', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main') + '  - name: main\n    kind: process.lua\n    source: file://nope.lua\n    method: main\n'),
      'src/main.lua': 'return { main = function() end }',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('src/_index.yaml:');
    expect(r.stderr).toMatch(/error APP0007: .*nope\.lua/);
  });

  it('reports Lua syntax errors of any process entry as diagnostics, exit 1', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main') + proc('other')),
      'src/main.lua': 'return { main = function() end }',
      'src/other.lua': 'local x = = 1',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^src\/other\.lua:1:\d+: error LUA\d+/);
  });

  it('fails with 1 when main raises or returns nil, err', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main') + proc('soft')),
      'src/main.lua': 'return { main = function() local t = nil; return t.x end }',
      'src/soft.lua': 'return { main = function() return nil, "no luck" end }',
    });
    const hard = await runAppInProcess(dir, { exec: 'app:main' });
    expect(hard.code).toBe(1);
    expect(hard.stderr).toMatch(/attempt to index/);
    const soft = await runAppInProcess(dir, { exec: 'app:soft' });
    expect(soft).toMatchObject({ code: 1, stderr: 'no luck\n' });
  });

  it('unknown entry, non-process entry, unknown host, no host', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main') + '  - name: lib\n    kind: library.lua\n    source: file://main.lua\n'),
      'src/main.lua': 'return { main = function() end }',
    });
    expect((await runAppInProcess(dir, { exec: 'app:nope' })).stderr).toContain("no entry 'app:nope'");
    expect((await runAppInProcess(dir, { exec: 'app:lib' })).stderr).toContain('library.lua entry, not a process.lua entry');
    expect((await runAppInProcess(dir, { exec: 'app:main', host: 'app:zzz' })).stderr).toContain("no host 'app:zzz'");
    const bare = writeApp({
      'src/_index.yaml': `namespace: app\nentries:\n${proc('main')}`,
      'src/main.lua': 'return { main = function() end }',
    });
    const r = await runAppInProcess(bare, { exec: 'app:main' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no process.host or terminal.host');
  });

  it('a terminal.host is the default host, and io works for entries that list it', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        '  - name: terminal\n    kind: terminal.host\n' + proc('main', '    modules: [io]\n') + proc('noio'),
      ),
      'src/main.lua': `return { main = function()
          io.write("name? ", 42, "\\n")
          local a = io.readline()
          local b = io.readline()
          local c, err = io.readline()
          io.print("got", a, b, c, tostring(err))
          io.flush()
          print(process.pid():match("^{(app:%w+)|"))
        end }`,
      'src/noio.lua': 'return { main = function() print(io == nil, pcall(require, "io")) end }',
    });
    const lines = ['alpha', 'beta'];
    const stdin: LineReader = { readLine: (cb) => setTimeout(() => cb(lines.shift()), 1) };
    const r = await runAppInProcess(dir, { exec: 'app:main', stdin });
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['name? 42', 'got\talpha\tbeta\tnil\tEOF', 'app:terminal']);
    expect(await runAppInProcess(dir, { exec: 'app:noio' })).toMatchObject({ code: 0, lines: ["true\tfalse\tmodule 'io' not found"] });
  });
});
