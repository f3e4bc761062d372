// The error kinds of the seed's table (Invalid for missing arguments and '@' topics, NotFound for unknown names,
// AlreadyExists, PermissionDenied is in process-permissions.test.ts), with Wippy's messages
// (wippyai/runtime runtime/lua/modules/process/module.go), and the failures that end a process instead.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('missing or bad arguments are nil/false, Invalid', () => {
  it('every function that takes a destination, id or topic', async () => {
    const { lines, exit } = await runBodies(`
      local function show(name, v, err) print(name, tostring(v), err and err:kind() or "-", err and err:message() or "-") end
      show("send", process.send())
      show("spawn", process.spawn("app:x"))
      show("spawn_monitored", process.spawn_monitored())
      show("spawn_linked", process.spawn_linked(nil, "app:processes"))
      show("spawn_linked_monitored", process.spawn_linked_monitored("app:x"))
      show("terminate", process.terminate())
      show("cancel", process.cancel())
      show("monitor", process.monitor())
      show("unmonitor", process.unmonitor())
      show("link", process.link())
      show("unlink", process.unlink())
      show("listen", process.listen(""))
      show("listen@", process.listen("@events"))
      show("exec", process.exec("app:x"))
      show("exec id", process.exec("nocolon", "app:processes"))
      show("set_options", process.set_options(5))
      show("register", process.registry.register(""))
      show("register pid", process.registry.register("n", 42))
      show("register bad pid", process.registry.register("n", "not-a-pid"))
      print("unlisten", pcall(process.unlisten, "x"))
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual([
      'send\tnil\tInvalid\tsend requires at least destination and topic arguments',
      'spawn\tnil\tInvalid\tspawn requires at least id and host arguments',
      'spawn_monitored\tnil\tInvalid\tspawn_monitored requires at least id and host arguments',
      'spawn_linked\tnil\tInvalid\tspawn_linked requires at least id and host arguments',
      'spawn_linked_monitored\tnil\tInvalid\tspawn_linked_monitored requires at least id and host arguments',
      'terminate\tnil\tInvalid\tterminate requires a destination argument',
      'cancel\tnil\tInvalid\tcancel requires a destination argument',
      'monitor\tnil\tInvalid\tmonitor requires a destination argument',
      'unmonitor\tnil\tInvalid\tunmonitor requires a destination argument',
      'link\tnil\tInvalid\tlink requires a destination argument',
      'unlink\tnil\tInvalid\tunlink requires a destination argument',
      'listen\tnil\tInvalid\ttopic cannot be empty',
      'listen@\tnil\tInvalid\tcannot listen to @ topics',
      'exec\tnil\tInvalid\texec requires id and host arguments',
      'exec id\tnil\tInvalid\tinvalid process ID format (namespace:name required)',
      'set_options\tfalse\tInvalid\toptions parameter must be a table',
      'register\tnil\tInvalid\tname required',
      'register pid\tnil\tInvalid\tpid must be a string',
      'register bad pid\tnil\tInvalid\tinvalid pid: not-a-pid',
      "unlisten\tfalse\tbad argument #1 to 'unlisten' (channel expected)",
    ]);
  });

  it('names: an unknown name is NotFound for every destination function; dead pids as system/topology/topology.go', async () => {
    const { lines } = await runBodies(
      `
      for _, f in ipairs({"terminate", "cancel", "monitor", "unmonitor", "link", "unlink"}) do
        local v, err = process[f]("ghost")
        print(f, v, err:kind(), err:message())
      end
      local c = process.spawn("app:quick", "app:processes")
      time.sleep("1ms")
      for _, f in ipairs({"terminate", "cancel", "monitor", "unmonitor", "link", "unlink"}) do
        local v, err = process[f](c)
        print(f, v, err and err:kind(), err and err:message())
      end
      `,
      { 'app:quick': `return 1` },
    );
    const fns = ['terminate', 'cancel', 'monitor', 'unmonitor', 'link', 'unlink'];
    expect(lines.slice(0, 6)).toEqual(fns.map((f) => `${f}\tnil\tNotFound\tcould not resolve 'ghost' as PID or registered name`));
    // system/topology: monitor and link of a dead pid are ErrPIDNotRegistered; Demonitor and Unlink never fail
    expect(lines.slice(6)).toEqual([
      'terminate\tnil\tNotFound\tprocess not found',
      'cancel\tnil\tNotFound\tprocess not found',
      'monitor\tnil\tNotFound\tpid not registered',
      'unmonitor\ttrue\tnil\tnil',
      'link\tnil\tNotFound\tpid not registered',
      'unlink\ttrue\tnil\tnil',
    ]);
  });

  it('cancel: the reason is a string (numbers convert), anything else raises (process_edge_test.go TestCancel_NonStringReason)', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn("app:ev", "app:processes", process.pid())
      time.sleep("1ms")
      print(pcall(process.cancel, c, true))
      print(pcall(process.cancel, c, {}))
      print(process.cancel(c, 42))
      print(process.inbox():receive():payload():data())
      `,
      { 'app:ev': `local parent = ... local e = process.events():receive() process.send(parent, "r", type(e.reason) .. ":" .. e.reason)` },
    );
    expect(lines[0]).toMatch(/^false\t.*bad argument #2 to 'cancel' \(string expected, got boolean\)/);
    expect(lines[1]).toMatch(/^false\t.*got table/);
    expect(lines.slice(2)).toEqual(['true', 'string:42']);
  });

  it('set_options applies trap_links even when another option is rejected (module.go setOptions)', async () => {
    const { lines } = await runBodies(`
      local ok, err = process.set_options({ trap_links = true, bogus = 1 })
      print(ok, err:message(), process.get_options().trap_links)
    `);
    expect(lines).toEqual(['false\toption bogus is not supported\ttrue']);
  });

  it('a failed upgrade crashes the process (spec §2.7)', async () => {
    const { lines } = await runBodies(
      `
      process.spawn_monitored("app:up", "app:processes")
      local e = process.events():receive()
      print(e.result.error:kind(), e.result.error:message())
      `,
      { 'app:up': `process.upgrade("app:missing") print("not reached")` },
    );
    expect(lines).toEqual(['NotFound\tupgrade failed: process entry not found: app:missing']);
  });

  it('process functions called from host code raise instead of misbehaving', async () => {
    const { app } = await runBodies(`return 1`);
    const pidFn = app.rt.globals.base.process as { pid: () => unknown };
    expect(() => pidFn.pid()).toThrow();
  });
});
