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

/** A caller of a checked operation: a process with its pid and security context (Proc once issue 5 is wired). */
export interface SecurityCaller {
  readonly pid: string;
  readonly security?: SecurityContext;
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
  return (action, resource, caller) => {
    const ctx = caller?.security;
    const actor = ctx?.actor;
    const scope = ctx?.scope;
    if (actor === undefined || scope === undefined) return !strict;
    const meta = scope.usesMeta && caller !== undefined ? { pid: caller.pid } : undefined;
    return scope.evaluate(actor, action, resource, meta) === 'allow';
  };
}
