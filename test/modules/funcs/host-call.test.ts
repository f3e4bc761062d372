// callFunction: a function.lua entry called from host code (the test runner's way in), on the model of Wippy's own
// runner (tests/app/src/runner.lua), which passes a test when funcs.call gives no error and a result other than false.
import { afterEach, describe, expect, it } from 'vitest';
import { functionsRuntime, type EntryDef } from '../../support/function-app.js';
import type { AppRuntime } from '../../../sdk/app-runtime.js';
import { callFunction } from '../../../runtime/modules/index.js';
import { isLuaErrorValue } from '../../../runtime/lib/wippy/errors.js';
import { LuaTable } from '../../../runtime/core/table.js';

let running: AppRuntime | undefined;
afterEach(() => {
  running?.rt.shutdown();
  running = undefined;
});

async function functionsApp(entries: Record<string, EntryDef>): Promise<AppRuntime> {
  running = await functionsRuntime(entries);
  return running;
}

describe('callFunction (host code calls a function entry)', () => {
  it("gives main's first result; the function gets the arguments", async () => {
    const { rt } = await functionsApp({ add: 'return { main = function(a, b) return a + b, nil, "third" end }' });
    expect(await callFunction(rt, 'app:add', [2, 40])).toEqual({ ok: true, value: 42 });
  });

  it('a string second result is the error, as `nil, err` (runtime/lua/engine/process.go extractReturnError)', async () => {
    const { rt } = await functionsApp({ two: 'return { main = function() return 1, "went wrong" end }' });
    const r = await callFunction(rt, 'app:two');
    expect(r.ok === false && r.message).toBe('went wrong');
  });

  // (its position is pinned through the CLI in funcs-cli.test.ts: vitest's module loader hides the compiled chunks'
  // frames from in-process runs, so neither position nor traceback can be seen here)
  it('a raised error fails the call with its message', async () => {
    const { rt } = await functionsApp({ boom: 'local function main()\n  error("exploded")\nend\nreturn { main = main }' });
    const r = await callFunction(rt, 'app:boom');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/exploded$/);
    expect(r.timedOut).toBeUndefined();
  });

  it('`return nil, err` fails the call with that error value (kind kept)', async () => {
    const { rt } = await functionsApp({ no: 'return { main = function() return nil, errors.new({ kind = errors.NOT_FOUND, message = "nope" }) end }' });
    const r = await callFunction(rt, 'app:no');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(isLuaErrorValue(r.error) && r.error.kind).toBe('NotFound');
    expect(r.message).toBe('nope');
  });

  it('an unknown id: NotFound "no handler registered for target" (system/function/errors.go); a malformed one: Invalid', async () => {
    const { rt } = await functionsApp({});
    const r = await callFunction(rt, 'app:missing');
    expect(r.ok === false && r.message).toBe('no handler registered for target');
    const bad = await callFunction(rt, 'nonamespace');
    expect(bad.ok === false && bad.message).toBe('namespace required in function ID');
  });

  it('a timeout stops the call and reports it', async () => {
    const { rt } = await functionsApp({ slow: 'return { main = function() time.sleep("10s") return true end }' });
    const t0 = Date.now();
    const r = await callFunction(rt, 'app:slow', [], { timeoutMs: 50 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.ok === false && r.timedOut).toBe(true);
    expect(r.ok === false && isLuaErrorValue(r.error) && r.error.kind).toBe('Timeout');
    expect(rt.node.procs.size).toBe(0);
  });

  it('a call ends with its caller: an async call still running when its caller returns is stopped', async () => {
    const { rt } = await functionsApp({
      starter: { source: 'return { main = function() funcs.async("app:slow") return true end }', modules: ['funcs'] },
      slow: 'return { main = function() time.sleep("10s") return 1 end }',
    });
    expect(await callFunction(rt, 'app:starter')).toEqual({ ok: true, value: true });
    expect(rt.node.procs.size).toBe(0);
  });

  it('a blocked funcs.call ends with its caller: terminating the caller stops the function it waits for', async () => {
    const { rt } = await functionsApp({
      killer: `return { main = function()
        local ev = process.events()
        local pid = process.spawn_monitored("app:waiter", "app:processes")
        time.sleep("20ms")
        process.terminate(pid)
        return ev:receive().kind
      end }`,
      waiter: { source: 'return { main = function() return funcs.call("app:slow") end }', kind: 'process.lua', modules: ['funcs'] },
      slow: 'return { main = function() time.sleep("10s") return 1 end }',
    });
    expect(await callFunction(rt, 'app:killer')).toEqual({ ok: true, value: 'pid.exit' });
    expect(rt.node.procs.size).toBe(0);
  });

  it('a function deleted (a registry change) before its call\'s process first runs fails that call, not the runtime', async () => {
    const { rt } = await functionsApp({ gone: 'return { main = function() return 1 end }' });
    const call = callFunction(rt, 'app:gone');
    rt.functions.delete('app:gone');
    const r = await call;
    expect(r.ok === false && r.message).toBe('entry not found: app:gone');
  });

  it('context values reach ctx.get', async () => {
    const { rt } = await functionsApp({ read: 'return { main = function() return (ctx.get("who")) end }' });
    const r = await callFunction(rt, 'app:read', [], { context: new Map([['who', 'host']]) });
    expect(r).toEqual({ ok: true, value: 'host' });
  });

  it('a table result comes back as a Lua table', async () => {
    const { rt } = await functionsApp({ t: 'return { main = function() return { ok = true, n = 3 } end }' });
    const r = await callFunction(rt, 'app:t');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBeInstanceOf(LuaTable);
    expect((r.value as LuaTable).ok).toBe(true);
  });
});
