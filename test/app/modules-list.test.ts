// `modules:` lists. Names that are globals too are accepted and bind the same value: Wippy's code manager registers
// os (its ostime module), process and channel as built-in modules (wippyai/runtime boot/components/runtime/lua/
// engine.go) and payload as a platform module, while its engine binds them as globals (runtime/lua/engine/
// cached_libs.go); 43 of Wippy's own test entries list process, 26 channel, 3 os. A module moonforge does not provide
// stops the app at start, reported at its own item of the list (APP0013), wherever the list is written.
import { describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

const proc = (extra: string): string => `  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n${extra}`;

describe('modules: names that are globals', () => {
  it('os, process, channel and payload may be listed; require gives the global', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('    modules:\n      - os\n      - process\n      - channel\n      - payload\n')),
      'src/main.lua': `return { main = function()
          print(require("os") == os, require("process") == process, require("channel") == channel, require("payload") == payload)
          -- Wippy's os module: time, date, clock, difftime (spec 1.4), and the platform constant
          print(type(os.time()), os.platform, os.execute, os.getenv)
        end }`,
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r).toMatchObject({ code: 0, stderr: '', lines: ['true\ttrue\ttrue\ttrue', 'number\twippy\tnil\tnil'] });
  });
});

describe('a module moonforge does not provide', () => {
  it('is reported at its own item: block lists, flow lists, and the lists of imported libraries in other files', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('    modules:\n      - time\n      - process\n      - sqlx\n      - channel\n      - queuex\n    imports:\n      lib: app.lib:helpers\n'),
      ),
      'src/lib/_index.yaml':
        'version: "1.0"\nnamespace: app.lib\nentries:\n  - name: helpers\n    kind: library.lua\n    source: file://helpers.lua\n    modules: [json, nosuch, time]\n',
      'src/main.lua': 'return { main = function() end }',
      'src/lib/helpers.lua': 'return {}',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.code).toBe(1);
    const heads = r.stderr.split('\n').filter((l) => l.includes('APP0013')).map((l) => l.slice(0, l.indexOf(' (available')));
    expect(heads).toEqual([
      "src/_index.yaml:13:9: error APP0013: app:main: module 'sqlx' is not available in moonforge",
      "src/_index.yaml:15:9: error APP0013: app:main: module 'queuex' is not available in moonforge",
      "src/lib/_index.yaml:7:21: error APP0013: app.lib:helpers: module 'nosuch' is not available in moonforge",
    ]);
  });
});
