// A service's `lifecycle.security` (actor, groups, policies) as the SecurityContext its process starts with
// (wippyai/runtime system/security/context.go WithSecurityConfig): the actor is always set; the scope holds the
// policies of every group then every listed policy, and is left unset when that comes to no policy at all.
import type { PolicyRegistry } from './registry.js';
import type { SecurityContext } from './check.js';
import { Scope } from './scope.js';
import type { Policy } from './policy.js';
import { attrFromYaml, isRecord, toByteString, type AttrRecord } from './values.js';

/** runtime/app model.ts SecurityConfig. */
export interface ServiceSecurityConfig {
  actor: { id: string; meta: Record<string, unknown> };
  groups: string[];
  policies: string[];
}

const absolute = (ref: string, namespace: string): string => (ref.includes(':') || namespace === '' ? ref : `${namespace}:${ref}`);

/**
 * The context of a service's process. Group and policy ids without a namespace are taken relative to the
 * service's namespace (as entry references are); unknown ids are skipped, as Wippy does.
 */
export function securityContextFromConfig(cfg: ServiceSecurityConfig, registry: PolicyRegistry, namespace = ''): SecurityContext {
  const meta = attrFromYaml(cfg.actor.meta);
  const actor = { id: toByteString(cfg.actor.id), meta: isRecord(meta) ? (meta as AttrRecord) : undefined };
  const all: Policy[] = [];
  for (const g of cfg.groups) {
    const s = registry.getGroup(absolute(g, namespace));
    if (s !== undefined) all.push(...s.policies());
  }
  for (const id of cfg.policies) {
    const p = registry.getPolicy(absolute(id, namespace));
    if (p !== undefined) all.push(p);
  }
  return all.length > 0 ? { actor, scope: new Scope(all) } : { actor };
}
