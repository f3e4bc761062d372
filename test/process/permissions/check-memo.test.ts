// The permission check's per-caller memo (security/check.ts) is keyed by the caller's security context object,
// action and resource: a caller given another context (another object, as every change makes one) is decided anew,
// and decisions that depend on conditions are never remembered.
import { describe, expect, it } from 'vitest';
import { Policy, parsePolicyConfig } from '../../../runtime/security/index.js';
import { Scope } from '../../../runtime/security/scope.js';
import { createPermissionCheck, type LastDecision, type SecurityContext } from '../../../runtime/security/check.js';
import type { Actor } from '../../../runtime/security/conditions.js';

function mk(id: string, def: Record<string, unknown>): Policy {
  const cfg = parsePolicyConfig({ policy: def }, 'app');
  if (Array.isArray(cfg)) throw new Error(cfg[0]!.message);
  return new Policy(id, cfg);
}

const actor: Actor = { id: 'svc', meta: undefined };
const allowSend = new Scope([mk('app:allow', { actions: 'process.send', resources: '*', effect: 'allow' })]);
const denySend = new Scope([mk('app:deny', { actions: 'process.send', resources: '*', effect: 'deny' })]);

describe('permission check memo', () => {
  it('remembers a decision per caller, and a new context object is decided anew', () => {
    const check = createPermissionCheck({ strictMode: true });
    const caller: { pid: string; security?: SecurityContext; lastDecision?: LastDecision } = {
      pid: '{local@app:processes|0x00001}',
      security: { actor, scope: allowSend },
      lastDecision: undefined,
    };
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(true);
    expect(caller.lastDecision?.allowed).toBe(true);
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(true);
    caller.security = { actor, scope: denySend };
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(false);
    caller.security = { actor, scope: allowSend };
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(true);
    expect(check('process.terminate', '{local@app:processes|0x00002}', caller)).toBe(false); // no policy: strict denies
  });

  it('does not remember decisions made under conditions', () => {
    const check = createPermissionCheck({ strictMode: false });
    const onlyBoss = new Scope([
      mk('app:boss', { actions: 'process.send', resources: '*', effect: 'allow', conditions: [{ field: 'actor.id', operator: 'eq', value: 'boss' }] }),
    ]);
    const caller = { pid: 'p', security: { actor, scope: onlyBoss }, lastDecision: undefined as LastDecision | undefined };
    expect(check('process.send', 'x', caller)).toBe(false);
    expect(caller.lastDecision).toBeUndefined();
  });
});
