// Entry overrides (`-o NS:ENTRY:FIELD=VALUE`, runtime/app/overrides.ts) on a loaded app: Wippy's key and value
// rules, each typed field following the change, and each problem reported as a diagnostic.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApp, type App, type LuaEntry, type ProcessServiceEntry } from '../../runtime/app/index.js';
import { applyOverrides, overrideValue, parseOverride } from '../../runtime/app/overrides.js';
import { createRuntime } from '../../sdk/index.js';

const INDEX = `namespace: app
entries:
  - name: terminal
    kind: terminal.host
  - name: processes
    kind: process.host
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    modules: [io]
    meta:
      command: { name: hello }
  - name: greeter
    kind: process.lua
    source: file://greeter.lua
    method: run
  - name: svc
    kind: process.service
    process: greeter
    host: processes
    input: [hello, 1]
    lifecycle:
      auto_start: true
`;

async function load(): Promise<{ app: App; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-overrides-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', '_index.yaml'), INDEX);
  writeFileSync(join(dir, 'src', 'main.lua'), 'return { main = function() end, other = function() end }\n');
  writeFileSync(join(dir, 'src', 'greeter.lua'), 'return { run = function() end }\n');
  writeFileSync(join(dir, 'src', 'other.lua'), 'return { main = function() end }\n');
  const { app, diagnostics } = await loadApp(dir);
  expect(diagnostics).toEqual([]);
  return { app, dir };
}

const lua = (app: App, id: string): LuaEntry => app.get(id) as LuaEntry;
const service = (app: App): ProcessServiceEntry => app.get('app:svc') as ProcessServiceEntry;

describe('override values, as Wippy reads them', () => {
  it.each([
    ['true', true], ['FALSE', false], ['42', 42], ['-7', -7], ['1.5', 1.5], ['2e3', 2000], [' 8 ', 8],
    ['007', '007'], ['+7', '+7'], ['-0', '-0'], [':9090', ':9090'], ['', ''], ['Infinity', 'Infinity'], ['1.2.3', '1.2.3'],
  ])('%j is %j', (raw, value) => {
    expect(overrideValue(raw)).toBe(value);
  });
});

describe('override keys', () => {
  it('splits at the first = and the first two colons; data. is optional, meta. and kind are their own', () => {
    expect(parseOverride('app.v2:gateway.v1:data.addr=:80=x')).toMatchObject({ id: 'app.v2:gateway.v1', target: 'data', path: ['addr'], value: ':80=x' });
    expect(parseOverride('app:x:meta.command.name=go')).toMatchObject({ target: 'meta', path: ['command', 'name'] });
    expect(parseOverride('app:x:.lifecycle.auto_start=true')).toMatchObject({ target: 'data', path: ['lifecycle', 'auto_start'], value: true });
    expect(parseOverride('app:x:kind=process.lua')).toMatchObject({ target: 'kind', value: 'process.lua' });
  });
  it.each([
    ['app:main:method', "missing separator '=', expected format: namespace:entry:field=value"],
    ['app:main=x', "missing separator ':', expected format: namespace:entry:field=value"],
    [':main:method=x', 'namespace cannot be empty'],
    ['app::method=x', 'entry name cannot be empty'],
    ['app:main:=x', 'field cannot be empty'],
    ['app:main:data=x', 'cannot replace entire data field'],
    ['app:main:meta=x', 'cannot replace entire meta field'],
    ['app:main:a..b=x', "field 'a..b' has an empty step"],
  ])('refuses %j: %s', (text, message) => {
    expect(parseOverride(text)).toBe(message);
  });
});

describe('applyOverrides', () => {
  it("changes a process entry's method and source, its meta, and a service's input item by item", async () => {
    const { app, dir } = await load();
    expect(applyOverrides(app, ['app:main:method=other', 'app:main:meta.command.name=hi', 'app:svc:input.0=bye', 'app:svc:input.2=true', 'app:greeter:source=file://other.lua', 'app:greeter:method=main'])).toEqual([]);
    expect(lua(app, 'app:main')).toMatchObject({ method: 'other', meta: { command: { name: 'hi' } }, modules: ['io'] });
    expect(lua(app, 'app:greeter')).toMatchObject({ method: 'main', source: { type: 'file', path: join(dir, 'src', 'other.lua') } });
    expect(service(app).input).toEqual(['bye', 1, true]);
    // where the entry was written stays, for what is reported about it later
    expect(lua(app, 'app:main').pos).toMatchObject({ file: 'src/_index.yaml', line: 7, column: 5 });
  });

  it('re-derives typed fields: a lifecycle written by the override, a later override of the same field winning', async () => {
    const { app } = await load();
    expect(applyOverrides(app, ['app:main:lifecycle.auto_start=true', 'app:svc:lifecycle.auto_start=false', 'app:svc:host=terminal', 'app:svc:host=app:processes'])).toEqual([]);
    expect(lua(app, 'app:main').lifecycle?.autoStart).toBe(true);
    expect(service(app)).toMatchObject({ host: 'app:processes', lifecycle: { autoStart: false } });
  });

  it('keeps an unchanged source as it was loaded, without the file (a bundle has none)', async () => {
    const { app, dir } = await load();
    rmSync(join(dir, 'src', 'main.lua'));
    expect(applyOverrides(app, ['app:main:method=other'])).toEqual([]);
    expect(lua(app, 'app:main').source).toEqual({ type: 'file', url: 'file://main.lua', path: join(dir, 'src', 'main.lua') });
  });

  it('a bad key and an unknown entry: one APP0018 each, on the command line', async () => {
    const { app } = await load();
    expect(applyOverrides(app, ['app:main', 'app:nope:method=x', 'app:svc:input.5=x', 'app:main:kind=7'])).toEqual([
      { code: 'APP0018', message: "-o app:main: missing separator '=', expected format: namespace:entry:field=value", file: '<command-line>', line: 0, column: 0 },
      { code: 'APP0018', message: '-o app:nope:method=x: no entry found for app:nope', file: '<command-line>', line: 0, column: 0 },
      { code: 'APP0018', message: "-o app:svc:input.5=x: '5' is not an index of the list at 'input'", file: '<command-line>', line: 0, column: 0 },
      { code: 'APP0018', message: '-o app:main:kind=7: kind override must be a string, got a number (7)', file: '<command-line>', line: 0, column: 0 },
    ]);
    expect(lua(app, 'app:main').method).toBe('main');
  });

  it("a value the entry cannot take is the loader's error at the entry, with the override as a note; the entry stays", async () => {
    const { app } = await load();
    expect(applyOverrides(app, ['app:main:method=7'])).toEqual([
      { code: 'APP0004', message: "app:main: field 'method' must be a string, got a number (7)", file: 'src/_index.yaml', line: 7, column: 5, notes: ['after -o app:main:method=7'] },
    ]);
    expect(lua(app, 'app:main').method).toBe('main');
    const kinds = applyOverrides(app, ['app:greeter:kind=no.such.kind']);
    expect(kinds).toMatchObject([{ code: 'APP0005', message: "app:greeter: unknown entry kind 'no.such.kind'" }]);
  });

  it('checks across entries again: a reference the override broke, a kind moonforge does not run', async () => {
    const { app } = await load();
    expect(applyOverrides(app, ['app:svc:process=app:nope'])).toMatchObject([
      { code: 'APP0009', message: "app:svc: process 'app:nope' is not a known entry", notes: ['after -o app:svc:process=app:nope'] },
    ]);
    const { app: app2 } = await load();
    expect(applyOverrides(app2, ['app:greeter:kind=http.service'])).toMatchObject([
      { code: 'APP0009', message: "app:svc: process 'app:greeter' is a http.service entry, expected a process.lua entry" },
      { code: 'APP0015', severity: 'warning' },
    ]);
  });
});

describe(".wippy.yaml's override: section", () => {
  it('is applied first, its values keeping their YAML types (a list too); -o after it wins', async () => {
    const { dir } = await load();
    writeFileSync(join(dir, '.wippy.yaml'), 'override:\n  app:svc:input: [from, config, 3]\n  app:main:method: other\n  app:main:meta.level: 2\n');
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    expect(applyOverrides(app, ['app:main:method=main'])).toEqual([]);
    expect(service(app).input).toEqual(['from', 'config', 3]);
    expect(lua(app, 'app:main')).toMatchObject({ method: 'main', meta: { level: 2 } });
  });

  it('a bad key or an unknown entry is reported at its line of .wippy.yaml', async () => {
    const { dir } = await load();
    writeFileSync(join(dir, '.wippy.yaml'), 'override:\n  app:nope:method: x\n  bad: 1\n');
    const { app } = await loadApp(dir);
    expect(applyOverrides(app, [])).toEqual([
      { code: 'APP0018', message: 'override app:nope:method: no entry found for app:nope', file: '.wippy.yaml', line: 2, column: 3 },
      { code: 'APP0018', message: "override bad: missing separator ':', expected format: namespace:entry:field=value", file: '.wippy.yaml', line: 3, column: 3 },
    ]);
  });
});

describe('the embedding API', () => {
  it('rt.loadApp(dir, { overrides }) applies them, and refuses an app whose overrides have errors', async () => {
    const { dir } = await load();
    writeFileSync(join(dir, 'src', 'main.lua'), 'return { main = function() return "main" end, other = function() return "other" end }\n');
    const rt = createRuntime();
    try {
      await rt.loadApp(dir, { overrides: ['app:main:method=other'] });
      const exit = await rt.exit(rt.spawn('app:main', 'app:processes'));
      expect(exit.value).toBe('other');
      await expect(createRuntime().loadApp(dir, { overrides: ['app:nope:method=x'] })).rejects.toThrow('-o app:nope:method=x: no entry found for app:nope');
    } finally {
      await rt.shutdown();
    }
  });
});
