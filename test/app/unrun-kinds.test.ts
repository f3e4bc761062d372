// What an app defines that moonforge does not act on is reported at load as a warning, never ignored silently and
// never fatal (runtime/app/unrun-kinds.ts): entries of a known kind moonforge does not run (APP0015, once per kind,
// at the first one's `kind:`), and a process.lua entry with lifecycle.auto_start in an app with no process.host to
// start it on (APP0016; boot starts such entries on the first process.host, sdk/boot-app.ts).
import { describe, expect, it } from 'vitest';
import { loadApp, formatDiagnostic } from '../../runtime/app/index.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const main = '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n';
const gateway = (name: string): string =>
  `  - name: ${name}\n    kind: http.service\n    addr: ":8080"\n    lifecycle:\n      auto_start: true\n`;

const app = (): string =>
  writeApp({
    'src/_index.yaml': indexYaml(
      main + gateway('gw1') + gateway('gw2') + gateway('gw3') +
        '  - name: q\n    kind: queue.consumer\n    queue: app:jobs\n' +
        '  - name: pool\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    lifecycle:\n      auto_start: true\n',
    ),
    'src/main.lua': 'return { main = function() print("ran") end }',
  });

describe('entries moonforge does not act on', () => {
  it('a warning per unrun kind at its first entry', async () => {
    const { diagnostics } = await loadApp(app());
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'src/_index.yaml:11:11: warning APP0015: app:gw1: moonforge does not run http.service entries yet; this one (and 2 more http.service entries) is kept in the registry but does nothing',
      'src/_index.yaml:26:11: warning APP0015: app:q: moonforge does not run queue.consumer entries yet; this one is kept in the registry but does nothing',
    ]);
  });

  it('a process.lua entry with auto_start and no process.host to start it on', async () => {
    const dir = writeApp({
      'src/_index.yaml': 'version: "1.0"\nnamespace: app\nentries:\n  - name: terminal\n    kind: terminal.host\n' +
        '  - name: pool\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    lifecycle:\n      auto_start: true\n',
      'src/main.lua': 'return { main = function() end }',
    });
    expect((await loadApp(dir)).diagnostics.map(formatDiagnostic)).toEqual([
      'src/_index.yaml:11:7: warning APP0016: app:pool: lifecycle.auto_start is set, but the app has no process.host to start this process on at boot',
    ]);
  });

  it('kinds moonforge runs or reads give no warning', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        main +
          '  - name: lib\n    kind: library.lua\n    source: file://main.lua\n' +
          '  - name: svc\n    kind: process.service\n    process: app:main\n    host: app:processes\n' +
          '  - name: data\n    kind: registry.entry\n    value: 1\n' +
          '  - name: cache\n    kind: store.memory\n' +
          '  - name: tokens\n    kind: security.token_store\n    store: cache\n' +
          '  - name: policy\n    kind: security.policy\n    policy:\n      actions: "*"\n      resources: "*"\n      effect: allow\n',
      ),
      'src/main.lua': 'return { main = function() end }',
    });
    expect((await loadApp(dir)).diagnostics).toEqual([]);
  });

  it('warnings do not stop -x: they are printed on stderr and the root runs', async () => {
    const r = await runAppInProcess(app(), { exec: 'app:main' });
    expect(r.code).toBe(0);
    // app:pool (auto_start) started at boot too
    expect(r.lines).toEqual(['ran', 'ran']);
    expect(r.stderr.split('\n').filter((l) => l.includes('warning APP00')).length).toBe(2);
  });

  it('--format json gives them severity warning', async () => {
    const r = await runMoonforgeCli(['run', '--format', 'json', app(), '-x', 'app:main'], { env: { MOONFORGE_CACHE: 'off' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ran\nran\n');
    const records = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { code: string; severity: string });
    expect(records.map((x) => [x.code, x.severity])).toEqual([
      ['APP0015', 'warning'],
      ['APP0015', 'warning'],
    ]);
  });
});
