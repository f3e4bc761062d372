// The limits as an app sets them (docs/process-model.md, "Memory and process limits"): .wippy.yaml `runtime:`
// process_memory_mb / heap_guard_fraction / max_processes, and a process.host's `host.max_processes`, which Wippy's
// scheduler enforces per host (system/scheduler/actor/scheduler.go Submit: "max processes limit exceeded").
import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { writeApp } from '../../support/app-folder.js';
import { formatDiagnostic, loadApp } from '../../../runtime/app/index.js';
import { createAppRuntime } from '../../../sdk/app-runtime.js';

/** An app folder with `.wippy.yaml` text and `src/` files. */
function appDir(wippyYaml: string, src: Record<string, string>): string {
  return writeApp({ '.wippy.yaml': wippyYaml, ...Object.fromEntries(Object.entries(src).map(([name, text]) => [`src/${name}`, text])) });
}

const INDEX = `version: "1.0"
namespace: app
entries:
  - name: small
    kind: process.host
    host:
      max_processes: 3
  - name: big
    kind: process.host
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
  - name: idle
    kind: process.lua
    source: file://idle.lua
    method: main
`;

describe('limits from the app', () => {
  it('.wippy.yaml runtime: sets the memory limits and the process count', async () => {
    const dir = appDir('runtime:\n  process_memory_mb: 64\n  heap_guard_fraction: 0.5\n  max_processes: 10\n', { '_index.yaml': INDEX });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics.filter((d) => d.file === '.wippy.yaml')).toEqual([]);
    expect(app.config.runtime).toMatchObject({ processMemoryMb: 64, heapGuardFraction: 0.5, maxProcesses: 10 });
  });

  it('a wrong value is a diagnostic at its line', async () => {
    const dir = appDir('runtime:\n  process_memory_mb: -1\n  heap_guard_fraction: 2\n  max_processes: many\n', { '_index.yaml': INDEX });
    const { diagnostics } = await loadApp(dir);
    const text = diagnostics.map(formatDiagnostic).join('\n');
    expect(text).toMatch(/\.wippy\.yaml:2:.*process_memory_mb/);
    expect(text).toMatch(/\.wippy\.yaml:3:.*heap_guard_fraction/);
    expect(text).toMatch(/\.wippy\.yaml:4:.*max_processes/);
  });

  it("a host's max_processes limits spawns on that host only", async () => {
    const dir = appDir('', {
      '_index.yaml': INDEX,
      'idle.lua': 'return { main = function() process.inbox():receive() end }',
      'main.lua': `return { main = function()
        local out = {}
        for i = 1, 3 do
          local pid, err = process.spawn("app:idle", "app:small")
          out[#out + 1] = pid and "ok" or (err:kind() .. " " .. err:message())
        end
        out[#out + 1] = process.spawn("app:idle", "app:big") and "ok on big" or "refused on big"
        print(table.concat(out, ", "))
      end }`,
    });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    const output: string[] = [];
    const time = new VirtualTimeScheduler();
    const { rt } = await createAppRuntime(app, { time, write: (s) => output.push(s) });
    // main runs on app:small too: with it, three processes fill the host
    rt.spawn('app:main', 'app:small', []);
    time.flush();
    expect(output.join('')).toBe('ok, ok, LimitExceeded max processes limit exceeded, ok on big\n');
  });

  it("a process that exits frees its place on its host (the host is read back from the pid's text)", async () => {
    const dir = appDir('', {
      '_index.yaml': INDEX,
      'idle.lua': 'return { main = function() process.inbox():receive() end }',
      'main.lua': `return { main = function()
        local out = {}
        for round = 1, 3 do
          local a = process.spawn("app:idle", "app:small")
          local b, err = process.spawn("app:idle", "app:small")
          out[#out + 1] = (a and b) and "ok" or tostring(err)
          process.terminate(a)
          process.terminate(b)
          coroutine.yield()
        end
        print(table.concat(out, ", "))
      end }`,
    });
    const { app } = await loadApp(dir);
    const output: string[] = [];
    const time = new VirtualTimeScheduler();
    const { rt } = await createAppRuntime(app, { time, write: (s) => output.push(s) });
    rt.spawn('app:main', 'app:small', []);
    time.flush();
    expect(output.join('')).toBe('ok, ok, ok\n');
  });
});
