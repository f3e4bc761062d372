// The access decision (wippyai/runtime runtime/security/access.go, api/security/context.go IsAllowed) and scopes
// (system/security/scope.go): deny wins, then allow, else undefined -> deny; a missing actor or scope allows unless
// strict mode is on; `can` is false without both.
import { describe, expect, it } from 'vitest';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';
import { Scope } from '../../runtime/security/scope.js';
import { canAccess, createPermissionCheck, isAllowed, type SecurityContext } from '../../runtime/security/check.js';
import type { Actor } from '../../runtime/security/conditions.js';

function mk(id: string, def: Record<string, unknown>): Policy {
  const cfg = parsePolicyConfig({ policy: def }, 'app');
  if (Array.isArray(cfg)) throw new Error(cfg[0].message);
  return new Policy(id, cfg);
}

const allowAll = mk('app:allow_all', { actions: '*', resources: '*', effect: 'allow' });
const denySend = mk('app:deny_send', { actions: 'process.send', resources: '*', effect: 'deny' });
const allowSpawnWorkers = mk('app:spawn_workers', { actions: 'process.spawn*', resources: 'app.workers:*', effect: 'allow' });
const actor: Actor = { id: 'svc', meta: { role: 'worker' } };

describe('scopes', () => {
  it('remembers decisions of condition-free policies per resource, and they stay right past the memo bound', () => {
    const denySystem = mk('app:deny_system', { actions: 'process.*', resources: 'system:*', effect: 'deny' });
    const s = new Scope([allowAll, denySystem]);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) {
        expect(s.evaluate(actor, 'process.send', `app:${i}`, undefined)).toBe('allow');
        if (i % 97 === 0) expect(s.evaluate(actor, 'process.send', `system:${i}`, undefined)).toBe('deny');
      }
    }
  });
  it('does not remember decisions that depend on the actor (conditions)', () => {
    const onlyWorkers = mk('app:only_workers', {
      actions: 'process.send',
      resources: '*',
      effect: 'allow',
      conditions: [{ field: 'actor.meta.role', operator: 'eq', value: 'worker' }],
    });
    const s = new Scope([onlyWorkers]);
    const other: Actor = { id: 'svc2', meta: { role: 'admin' } };
    expect(s.evaluate(actor, 'process.send', 'p1', undefined)).toBe('allow');
    expect(s.evaluate(other, 'process.send', 'p1', undefined)).toBe('undefined');
    expect(s.evaluate(actor, 'process.send', 'p1', undefined)).toBe('allow');
  });
  it('deny wins over allow', () => {
    const s = new Scope([allowAll, denySend]);
    expect(s.evaluate(actor, 'process.send', 'x', undefined)).toBe('deny');
    expect(s.evaluate(actor, 'process.link', 'x', undefined)).toBe('allow');
  });
  it('is undefined when no policy decides, and for an empty scope', () => {
    expect(new Scope([allowSpawnWorkers]).evaluate(actor, 'process.send', 'x', undefined)).toBe('undefined');
    expect(new Scope().evaluate(actor, 'a', 'b', undefined)).toBe('undefined');
  });
  it('with/without/contains are immutable and keyed by id', () => {
    const s = new Scope([allowAll]);
    const s2 = s.with(denySend);
    expect(s.contains('app:deny_send')).toBe(false);
    expect(s2.contains('app:deny_send')).toBe(true);
    expect(s2.policies().map((p) => p.id)).toEqual(['app:allow_all', 'app:deny_send']);
    expect(s2.without('app:allow_all').policies().map((p) => p.id)).toEqual(['app:deny_send']);
    expect(s2.without('app:nope')).toBe(s2);
    expect(s.with(allowAll).policies()).toHaveLength(1);
  });
});

describe('isAllowed (access.go)', () => {
  const full: SecurityContext = { actor, scope: new Scope([allowSpawnWorkers, denySend]) };
  it('decides by the scope when there are an actor and a scope; undefined denies', () => {
    expect(isAllowed(full, 'process.spawn', 'app.workers:w', undefined, { strictMode: false })).toBe(true);
    expect(isAllowed(full, 'process.send', '{p}', undefined, { strictMode: false })).toBe(false);
    expect(isAllowed(full, 'process.link', '{p}', undefined, { strictMode: false })).toBe(false);
  });
  it('allows without an actor or a scope, unless strict', () => {
    for (const ctx of [undefined, {}, { actor }, { scope: new Scope([denySend]) }] as (SecurityContext | undefined)[]) {
      expect(isAllowed(ctx, 'process.send', 'x', undefined, { strictMode: false })).toBe(true);
      expect(isAllowed(ctx, 'process.send', 'x', undefined, { strictMode: true })).toBe(false);
    }
  });
  it('strict mode does not change a complete context', () => {
    expect(isAllowed(full, 'process.spawn', 'app.workers:w', undefined, { strictMode: true })).toBe(true);
  });
  it('can() is false without an actor and a scope (tests/app/src/test/security/can.lua)', () => {
    expect(canAccess(undefined, 'read', 'resource', {})).toBe(false);
    expect(canAccess({ actor }, 'read', 'resource', {})).toBe(false);
    expect(canAccess({ actor, scope: new Scope() }, 'read', 'resource', {})).toBe(false);
    expect(canAccess({ actor, scope: new Scope([allowAll]) }, 'read', 'resource', {})).toBe(true);
  });
});

describe('createPermissionCheck', () => {
  it("reads the caller's security context and passes meta {pid}", () => {
    const ownPid = mk('app:own', {
      actions: '*',
      resources: '*',
      effect: 'allow',
      conditions: [{ field: 'meta.pid', operator: 'eq', value_from: 'resource' }],
    });
    const check = createPermissionCheck({ strictMode: false });
    const caller = { pid: '{local@app:processes|0x00001}', security: { actor, scope: new Scope([ownPid]) } };
    expect(check('process.send', caller.pid, caller)).toBe(true);
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(false);
  });
  it('allows host code and callers without context unless strict', () => {
    expect(createPermissionCheck({ strictMode: false })('process.send', 'x', undefined)).toBe(true);
    expect(createPermissionCheck({ strictMode: false })('process.send', 'x', { pid: 'p' })).toBe(true);
    expect(createPermissionCheck({ strictMode: true })('process.send', 'x', undefined)).toBe(false);
    expect(createPermissionCheck({ strictMode: true })('process.send', 'x', { pid: 'p', security: { actor } })).toBe(false);
  });
});
