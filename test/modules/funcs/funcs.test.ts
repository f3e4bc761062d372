// The funcs module and function.lua entries from Lua (docs en/lua/core/funcs.md and future.md; wippyai/runtime
// runtime/lua/modules/funcs/{module.go,yields.go}, runtime/lua/modules/future/future.go, system/function/
// {functions.go,dispatcher.go,errors.go}, runtime/lua/engine/process.go, service/processfunc/listener.go).
import { describe, expect, it } from 'vitest';
import { runWithFunctions } from '../../support/function-app.js';

const ECHO = 'return { main = function(input) return { echo = input or "no input", ok = true } end }';
const SLOW = 'return { main = function(d, v) time.sleep(d or "10ms") return { value = v or "done" } end }';

/** Runs main's body beside the functions; expects a clean exit and returns the printed lines. */
async function lines(body: string, entries: Parameters<typeof runWithFunctions>[1], extraYaml?: string): Promise<string[]> {
  const r = await runWithFunctions(body, entries, { extraYaml });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.lines;
}

describe('funcs.call', () => {
  it('gives main\'s first result and nil; the arguments arrive copied (funcs/call.lua)', async () => {
    const out = await lines(
      `
      local r, err = funcs.call("app:echo", "hi")
      io.print(r.echo, r.ok, err)
      local r2 = funcs.call("app:echo")
      io.print(r2.echo)
      local t = { n = 1 }
      local back = funcs.call("app:same", t)
      io.print(back == t, back.n)
      local one, two = funcs.call("app:many")
      io.print(one, two)`,
      { echo: ECHO, same: 'return { main = function(t) t.n = 2 return t end }', many: 'return { main = function() return 1, nil, 3 end }' },
    );
    expect(out).toEqual(['hi\ttrue\tnil', 'no input', 'false\t2', '1\tnil']);
  });

  it('a raised error and a `nil, err` return both come back as nil, err; kind and retryable kept (funcs/error_propagation.lua)', async () => {
    const out = await lines(
      `
      local r, err = funcs.call("app:boom", "why")
      io.print(r, type(err), tostring(err):find("boom: why", 1, true) ~= nil)
      r, err = funcs.call("app:kinded", errors.UNAVAILABLE)
      io.print(r, err:kind(), err:retryable(), err:message())
      r, err = funcs.call("app:str")
      io.print(r, err:message())`,
      {
        boom: 'return { main = function(m) error("boom: " .. m) end }',
        kinded: 'return { main = function(k) return nil, errors.new({ kind = k, message = "down", retryable = true }) end }',
        str: 'return { main = function() return nil, "plain text" end }',
      },
    );
    expect(out).toEqual(['nil\tuserdata\ttrue', 'nil\tUnavailable\ttrue\tdown', 'nil\tplain text']);
  });

  it('targets are checked first: Invalid for "", no namespace, no name; a non-string raises (module.go validateTarget)', async () => {
    const out = await lines(
      `
      for _, t in ipairs({ "", "nonamespace", "ns:", ":x" }) do
        local r, err = funcs.call(t)
        io.print(r, err:kind(), err:message())
      end
      io.print(pcall(funcs.call, nil))`,
      {},
    );
    expect(out).toEqual([
      'nil\tInvalid\tfunction ID required',
      'nil\tInvalid\tnamespace required in function ID',
      'nil\tInvalid\tname required in function ID',
      'nil\tInvalid\tnamespace required in function ID',
      expect.stringMatching(/^false\t.*bad argument #1 to 'call' \(string expected, got (nil|no value)\)$/) as unknown as string,
    ]);
  });

  it('an unknown id: NotFound "no handler registered for target" (system/function/errors.go)', async () => {
    const out = await lines(
      `
      local r, err = funcs.call("app:nothing")
      io.print(r, err:kind(), err:message(), err:details().target)`,
      {},
    );
    expect(out).toEqual(['nil\tNotFound\tno handler registered for target\tapp:nothing']);
  });

  it('a missing method and an undeclared module fail the call (funcs/module_restriction.lua)', async () => {
    const out = await lines(
      `
      local _, err = funcs.call("app:nomethod")
      io.print(tostring(err):find("method not found: main", 1, true) ~= nil)
      _, err = funcs.call("app:needsjson")
      io.print(tostring(err):find("module 'json' not found", 1, true) ~= nil)`,
      {
        nomethod: 'return { other = function() end }',
        needsjson: { source: 'return { main = function() local json = require("json") return json end }', modules: [] },
      },
    );
    expect(out).toEqual(['true', 'true']);
  });

  it('a function runs in a state of its own: fresh globals, its own pid on its own host, the process global (spec §3.5)', async () => {
    const out = await lines(
      `
      shared_global = "caller's"
      local r = funcs.call("app:probe")
      io.print(r.seen, r.pid ~= process.pid(), r.pid:find("{app:probe|", 1, true) ~= nil, r.again ~= r.pid)`,
      {
        probe: `return { main = function()
          local seen = tostring(shared_global)
          shared_global = "mine"
          return { seen = seen, pid = process.pid(), again = funcs and "?" or nil }
        end }`,
      },
    );
    expect(out).toEqual(["nil\ttrue\ttrue\ttrue"]);
  });

  it('each call is a process of its own: a second call gets a new pid; the called function may spawn and wait (process/*.lua)', async () => {
    const out = await lines(
      `
      local a = funcs.call("app:pid")
      local b = funcs.call("app:pid")
      io.print(a ~= b)
      local r, err = funcs.call("app:spawner")
      io.print(r, err)`,
      {
        pid: 'return { main = function() return process.pid() end }',
        spawner: `return { main = function()
          local ev = process.events()
          process.spawn_monitored("app:worker", "app:processes", 20)
          local e = ev:receive()
          return e.kind == process.event.EXIT and e.result.value
        end }`,
        worker: { source: 'return { main = function(n) time.sleep("1ms") return n + 1 end }', kind: 'process.lua' },
      },
    );
    expect(out).toEqual(['true', '21\tnil']);
  });

  it('the function sees the caller\'s context; with_context adds over it, chained ones merge (ctx/*.lua)', async () => {
    const out = await lines(
      `
      local e = funcs.new():with_context({ a = "1", t = { n = 3 } }):with_context({ b = "2" })
      local r = e:call("app:read", { "a", "b", "t" })
      io.print(r.a, r.b, r.t.n)
      local r2 = e:call("app:nested", { "a", "b" })
      io.print(r2.a, r2.b)
      local r3 = funcs.call("app:read", { "a" })
      io.print(r3.a)`,
      {
        read: `return { main = function(keys)
          local out = {}
          for _, k in ipairs(keys) do out[k] = (ctx.get(k)) end
          return out
        end }`,
        nested: { source: 'return { main = function(keys) return funcs.new():call("app:read", keys) end }', modules: ['funcs'] },
      },
    );
    expect(out).toEqual(['1\t2\t3', '1\t2', 'nil']);
  });

  it('a process the function spawns inherits the call\'s context, and a process calling a function passes its own (ctx/func_to_process.lua, process_to_func.lua)', async () => {
    const out = await lines(
      `
      io.print(funcs.new():with_context({ k = "from-exec" }):call("app:spawns"))
      local ev = process.events()
      process.with_context({ k = "from-spawn" }):spawn_monitored("app:caller", "app:processes")
      io.print(ev:receive().result.value)`,
      {
        spawns: `return { main = function()
          local ev = process.events()
          process.spawn_monitored("app:reader", "app:processes")
          return ev:receive().result.value
        end }`,
        reader: { source: 'return { main = function() return (ctx.get("k")) end }', kind: 'process.lua', modules: ['ctx'] },
        caller: { source: 'return { main = function() return (funcs.call("app:fread")) end }', kind: 'process.lua', modules: ['funcs'] },
        fread: 'return { main = function() return (ctx.get("k")) end }',
      },
    );
    expect(out).toEqual(['from-exec\tnil', 'from-spawn']);
  });

  it('with_actor / with_scope set what the function runs as; the caller\'s actor is inherited otherwise', async () => {
    const out = await lines(
      `
      local r = funcs.new():with_actor(security.new_actor("alice")):call("app:who")
      io.print(r)
      io.print((funcs.call("app:who")))
      io.print(pcall(funcs.new().with_actor, funcs.new(), nil))
      io.print(pcall(funcs.new().with_scope, funcs.new(), "x"))`,
      { who: { source: 'return { main = function() local a = security.actor() return a and a:id() or "none" end }', modules: ['security'] } },
    );
    expect(out[0]).toBe('alice');
    expect(out[1]).toBe('none');
    expect(out[2]).toMatch(/^false\t.*bad argument #2 to 'with_actor' \(actor cannot be nil\)$/);
    expect(out[3]).toMatch(/^false\t.*bad argument #2 to 'with_scope' \(Scope expected\)$/);
  });

  it('executors are immutable: each with_* makes a new one (funcs/executor.lua)', async () => {
    const out = await lines(
      `
      local e = funcs.new()
      local e2 = e:with_options({ timeout = 1000, other = "kept" })
      io.print(e ~= e2, type(e2), e2:call("app:echo", "x").echo)`,
      { echo: ECHO },
    );
    expect(out).toEqual(['true\tuserdata\tx']);
  });

  it('with_options{timeout}: the call fails with Timeout and its process is stopped', async () => {
    const out = await lines(
      `
      local t0 = time.now()
      local r, err = funcs.new():with_options({ timeout = 30 }):call("app:slow", "5s")
      local ms = time.now():sub(t0):milliseconds()
      io.print(r, err:kind(), ms < 1000)
      r, err = funcs.new():with_options({ timeout = "1s" }):call("app:slow", "1ms", "quick")
      io.print(r.value, err)
      io.print(pcall(funcs.new().with_options, funcs.new(), { timeout = -1 }))`,
      { slow: SLOW },
    );
    expect(out.slice(0, 2)).toEqual(['nil\tTimeout\ttrue', 'quick\tnil']);
    expect(out[2]).toMatch(/bad argument #2 to 'with_options' \(timeout must be a positive number of milliseconds or a duration\)/);
  });

  it('a process.lua entry with meta.default_host is callable: spawned on that host, its exit is the result (processfunc/*.lua)', async () => {
    const out = await lines(
      `
      local r, err = funcs.call("app:proc", "a", "b")
      io.print(r, err)
      r, err = funcs.call("app:failing")
      io.print(r, tostring(err):find("intentional", 1, true) ~= nil)
      r, err = funcs.call("app:nohost")
      io.print(r, err:kind())`,
      {
        proc: { source: 'return { main = function(a, b) return a .. b end }', kind: 'process.lua', yaml: 'meta:\n      default_host: app:processes' },
        failing: { source: 'return { main = function() error("intentional") end }', kind: 'process.lua', yaml: 'meta:\n      options:\n        default_host: app:processes' },
        nohost: { source: 'return { main = function() return 1 end }', kind: 'process.lua' },
      },
    );
    expect(out).toEqual(['ab\tnil', 'nil\ttrue', 'nil\tNotFound']);
  });

  it('process.spawn of a function entry is refused: functions are called, not spawned', async () => {
    const out = await lines(
      `
      local pid, err = process.spawn("app:echo", "app:processes")
      io.print(pid, err:kind(), err:message())`,
      { echo: ECHO },
    );
    expect(out).toEqual(['nil\tNotFound\tprocess entry not found: app:echo']);
  });
});

describe('permissions (docs en/lua/core/funcs.md, Permissions)', () => {
  // The caller runs inside a function given a scope that allows everything but what the test denies.
  const POLICIES = `  - name: allow_all
    kind: security.policy
    policy: { actions: "*", resources: "*", effect: allow }
  - name: deny_call
    kind: security.policy
    policy: { actions: "funcs.call", resources: "app:echo", effect: deny }
  - name: deny_context
    kind: security.policy
    policy: { actions: "funcs.context", resources: "*", effect: deny }
  - name: deny_security
    kind: security.policy
    policy: { actions: "funcs.security", resources: "*", effect: deny }
`;
  it('funcs.call on the target, funcs.context for with_context, funcs.security for with_actor/with_scope: nil, err before anything runs', async () => {
    const out = await lines(
      `
      local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:deny_call"),
        security.policy("app:deny_context"), security.policy("app:deny_security") })
      local r, err = funcs.new():with_actor(security.new_actor("u")):with_scope(scope):call("app:denied")
      io.print(r, err)`,
      {
        echo: 'return { main = function() print("echo ran") return 1 end }',
        denied: {
          source: `return { main = function()
            local out = {}
            local r, err = funcs.call("app:echo")
            out[#out + 1] = tostring(r) .. " " .. err:kind() .. " " .. err:message()
            local f, ferr = funcs.async("app:echo")
            out[#out + 1] = tostring(f) .. " " .. ferr:kind()
            local e, cerr = funcs.new():with_context({ a = 1 })
            out[#out + 1] = tostring(e) .. " " .. cerr:message()
            local e2, serr = funcs.new():with_actor(security.new_actor("x"))
            out[#out + 1] = tostring(e2) .. " " .. serr:message()
            return table.concat(out, "|")
          end }`,
          modules: ['funcs', 'security'],
        },
      },
      POLICIES,
    );
    expect(out).toEqual([
      [
        'nil PermissionDenied not allowed: app:echo',
        'nil PermissionDenied',
        'nil not allowed to call functions with custom context',
        'nil not allowed to call functions with custom security context',
      ].join('|') + '\tnil',
    ]);
  });
});

describe('funcs.async and the Future (future.go, dispatcher.go)', () => {
  it('the response channel yields a Payload of the result, then closes; channel() is the same channel (funcs/async.lua, select_future.lua)', async () => {
    const out = await lines(
      `
      local f, err = funcs.async("app:echo", "later")
      io.print(type(f), err, f:response() == f:channel())
      local p, ok = f:response():receive()
      io.print(ok, p:data().echo)
      io.print(f:response():receive())
      local v, rerr = f:result()
      io.print(v == p, rerr, f:is_complete())`,
      { echo: ECHO },
    );
    expect(out).toEqual(['userdata\tnil\ttrue', 'true\tlater', 'nil\tfalse', 'true\tnil\ttrue']);
  });

  it('before the end: is_complete false, result nil, nil, error nil, false (funcs/future_methods.lua)', async () => {
    const out = await lines(
      `
      local f = funcs.async("app:slow", "20ms", "v")
      io.print(f:is_complete(), f:result())
      io.print(f:error())
      local p = f:channel():receive()
      io.print(p:data().value, f:is_complete(), f:error())`,
      { slow: SLOW },
    );
    expect(out).toEqual(['false\tnil\tnil', 'nil\tfalse', 'v\ttrue\tnil\tfalse']);
  });

  // (a wrap's context is not part of tostring, which is the message alone: go-lua error.go String)
  it('a failed call: the channel yields the error value; result nil, err; error() wraps it as Internal "async call failed" (funcs/future_error.lua)', async () => {
    const out = await lines(
      `
      local f = funcs.async("app:kinded")
      local e, ok = f:response():receive()
      io.print(ok, e:kind(), e:message())
      local v, rerr = f:result()
      io.print(v, rerr:kind())
      local ferr, has = f:error()
      io.print(has, ferr:kind(), ferr:retryable(), tostring(ferr))`,
      { kinded: 'return { main = function() return nil, errors.new({ kind = errors.INVALID, message = "bad input" }) end }' },
    );
    expect(out).toEqual(['true\tInvalid\tbad input', 'nil\tInvalid', 'true\tInternal\tfalse\tbad input']);
  });

  it('an unknown target is not an error of async: the future gets "no handler registered for target"', async () => {
    const out = await lines(
      `
      local f, err = funcs.async("app:nothing")
      io.print(type(f), err)
      local e = f:response():receive()
      io.print(e:kind(), e:message())`,
      {},
    );
    expect(out).toEqual(['userdata\tnil', 'NotFound\tno handler registered for target']);
  });

  it('cancel: true, is_canceled, the channel closes, result() is Canceled, and the call\'s process is stopped', async () => {
    const out = await lines(
      `
      local f = funcs.async("app:slow", "5s")
      time.sleep("5ms")
      io.print(f:cancel(), f:is_canceled(), f:is_complete())
      io.print(f:response():receive())
      local v, err = f:result()
      io.print(v, err:kind(), err:message())`,
      { slow: SLOW },
    );
    expect(out).toEqual(['true\ttrue\tfalse', 'nil\tfalse', 'nil\tCanceled\tcanceled']);
  });

  it('calls run side by side: five 50 ms calls take about 50 ms, and select takes the first to finish (funcs/parallel.lua)', async () => {
    const out = await lines(
      `
      local t0 = time.now()
      local fs = {}
      for i = 1, 5 do fs[i] = funcs.async("app:slow", "50ms", i) end
      local sum = 0
      for i = 1, 5 do sum = sum + fs[i]:response():receive():data().value end
      io.print(sum, time.now():sub(t0):milliseconds() < 200)
      local fast, slow = funcs.async("app:slow", "5ms", "fast"), funcs.async("app:slow", "100ms", "slow")
      local r = channel.select { slow:channel():case_receive(), fast:channel():case_receive() }
      io.print(r.channel == fast:channel(), r.value:data().value)`,
      { slow: SLOW },
    );
    expect(out).toEqual(['15\ttrue', 'true\tfast']);
  });
});
