// The app's policies and policy groups, read from its `security.policy` entries (wippyai/runtime
// system/security/registry.go). Invalid policies and `security.policy.expr` entries are reported with the file,
// line and column of the offending field, and left out.
import { Policy, parsePolicyConfig } from './policy.js';
import { Scope } from './scope.js';
import { fieldPosition } from './positions.js';

/** Where something was written (the app loader's SourcePos). */
export interface PolicyPos {
  file: string;
  line: number;
  column: number;
}

/** The part of an app entry (runtime/app model.ts Entry) the registry reads. */
export interface PolicySourceEntry {
  id: string;
  kind: string;
  namespace: string;
  fields: Record<string, unknown>;
  pos: PolicyPos;
  positions: Record<string, PolicyPos>;
  /** the definition file's absolute path, to locate problems inside `policy:` */
  file?: string;
}

export const SECURITY_DIAGNOSTIC_CODES = {
  /** a security.policy entry Wippy would refuse */
  BAD_POLICY: 'SEC0001',
  /** a security.policy.expr entry: expr-lang policies are not supported by moonforge */
  EXPR_POLICY: 'SEC0002',
} as const;

export interface SecurityDiagnostic extends PolicyPos {
  code: (typeof SECURITY_DIAGNOSTIC_CODES)[keyof typeof SECURITY_DIAGNOSTIC_CODES];
  message: string;
}

export class PolicyRegistry {
  readonly policies = new Map<string, Policy>();
  /** group id -> policy ids, in load order */
  readonly groups = new Map<string, string[]>();

  add(policy: Policy): void {
    this.policies.set(policy.id, policy);
    for (const g of policy.config.groups) {
      const list = this.groups.get(g) ?? [];
      if (!list.includes(policy.id)) list.push(policy.id);
      this.groups.set(g, list);
    }
  }

  getPolicy(id: string): Policy | undefined {
    return this.policies.get(id);
  }

  /** A group as a scope (registry.go GetPolicyGroup), undefined when no policy names it. */
  getGroup(id: string): Scope | undefined {
    const ids = this.groups.get(id);
    if (ids === undefined) return undefined;
    const list: Policy[] = [];
    for (const pid of ids) {
      const p = this.policies.get(pid);
      if (p !== undefined) list.push(p);
    }
    return new Scope(list);
  }
}

/** The position of a field path such as "policy.conditions[1].operator", as deep as can be found. */
function positionOf(e: PolicySourceEntry, field: string): PolicyPos {
  const deep = e.file === undefined ? undefined : fieldPosition(e.file, e.pos, field);
  if (deep !== undefined) return deep;
  const top = field.split(/[.[]/)[0];
  return e.positions[top] ?? e.pos;
}

/** Builds the registry from the app's entries; diagnostics for every entry left out. */
export function loadPolicies(entries: Iterable<PolicySourceEntry>): { registry: PolicyRegistry; diagnostics: SecurityDiagnostic[] } {
  const registry = new PolicyRegistry();
  const diagnostics: SecurityDiagnostic[] = [];
  for (const e of entries) {
    if (e.kind === 'security.policy.expr') {
      const where = e.positions.kind ?? e.positions.expression ?? e.pos;
      diagnostics.push({
        code: SECURITY_DIAGNOSTIC_CODES.EXPR_POLICY,
        message: `${e.id}: security.policy.expr (expr-lang expression policies) is not supported; write it as a security.policy with conditions`,
        ...where,
      });
      continue;
    }
    if (e.kind !== 'security.policy') continue;
    const cfg = parsePolicyConfig(e.fields, e.namespace);
    if (Array.isArray(cfg)) {
      for (const p of cfg) diagnostics.push({ code: SECURITY_DIAGNOSTIC_CODES.BAD_POLICY, message: `${e.id}: ${p.message}`, ...positionOf(e, p.field) });
      continue;
    }
    registry.add(new Policy(e.id, cfg));
  }
  return { registry, diagnostics };
}

export function formatSecurityDiagnostic(d: SecurityDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: error ${d.code}: ${d.message}`;
}
