// Micro-benchmark of the permission check (issue 5: checks must stay cheap next to a message send): 10 glob
// policies, the shape of a realistic service scope. Prints checks per second; fails only if it is absurdly slow.
import { describe, expect, it } from 'vitest';
import { Scope } from '../../runtime/security/scope.js';
import { createPermissionCheck } from '../../runtime/security/check.js';
import { tenGlobPolicies } from './support.js';

describe('permission check speed', () => {
  it('runs well over a million checks per second with 10 glob policies', () => {
    const check = createPermissionCheck({ strictMode: false });
    const caller = { pid: '{local@app:processes|0x00001}', security: { actor: { id: 'svc', meta: {} }, scope: new Scope(tenGlobPolicies()) } };
    const target = '{local@app:processes|0x00002}';
    expect(check('process.send', target, caller)).toBe(true);
    expect(check('process.terminate', target, caller)).toBe(false);
    const N = 2_000_000;
    let ok = 0;
    for (let i = 0; i < 100_000; i++) if (check('process.send', target, caller)) ok++; // warm-up
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) if (check('process.send', target, caller)) ok++;
    const ns = Number(process.hrtime.bigint() - t0);
    const perSec = (N / ns) * 1e9;
    console.log(`permission check, 10 glob policies: ${(perSec / 1e6).toFixed(1)}M checks/s (${(ns / N).toFixed(0)} ns/check)`);
    expect(ok).toBe(N + 100_000);
    expect(perSec).toBeGreaterThan(1e6);
  });
});
