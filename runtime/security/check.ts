// The access decision (wippyai/runtime runtime/security/access.go IsAllowed): with both an actor and a scope the
// scope decides and only "allow" allows; with either missing, allow unless strict mode is on. createPermissionCheck
// turns it into the process node's PermissionCheck, reading the caller's SecurityContext.
import type { Actor } from './conditions.js';
import type { Scope } from './scope.js';
import type { AttrRecord } from './values.js';

/** The security context of a process (or of any caller): both are optional, as in Wippy's context.Context. */
export interface SecurityContext {
  readonly actor?: Actor;
  readonly scope?: Scope;
}

/**
 * A caller's last decision that depended on action and resource alone (see createPermissionCheck): a process mostly
 * repeats one check (every send of a loop to the same peer), and comparing three references beats the scope's memo
 * lookup by a fifth of a message's cost. Mutated in place, one per caller.
 */
export interface LastDecision {
  /** the caller's security context the decision was made with (contexts are never mutated; see the check) */
  ctx: SecurityContext;
  action: string;
  resource: string;
  allowed: boolean;
}

/** A caller of a checked operation: a process with its pid and security context (Proc once issue 5 is wired). */
export interface SecurityCaller {
  readonly pid: string;
  readonly security?: SecurityContext;
  /** where the check keeps the caller's last decision (a caller without this property is not cached) */
  lastDecision?: LastDecision;
}

export interface SecurityOptions {
  /** `.wippy.yaml` security.strict_mode: deny when the actor or the scope is missing */
  strictMode: boolean;
}

/** runtime/security/access.go IsAllowed: the check every operation makes (strict-mode aware). */
export function isAllowed(
  ctx: SecurityContext | undefined,
  action: string,
  resource: string,
  meta: AttrRecord | undefined,
  opts: SecurityOptions,
): boolean {
  const actor = ctx?.actor;
  const scope = ctx?.scope;
  if (actor !== undefined && scope !== undefined) return scope.evaluate(actor, action, resource, meta) === 'allow';
  return !opts.strictMode;
}

/**
 * api/security/context.go IsAllowed, behind `security.can`: false whenever the actor or the scope is missing, in
 * any mode (Wippy's tests/app/src/test/security/can.lua asserts it).
 */
export function canAccess(ctx: SecurityContext | undefined, action: string, resource: string, meta: AttrRecord | undefined): boolean {
  const actor = ctx?.actor;
  const scope = ctx?.scope;
  if (actor === undefined || scope === undefined) return false;
  return scope.evaluate(actor, action, resource, meta) === 'allow';
}

/**
 * The node's permission check: `(action, resource, caller) => boolean`. Process checks carry the meta
 * `{pid = <caller pid>}` (spec §4), built only when a policy of the caller's scope reads the meta. Host code (no
 * caller) has no security context.
 */
export function createPermissionCheck(
  opts: SecurityOptions,
): (action: string, resource: string, caller: SecurityCaller | undefined) => boolean {
  const strict = opts.strictMode;
  /** The check without the memo: decides and, when the decision depends on action and resource alone, remembers it. */
  const decide = (action: string, resource: string, caller: SecurityCaller | undefined): boolean => {
    if (caller === undefined) return !strict;
    const ctx = caller.security;
    const actor = ctx?.actor;
    const scope = ctx?.scope;
    if (ctx === undefined || actor === undefined || scope === undefined) return !strict;
    const meta = scope.usesMeta ? { pid: caller.pid } : undefined;
    const allowed = scope.evaluate(actor, action, resource, meta) === 'allow';
    if (scope.decidesByResource(action) && 'lastDecision' in caller) {
      const last = caller.lastDecision;
      if (last === undefined) caller.lastDecision = { ctx, action, resource, allowed };
      else {
        last.ctx = ctx;
        last.action = action;
        last.resource = resource;
        last.allowed = allowed;
      }
    }
    return allowed;
  };
  // The memo hit is kept tiny so it can be inlined at the call site (every process.send): a caller's last decision
  // holds while its security context (never mutated: a context with another actor or scope is another object),
  // action and resource are the same — when it depended on nothing else (no policy for the action has conditions:
  // Scope.decidesByResource; scopes are immutable). Comparing the context object itself saves a dependent load.
  return (action, resource, caller) => {
    const last = caller?.lastDecision;
    if (last !== undefined && last.resource === resource && last.action === action && last.ctx === caller!.security) return last.allowed;
    return decide(action, resource, caller);
  };
}
