// Every message of a ping-pong passes one permission check (issue 5), with the sender as caller and the target pid
// as resource, and a realistic scope (10 glob policies) allows them all. The cost of those checks is measured by
// `npm run bench:actors` (a script: timings do not belong in unit tests).
import { describe, expect, it } from 'vitest';
import { createPermissionCheck, type SecurityContext } from '../../runtime/security/check.js';
import { Scope } from '../../runtime/security/scope.js';
import type { PermissionCheck } from '../../runtime/process/node.js';
import type { Proc } from '../../runtime/process/proc.js';
import { makeApp, type EntrySpec } from '../support/process-harness.js';
import { tenGlobPolicies } from './support.js';

const N = 2_000;
const ENTRIES: Record<string, EntrySpec> = {
  'app:ping': {
    source: `return { main = function(pong, n)
      local inbox = process.inbox()
      for i = 1, n do process.send(pong, "ping", i) inbox:receive() end
      print("done")
    end }`,
  },
  'app:pong': {
    source: `return { main = function()
      local inbox = process.inbox()
      while true do local m = inbox:receive() process.send(m:from(), "pong", m:payload():data()) end
    end }`,
  },
};

describe('ping-pong with security checks', () => {
  it(`${N} round trips: each send checked once as process.send on the target pid, all allowed`, async () => {
    const check = createPermissionCheck({ strictMode: true });
    const ctx = { actor: { id: 'svc', meta: {} }, scope: new Scope(tenGlobPolicies()) };
    const calls: { action: string; resource: string; caller: Proc | undefined }[] = [];
    const rec: PermissionCheck = (action, resource, caller) => {
      calls.push({ action, resource, caller });
      return check(action, resource, caller);
    };
    const app = await makeApp(ENTRIES, rec);
    const pong = app.rt.spawn('app:pong', 'app:processes', [], { security: ctx });
    const ping = app.rt.spawn('app:ping', 'app:processes', [pong.pid, N], { security: ctx });
    app.settle(1_000_000);
    expect(app.output.join('')).toBe('done\n');
    const sends = calls.filter((c) => c.action === 'process.send');
    expect(sends).toHaveLength(2 * N);
    expect(sends.filter((c) => c.caller === ping).every((c) => c.resource === pong.pid)).toBe(true);
    expect(sends.filter((c) => c.caller === pong).every((c) => c.resource === ping.pid)).toBe(true);
    expect(sends.filter((c) => c.caller === ping)).toHaveLength(N);
  });
});
