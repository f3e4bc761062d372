// The system module (wippyai/runtime runtime/lua/modules/system/module.go and spec.md; docs en/lua/system/system.md).
import { describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { runWithModules } from '../support/module-app.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

const sys = (body: string) => runWithModules(['system'], body);

describe('system module', () => {
  it('memory.stats has every MemStats field Wippy reports, as numbers; allocated and heap_objects are positive', async () => {
    const r = await sys(`
      local s, err = system.memory.stats()
      local names = {}
      for k, v in pairs(s) do names[#names + 1] = k .. "=" .. type(v) end
      table.sort(names)
      io.print(err, table.concat(names, ","))
      io.print(system.memory.allocated() > 0, system.memory.heap_objects() > 0, s.sys >= s.heap_sys)`);
    expect(r.stderr).toBe('');
    const fields = 'alloc heap_alloc heap_idle heap_in_use heap_objects heap_released heap_sys mspan_in_use mspan_sys next_gc num_gc stack_in_use stack_sys sys total_alloc';
    expect(r.lines).toEqual([`nil\t${fields.split(' ').map((f) => `${f}=number`).join(',')}`, 'true\ttrue\ttrue']);
  });

  it('the memory limit is V8\'s heap limit; set_limit checks its argument (Invalid) and says it cannot change it', async () => {
    const r = await sys(`
      local limit = system.memory.get_limit()
      io.print(limit > 0)
      for _, v in ipairs({-5}) do local x, e = system.memory.set_limit(v); io.print(x, e:kind(), e:message()) end
      local x, e = system.memory.set_limit(); io.print(x, e:kind(), e:message())
      x, e = system.memory.set_limit(-1); io.print(x, e:kind())`);
    expect(r.lines).toEqual([
      'true',
      'nil\tInvalid\tlimit must be non-negative or -1',
      'nil\tInvalid\tmemory limit value required',
      'nil\tInternal',
    ]);
  });

  it('gc.collect runs a collection; the GC percent reads back what was set (old value returned, 100 when negative)', async () => {
    const r = await sys(`
      io.print(system.gc.collect())
      io.print(system.gc.get_percent(), (system.gc.set_percent(200)), (system.gc.get_percent()))
      io.print(system.gc.set_percent(-1), system.gc.get_percent(), (system.gc.set_percent(100)))`);
    expect(r.lines).toEqual(['true\tnil', '100\t100\t200', '200\t100\t100']);
  });

  it('runtime: goroutines counts live processes; max_procs gets, sets (returns the old value) and refuses n <= 0', async () => {
    const r = await sys(`
      io.print(system.runtime.goroutines(), system.runtime.cpu_count() > 0)
      local orig = system.runtime.max_procs()
      io.print(system.runtime.max_procs(7) == orig, (system.runtime.max_procs()))
      local x, e = system.runtime.max_procs(0); io.print(x, e:kind(), e:retryable(), e:message())
      system.runtime.max_procs(orig)`);
    expect(r.lines).toEqual(['1\ttrue', 'true\t7', 'nil\tInvalid\tfalse\tGOMAXPROCS value must be positive']);
  });

  it('process: the OS pid, the host name and the working directory', async () => {
    const r = await sys(`io.print(system.process.pid(), system.process.hostname(), (system.process.cwd()))`);
    expect(r.lines).toEqual([`${process.pid}\t${hostname()}\t${process.cwd()}`]);
  });

  it('one node, no cluster; no supervisor info; modules lists what modules: may name', async () => {
    const r = await sys(`
      io.print(system.node.id(), system.node.role(), system.cluster.size(), system.cluster.leader() == "")
      io.print(system.cluster.members()[1].is_local)
      local x, e = system.supervisor.states(); io.print(x, e:kind(), e:message())
      x, e = system.supervisor.state(""); io.print(x, e:kind(), e:message())
      local names = {}
      for _, m in ipairs(system.modules()) do names[m.name] = type(m.class) end
      io.print(names.system, names.logger, names.time)`);
    expect(r.lines).toEqual([
      'local\tnon-member\t1\ttrue',
      'true',
      'nil\tInternal\tservice info not available',
      'nil\tInvalid\tservice ID required',
      'table\ttable\ttable',
    ]);
  });

  it('exit ends the program with its code: the root and every other process stop (Wippy: TriggerShutdown)', async () => {
    const sleeper = { entries: '  - name: sleeper\n    kind: process.lua\n    source: file://sleeper.lua\n    method: main\n    modules: [time]\n', files: { 'src/sleeper.lua': 'return { main = function() time.sleep("1h") end }\n' } };
    const r = await runWithModules(
      ['system', 'time'],
      `process.spawn("app:sleeper", "app:processes")
       io.print(system.exit(3))
       time.sleep("1h")
       io.print("not reached")`,
      sleeper,
    );
    expect(r.code).toBe(3);
    expect(r.lines).toEqual(['true\tnil']);
    const done = await sys(`io.print(system.exit())`);
    expect(done.code).toBe(0);
    const bad = await sys(`io.print(pcall(system.exit, "x"))`);
    expect(bad.lines[0]).toMatch(/^false\t.*bad argument #1 to 'exit' \(number expected, got string\)/);
  });

  it('exit from a service ends `moonforge run APPDIR` (services mode) with its code', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        '  - name: job\n    kind: process.lua\n    source: file://job.lua\n    method: main\n    modules: [system]\n' +
          '  - name: job_service\n    kind: process.service\n    process: app:job\n    host: app:processes\n    lifecycle:\n      auto_start: true\n',
      ),
      'src/job.lua': 'return { main = function() system.exit(4) end }\n',
    });
    const r = await runAppInProcess(dir, { shutdownSignal: new Promise<string>(() => {}) });
    expect(r.code).toBe(4);
  });

  it('hosts: each process host with its live processes (one worker: one JS thread runs them all)', async () => {
    const sleeper = { entries: '  - name: sleeper\n    kind: process.lua\n    source: file://sleeper.lua\n    method: main\n    modules: [time]\n', files: { 'src/sleeper.lua': 'return { main = function() time.sleep("1h") end }\n' } };
    const r = await runWithModules(
      ['system'],
      `local pid = process.spawn("app:sleeper", "app:processes")
       for _, h in ipairs(system.hosts.list()) do io.print(h.id, h.workers, h.processes, h.stolen, h.executed) end
       for _, p in ipairs(system.hosts.processes("app:processes")) do io.print(p.pid == pid, p.host, p.source) end
       local x, e = system.hosts.processes(""); io.print(x, e:kind(), e:message())
       process.terminate(pid)`,
      sleeper,
    );
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['app:processes\t1\t2\t0\tnil', 'false\tapp:processes\tapp:main', 'true\tapp:processes\tapp:sleeper', 'nil\tInvalid\thost ID required']);
  });

  it('the module and its tables are read-only', async () => {
    const r = await sys(`io.print(pcall(function() system.memory.stats = nil end))`);
    expect(r.lines[0]).toMatch(/^false\t.*read-only/);
  });
});
