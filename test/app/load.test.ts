// The app loader on a small sample app (several namespaces, nested folders, a .wippy module) and on one broken
// fixture per diagnostic. Layout and field rules: docs en/start/structure.md and en/lua/entries.md,
// boot/loader/entry_loader.go, api/supervisor/config.go (lifecycle defaults).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadApp,
  formatDiagnostic,
  isLuaEntry,
  isProcessService,
  isProcessHost,
  bindingPlan,
  type Diagnostic,
} from '../../runtime/app/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const S = 1e9;

async function diagnosticsOf(name: string): Promise<string[]> {
  const { diagnostics } = await loadApp(fixture(`broken/${name}`));
  return diagnostics.map(formatDiagnostic);
}

describe('the sample app', async () => {
  const { app, diagnostics } = await loadApp(fixture('sample'));

  it('loads with only the warning that its http.service is not run, modules first, then src in path order', () => {
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "src/_index.yaml:67:11: warning APP0015: app:gateway: moonforge does not run http.service entries yet; this one is kept in the registry but does nothing",
    ]);
    expect([...app.entries.keys()]).toEqual([
      'wippy.test:test',
      'app:processes',
      'app:terminal',
      'app:main',
      'app:worker_service',
      'app:allow_all',
      'app:db',
      'app:gateway',
      'app.lib:settings',
      'app.workers:worker',
      'app.workers:util',
      'app.workers:inline',
    ]);
  });

  it('reads .wippy.yaml and wippy.lock', () => {
    expect(app.config.security.strictMode).toBe(true);
    expect(app.config.lua.typeSystem.enabled).toBe(true);
    expect(app.config.directories).toEqual({ src: './src', modules: '.wippy' });
    expect((app.config.raw.logger as Record<string, unknown>).encoding).toBe('console');
  });

  it('Lua entries: source resolved relative to the YAML file, method, modules, imports resolved', () => {
    const main = app.get('app:main');
    if (!isLuaEntry(main)) throw new Error('not a Lua entry');
    expect(main.kind).toBe('process.lua');
    expect(main.source).toEqual({ type: 'file', url: 'file://main.lua', path: fixture('sample/src/main.lua') });
    expect(main.method).toBe('main');
    expect(main.modules).toEqual(['time', 'json']);
    expect(main.imports).toEqual({ util: 'app.workers:util', test: 'wippy.test:test' });
    // the file-level meta is merged under the entry's own (entry_loader.go mergeMetadata)
    expect(main.meta).toEqual({ team: 'core', comment: 'entry point' });
    expect(main.pos).toEqual({ file: 'src/_index.yaml', line: 19, column: 5 });

    const worker = app.get('app.workers:worker');
    if (!isLuaEntry(worker)) throw new Error('not a Lua entry');
    expect(worker.imports).toEqual({ util: 'app.workers:util' }); // relative id: same namespace
    const util = app.get('app.workers:util');
    if (!isLuaEntry(util)) throw new Error('not a Lua entry');
    expect(util.source).toMatchObject({ type: 'file', path: fixture('sample/src/workers/lib/util.lua') });
    expect(util.method).toBeUndefined();
  });

  it('inline Lua source and function pools', () => {
    const f = app.get('app.workers:inline');
    if (!isLuaEntry(f)) throw new Error('not a Lua entry');
    expect(f.source).toEqual({ type: 'inline', code: 'return { handler = function() return 1 end }\n' });
    expect(f.pool).toEqual({ type: 'inline' });
  });

  it('process.service: references, input and the full lifecycle', () => {
    const s = app.get('app:worker_service');
    if (!isProcessService(s)) throw new Error('not a service');
    expect([s.process, s.host, s.input]).toEqual(['app.workers:worker', 'app:processes', [1, 'two']]);
    expect(s.lifecycle).toEqual({
      autoStart: true,
      startTimeout: 5 * S,
      stopTimeout: 90 * S,
      stableThreshold: 5 * S,
      startup: 'required',
      requires: ['app:db'],
      restart: { initialDelay: 0.5 * S, maxDelay: 60 * S, backoffFactor: 1.5, jitter: 0.2, maxAttempts: 5 },
      security: { actor: { id: 'service:worker', meta: { role: 'worker' } }, groups: ['app:workers'], policies: ['app:allow_all'] },
    });
  });

  it('process.host: host settings and Go lifecycle defaults (InitDefaults)', () => {
    const h = app.get('app:processes');
    if (!isProcessHost(h)) throw new Error('not a host');
    expect(h.host).toEqual({ workers: 4, queueSize: 1024, localQueueSize: 256, maxProcesses: undefined });
    expect(h.lifecycle).toMatchObject({
      autoStart: true,
      startTimeout: 10 * S,
      stopTimeout: 10 * S,
      restart: { initialDelay: S, maxDelay: 90 * S, backoffFactor: 2, jitter: 0.1, maxAttempts: 0 },
      security: undefined,
    });
    expect(app.byKind('process.host').map((e) => e.id)).toEqual(['app:processes']);
    expect(app.byKind('terminal.host').map((e) => e.id)).toEqual(['app:terminal']);
  });

  it('security.policy and other kinds are kept with their raw fields', () => {
    expect(app.get('app:allow_all')?.fields).toEqual({
      policy: { actions: '*', resources: '*', effect: 'allow' },
      groups: ['app:workers'],
    });
    // `data:` wraps the fields (entry_loader.go processRawEntry)
    expect(app.get('app:db')?.fields).toEqual({ dsn: 'sqlite::memory:' });
    expect(app.get('app:gateway')).toMatchObject({ kind: 'http.service', fields: { addr: ':8080' } });
  });

  it('single-entry definition files (top-level name + kind)', () => {
    expect(app.get('app.lib:settings')).toMatchObject({
      kind: 'registry.entry',
      meta: { type: 'config' },
      fields: { color: 'blue' },
      pos: { file: 'src/lib/single.yaml', line: 1, column: 1 },
    });
  });

  it('bindingPlan: modules and imports, transitively, libraries before their dependents (spec §1.5)', () => {
    const plan = bindingPlan(app, 'app:main');
    expect(plan?.modules).toEqual(['time', 'json']);
    expect(plan?.libraries.map((e) => e.id)).toEqual(['app.workers:util', 'wippy.test:test']);
    expect(plan?.bindings).toEqual([
      { alias: 'util', id: 'app.workers:util' },
      { alias: 'test', id: 'wippy.test:test' },
    ]);
    // app.workers:worker -> util, whose own `modules: [json]` joins the plan
    expect(bindingPlan(app, 'app.workers:worker')?.modules).toEqual(['json']);
    expect(bindingPlan(app, 'app:db')).toBeUndefined();
  });

  it('byKind lists entries of a kind in load order', () => {
    expect(app.byKind('process.lua').map((e) => e.id)).toEqual(['app:main', 'app.workers:worker']);
    expect(app.byKind('library.lua').map((e) => e.id)).toEqual(['wippy.test:test', 'app.workers:util']);
    expect(app.byKind('nothing')).toEqual([]);
  });
});

describe('diagnostics of broken apps', () => {
  it('YAML syntax errors (APP0001)', async () => {
    expect(await diagnosticsOf('yaml-syntax')).toEqual([
      'src/_index.yaml:5:3: error APP0001: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
  it('unknown kinds (APP0005), at the kind', async () => {
    expect(await diagnosticsOf('unknown-kind')).toEqual(["src/_index.yaml:4:11: error APP0005: app:a: unknown entry kind 'process.lau'"]);
  });
  it('missing source files (APP0007), at the source', async () => {
    expect(await diagnosticsOf('missing-source')).toEqual([
      'src/_index.yaml:6:13: error APP0007: app:a: source file not found: file://nowhere.lua',
    ]);
  });
  it('duplicate ids (APP0006), pointing back to the first', async () => {
    expect(await diagnosticsOf('duplicate-id')).toEqual([
      "src/sub/_index.yaml:5:5: error APP0006: duplicate entry id 'app:cfg' (first defined at src/_index.yaml:3:5)",
    ]);
  });
  it('missing required fields (APP0003)', async () => {
    expect(await diagnosticsOf('missing-field')).toEqual([
      "src/_index.yaml:3:5: error APP0003: app:p: missing required field 'method'",
      "src/_index.yaml:6:5: error APP0003: app:svc: missing required field 'host'",
      "src/_index.yaml:9:5: error APP0003: app: entries[2]: missing required field 'name'",
    ]);
  });
  it('imports of unknown entries or non-libraries (APP0008), at the import', async () => {
    expect(await diagnosticsOf('unknown-import')).toEqual([
      "src/_index.yaml:8:13: error APP0008: app:p: import 'util' names unknown entry 'app.lib:util'",
      "src/_index.yaml:9:12: error APP0008: app:p: import 'cfg' names 'app:settings' of kind registry.entry, which cannot be imported",
    ]);
  });
  it('an import into a declared but uninstalled dependency says so', async () => {
    expect(await diagnosticsOf('missing-module')).toEqual([
      "src/_index.yaml:11:17: error APP0008: app:page: import 'renderer' names unknown entry 'wippy.views:renderer'; " +
        "it may come from dependency 'wippy/views' (app:dep.views), which is not installed",
    ]);
  });
  it('import cycles (APP0012), at the import closing the cycle', async () => {
    expect(await diagnosticsOf('import-cycle')).toEqual([
      'src/_index.yaml:17:10: error APP0012: app:c: import cycle: app:a -> app:b -> app:c -> app:a',
    ]);
  });
  it('wrong field types (APP0004)', async () => {
    expect(await diagnosticsOf('wrong-type')).toEqual([
      `src/_index.yaml:7:14: error APP0004: app:p: field 'modules' must be a list of strings, got a string ("time")`,
      `src/_index.yaml:11:19: error APP0004: app:h: lifecycle: field 'auto_start' must be a boolean, got a string ("yes")`,
      "src/_index.yaml:13:23: error APP0004: app:h: lifecycle: restart: field 'max_attempts' must be an integer, got a number (1.5)",
      "src/_index.yaml:18:12: error APP0004: app:s: field 'input' must be a list, got a number (42)",
    ]);
  });
  it('bad durations (APP0010) with the Go message, and non-string durations (APP0004)', async () => {
    expect(await diagnosticsOf('bad-duration')).toEqual([
      `src/_index.yaml:6:22: error APP0010: app:h: lifecycle: field 'start_timeout': time: unknown unit "x" in duration "10x"`,
      `src/_index.yaml:7:21: error APP0004: app:h: lifecycle: field 'stop_timeout' must be a duration string such as "10s", got a number (30)`,
    ]);
  });
  it('service references to missing or wrong-kind entries (APP0009)', async () => {
    expect(await diagnosticsOf('unknown-reference')).toEqual([
      "src/_index.yaml:7:14: error APP0009: app:s: process 'app:missing' is not a known entry",
      "src/_index.yaml:8:11: error APP0009: app:s: host 'app:h' is a registry.entry entry, expected a process.host or terminal.host entry",
    ]);
  });
  it('a missing source directory (APP0011)', async () => {
    expect(await diagnosticsOf('no-src')).toEqual(['wippy.lock:1:1: error APP0011: source directory not found: ./source']);
  });
  it('a missing app folder', async () => {
    const { app, diagnostics } = await loadApp(fixture('does-not-exist'));
    expect(diagnostics.map((d: Diagnostic) => d.code)).toEqual(['APP0011']);
    expect(app.entries.size).toBe(0);
  });
});

describe('structure rules', () => {
  function tempApp(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mf-app-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  it('YAML without a namespace is skipped; node_modules is not scanned', async () => {
    const dir = tempApp({
      'src/a.yaml': 'entries:\n  - name: x\n    kind: nope\n',
      'src/node_modules/b.yaml': 'namespace: n\nentries:\n  - name: x\n    kind: nope\n',
      'src/c.yml': 'namespace: c\nentries:\n  - name: y\n    kind: registry.entry\n',
    });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    expect([...app.entries.keys()]).toEqual(['c:y']);
  });
  it('a namespace without entries or name/kind is reported (APP0002); non-mapping entries too', async () => {
    const dir = tempApp({
      'src/a.yaml': 'namespace: a\nversion: "1.0"\n',
      'src/b.yaml': 'namespace: b\nentries:\n  - just a string\n',
    });
    const { diagnostics } = await loadApp(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "src/a.yaml:1:12: error APP0002: namespace 'a': a definition file needs 'entries:' or a top-level 'name' and 'kind'",
      'src/b.yaml:3:5: error APP0002: entries[0] must be a mapping, got a string ("just a string")',
    ]);
  });
  it('an _index.yaml that is empty or has no namespace is reported (other YAML without one is data: skipped)', async () => {
    const dir = tempApp({
      'src/_index.yaml': '# nothing yet\n',
      'src/a/_index.yaml': 'version: "1.0"\nentries:\n  - name: main\n    kind: process.lua\n',
      'src/b/_index.yml': 'namespace: ""\nentries: []\n',
    });
    const { diagnostics } = await loadApp(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "src/_index.yaml:1:1: error APP0002: _index.yaml is empty: a definition file needs 'namespace:' and 'entries:'",
      "src/a/_index.yaml:1:1: error APP0003: _index.yaml has no 'namespace:', so none of its entries would load",
      "src/b/_index.yml:1:12: error APP0003: _index.yml has no 'namespace:', so none of its entries would load",
    ]);
  });
  it('a definition file that cannot be read is reported, not read: dangling link, FIFO, past 16 MiB', async () => {
    const dir = tempApp({ 'src/ok.yaml': 'namespace: ok\nentries: []\n' });
    symlinkSync(join(dir, 'src', 'nowhere'), join(dir, 'src', 'dangling.yaml')); // was an internal error
    execFileSync('mkfifo', [join(dir, 'src', 'fifo.yaml')]); // reading it blocked the load forever
    writeFileSync(join(dir, 'src', 'huge.yaml'), '');
    truncateSync(join(dir, 'src', 'huge.yaml'), 16 * 2 ** 20 + 1);
    const { diagnostics } = await loadApp(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'src/dangling.yaml:1:1: error APP0011: definition file cannot be read (ENOENT)',
      'src/fifo.yaml:1:1: error APP0011: definition file cannot be read (not a regular file)',
      `src/huge.yaml:1:1: error APP0011: definition file cannot be read (too large: ${16 * 2 ** 20 + 1} bytes, the limit is 16 MiB)`,
    ]);
  });
  it('collections nested too deeply for the YAML parser are a positioned YAML error, not a JS message', async () => {
    const dir = tempApp({ 'src/deep.yaml': `namespace: n\nentries: []\ndeep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` });
    const { diagnostics } = await loadApp(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([expect.stringMatching(/^src\/deep\.yaml:3:\d+: error APP0001: YAML syntax error: collections nested too deeply$/)]);
  });
  it('a list or a scalar at the top of a definition file is reported wherever it is (Wippy cannot unmarshal it)', async () => {
    const dir = tempApp({
      'src/_index.yaml': '- name: main\n  kind: process.lua\n',
      'src/data.yaml': '\n\njust a sentence\n',
    });
    const { diagnostics } = await loadApp(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "src/_index.yaml:1:1: error APP0002: a definition file must be a mapping with 'namespace:' and 'entries:', got a list",
      'src/data.yaml:3:1: error APP0002: a definition file must be a mapping with \'namespace:\' and \'entries:\', got a string ("just a sentence")',
    ]);
  });
  it('bindingPlan orders transitive libraries before the libraries that import them, each once', async () => {
    const lib = (name: string, imports: string): string =>
      `  - name: ${name}\n    kind: library.lua\n    source: file://x.lua\n    modules: [m_${name}]\n${imports}`;
    const dir = tempApp({
      'src/x.lua': 'return {}',
      'src/_index.yaml':
        'namespace: app\nentries:\n' +
        '  - name: p\n    kind: process.lua\n    source: file://x.lua\n    method: main\n    imports:\n      b: b\n      c: c\n' +
        lib('b', '    imports:\n      cc: c\n      d: d\n') +
        lib('c', '') +
        lib('d', '    imports:\n      c: c\n'),
    });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    const plan = bindingPlan(app, 'app:p')!;
    expect(plan.libraries.map((e) => e.id)).toEqual(['app:c', 'app:d', 'app:b']);
    // every importer's alias is bound, including p's own `c` for the library b already pulled in
    expect(plan.bindings.map((b) => `${b.alias}=${b.id}`)).toEqual(['cc=app:c', 'c=app:c', 'd=app:d', 'b=app:b']);
    expect(plan.modules).toEqual(['m_b', 'm_c', 'm_d']);
  });
  it('without wippy.lock, src/ and .wippy/ are the defaults; an empty entries list is valid', async () => {
    const dir = tempApp({ 'src/_index.yaml': 'namespace: app\nentries: []\n', '.wippy/m/_index.yaml': 'namespace: m\nentries:\n  - name: e\n    kind: registry.entry\n' });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    expect([...app.entries.keys()]).toEqual(['m:e']);
    expect(app.config.security.strictMode).toBe(false);
  });
});
