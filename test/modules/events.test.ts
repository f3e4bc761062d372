// The events module and the event bus (wippyai/runtime runtime/lua/modules/events/{module,yields}.go and spec.md,
// system/eventbus/dispatcher.go; docs en/lua/core/events.md).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { matchPattern } from '../../runtime/modules/events/pattern.js';
import { eventBusOf } from '../../runtime/modules/events/bus.js';
import { functionsRuntime } from '../support/function-app.js';
import { callFunction } from '../../runtime/modules/index.js';

const ev = (body: string) => runWithModules(['events', 'time'], body);

describe('events module', () => {
  it('patterns as dispatcher.go matchPattern: "" and "*" match all, a trailing "*" is a prefix, else exact', () => {
    expect(matchPattern('', 'x')).toBe(true);
    expect(matchPattern('*', 'anything')).toBe(true);
    expect(matchPattern('test.*', 'test.match')).toBe(true);
    expect(matchPattern('test.*', 'test')).toBe(false);
    expect(matchPattern('test*', 'testing')).toBe(true);
    expect(matchPattern('test.system', 'test.system')).toBe(true);
    expect(matchPattern('test.system', 'test.systems')).toBe(false);
    // no other wildcard: a "*" elsewhere is a character
    expect(matchPattern('a*b', 'axb')).toBe(false);
  });

  it('an event reaches matching subscriptions as {system, kind, path, data}; send returns true, nil', async () => {
    const r = await ev(`
      local all = events.subscribe("app.*")
      local kinded = events.subscribe("app.orders", "order.*")
      local other = events.subscribe("billing")
      io.print(events.send("app.orders", "order.placed", "/orders/1", {id = 1, items = {"a", "b"}}))
      io.print(events.send("app.users", "user.created", "/users/7"))
      local e = all:channel():receive()
      io.print(e.system, e.kind, e.path, e.data.id, #e.data.items)
      e = all:channel():receive()
      io.print(e.system, e.kind, e.path, e.data)
      e = kinded:channel():receive()
      io.print(e.kind, e.path)
      local c1 = channel.select{kinded:channel():case_receive(), other:channel():case_receive(), default = true}
      io.print(c1.default)`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'true\tnil',
      'true\tnil',
      'app.orders\torder.placed\t/orders/1\t1\t2',
      'app.users\tuser.created\t/users/7\tnil',
      'order.placed\t/orders/1',
      'true',
    ]);
  });

  it('each subscriber gets its own copy of the data, and the sender changing its table later changes no event', async () => {
    const r = await ev(`
      local a, b = events.subscribe("s"), events.subscribe("s")
      local data = {n = 1, nested = {x = 1}}
      events.send("s", "k", "/p", data)
      data.n = 99; data.nested.x = 99
      local ea, eb = a:channel():receive(), b:channel():receive()
      ea.data.nested.x = 5
      io.print(ea.data.n, eb.data.n, ea.data.nested.x, eb.data.nested.x, ea.data ~= eb.data)`);
    expect(r.lines).toEqual(['1\t1\t5\t1\ttrue']);
  });

  it('a subscriber that does not read never blocks the sender: events wait in its mailbox, in order', async () => {
    // the subscription channel holds 64 events (module.go engine.NewChannel(64)); the rest queue like messages
    const r = await ev(`
      local sub = events.subscribe("flood")
      for i = 1, 200 do assert(events.send("flood", "k", "/" .. i)) end
      local ch, last = sub:channel(), 0
      for i = 1, 200 do
        local e = ch:receive()
        if e.path ~= "/" .. i then error("out of order at " .. i) end
        last = i
      end
      io.print(last)`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['200']);
  });

  it('sub:close() unsubscribes and closes the channel (nil, false); it returns true and may be repeated', async () => {
    const r = await ev(`
      local sub = events.subscribe("s")
      io.print(tostring(sub), sub:channel() == sub:channel())
      io.print(sub:close(), sub:close())
      io.print(events.send("s", "k", "/p"))
      io.print(sub:channel():receive())`);
    expect(r.lines).toEqual(['events.Subscription{}\ttrue', 'true\ttrue', 'true\tnil', 'nil\tfalse']);
  });

  it('errors as module.go returns them: empty system, kind or path are Invalid, not retryable', async () => {
    const r = await ev(`
      local function show(a, e) io.print(a, e:kind(), e:retryable(), e:message()) end
      show(events.subscribe(""))
      show(events.send("", "k", "/p"))
      show(events.send("s", "", "/p"))
      show(events.send("s", "k", ""))
      io.print(pcall(function() local s = events.subscribe({}); return s end))`);
    expect(r.lines).toEqual([
      'nil\tInvalid\tfalse\tsystem pattern is required',
      'nil\tInvalid\tfalse\tsystem is required',
      'nil\tInvalid\tfalse\tkind is required',
      'nil\tInvalid\tfalse\tpath is required',
      expect.stringMatching(/^false\t.*bad argument #1 to 'subscribe' \(string expected, got table\)$/),
    ]);
  });

  it('a subscription ends with its process: the bus forgets it', async () => {
    const ar = await functionsRuntime({
      sub: { source: 'local events = require("events")\nreturn { main = function() local s = events.subscribe("x.*"); return true end }', modules: ['events'] },
    });
    try {
      const r = await callFunction(ar.rt, 'app:sub');
      expect(r.ok).toBe(true);
      expect(eventBusOf(ar.rt).size).toBe(0);
    } finally {
      ar.rt.shutdown();
    }
  });

  it('permissions events.subscribe / events.send on the system, checked first; a denial is Invalid (module.go)', async () => {
    const { loadApp } = await import('../../runtime/app/index.js');
    const { createAppRuntime } = await import('../../sdk/app-runtime.js');
    const { writeApp, indexYaml } = await import('../support/app-folder.js');
    const dir = writeApp({
      'src/_index.yaml': indexYaml('  - name: f\n    kind: function.lua\n    source: file://f.lua\n    method: main\n    modules: [events]\n'),
      'src/f.lua': `local events = require("events")
return { main = function()
  local s, e1 = events.subscribe("secret")
  local ok, e2 = events.send("secret", "k", "/p")
  local s2 = events.subscribe("public")
  return tostring(s) .. "|" .. e1:kind() .. "|" .. e1:message() .. "|" .. tostring(ok) .. "|" .. e2:message() .. "|" .. tostring(s2)
end }`,
    });
    const { app } = await loadApp(dir);
    const asked: string[] = [];
    const ar = await createAppRuntime(app, {
      check: (action, resource) => {
        if (action.startsWith('events.')) asked.push(`${action} ${resource}`);
        return resource !== 'secret';
      },
    });
    try {
      const r = await callFunction(ar.rt, 'app:f');
      expect(r).toEqual({
        ok: true,
        value: 'nil|Invalid|not allowed to subscribe to events from system: secret|nil|not allowed to send events to system: secret|events.Subscription{}',
      });
      expect(asked).toEqual(['events.subscribe secret', 'events.send secret', 'events.subscribe public']);
    } finally {
      ar.rt.shutdown();
    }
  });
});
