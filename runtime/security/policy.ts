// A `security.policy` entry: validated as Wippy does (api/service/security/policy/config.go Validate) and compiled
// into matchers and condition predicates once, so evaluating it costs two matcher calls in the common case
// (service/security/policy/policy.go Evaluate: action, then resource, then every condition AND-ed).
import { compileFilter, type StringMatcher } from './matcher.js';
import { compileCondition, compileRegex, OPERATORS, readsMeta, type Actor, type ConditionSpec, type Operator, type Request } from './conditions.js';
import { attrFromYaml, isRecord, toByteString, type AttrRecord, type AttrValue } from './values.js';

export type Effect = 'allow' | 'deny';
export type Decision = 'allow' | 'deny' | 'undefined';

/** The validated contents of a policy (`policy:` and `groups:` of the entry). */
export interface PolicyConfig {
  actions: string[];
  resources: string[];
  effect: Effect;
  conditions: ConditionSpec[];
  /** group ids, made absolute against the entry's namespace (config.go GetGroupIDs) */
  groups: string[];
}

/** A problem in a policy, with the field it concerns ("policy.effect", "policy.conditions[1].operator", ...). */
export interface PolicyProblem {
  field: string;
  message: string;
}

export class Policy {
  private readonly matchAction: StringMatcher;
  private readonly matchResource: StringMatcher;
  private readonly conds: ((r: Request) => boolean)[];
  private readonly result: Decision;
  /** whether any condition reads the request meta (callers may then skip building it) */
  readonly usesMeta: boolean;
  /** whether the policy has conditions: without any, its decision depends on action and resource alone */
  readonly conditional: boolean;

  constructor(
    readonly id: string,
    readonly config: PolicyConfig,
  ) {
    this.matchAction = compileFilter(config.actions);
    this.matchResource = compileFilter(config.resources);
    const patterns = new Map<string, RegExp>();
    for (const c of config.conditions) {
      if ((c.operator === 'matches' || c.operator === 'nmatches') && typeof c.value === 'string' && !patterns.has(c.value)) {
        patterns.set(c.value, compileRegex(c.value));
      }
    }
    this.conds = config.conditions.map((c) => compileCondition(c, patterns));
    this.result = config.effect;
    this.conditional = config.conditions.length > 0;
    this.usesMeta = config.conditions.some((c) => readsMeta(c.field) || (c.valueFrom !== undefined && readsMeta(c.valueFrom)));
  }

  /** Whether the policy can apply to `action` at all (scopes index their policies by action with it). */
  appliesTo(action: string): boolean {
    return this.matchAction(action);
  }

  evaluate(actor: Actor, action: string, resource: string, meta: AttrRecord | undefined): Decision {
    if (!this.matchAction(action)) return 'undefined';
    return this.evaluateMatched(actor, action, resource, meta);
  }

  /** evaluate() for an action already known to match. */
  evaluateMatched(actor: Actor, action: string, resource: string, meta: AttrRecord | undefined): Decision {
    if (!this.matchResource(resource)) return 'undefined';
    const conds = this.conds;
    if (conds.length !== 0) {
      const req: Request = { actor, action, resource, meta };
      for (let i = 0; i < conds.length; i++) if (!conds[i](req)) return 'undefined';
    }
    return this.result;
  }
}

function readFilter(v: unknown, name: 'actions' | 'resources', problems: PolicyProblem[]): string[] {
  const field = `policy.${name}`;
  if (typeof v === 'string') {
    if (v === '') problems.push({ field, message: `${name} string cannot be empty` });
    return [toByteString(v)];
  }
  if (Array.isArray(v)) {
    if (v.length === 0) problems.push({ field, message: `${name} list cannot be empty` });
    // config.go GetActions keeps only the string items
    return v.filter((x): x is string => typeof x === 'string').map(toByteString);
  }
  problems.push({ field, message: `${name} must be a string or list` });
  return [];
}

function readCondition(v: unknown, i: number, problems: PolicyProblem[]): ConditionSpec | undefined {
  const at = `policy.conditions[${i}]`;
  if (!isRecord(v as AttrValue)) {
    problems.push({ field: at, message: `condition ${i}: must be a mapping` });
    return undefined;
  }
  const c = v as Record<string, unknown>;
  const field = typeof c.field === 'string' ? c.field : '';
  const operator = typeof c.operator === 'string' ? c.operator : '';
  const valueFrom = typeof c.value_from === 'string' ? c.value_from : '';
  const value = c.value === null ? undefined : attrFromYaml(c.value);
  if (field === '') problems.push({ field: `${at}.field`, message: `condition ${i}: field is required` });
  if (operator === '') problems.push({ field: `${at}.operator`, message: `condition ${i}: operator is required` });
  if (value === undefined && valueFrom === '') {
    problems.push({ field: at, message: `condition ${i}: value or value_from is required` });
  }
  if (operator !== '' && !(OPERATORS as readonly string[]).includes(operator)) {
    problems.push({ field: `${at}.operator`, message: `condition ${i}: invalid operator: ${operator}` });
    return undefined;
  }
  if ((operator === 'matches' || operator === 'nmatches') && typeof value === 'string') {
    try {
      compileRegex(value);
    } catch (e) {
      problems.push({ field: `${at}.value`, message: `condition ${i}: invalid regex pattern '${value}': ${(e as Error).message}` });
    }
  }
  if (field === '' || operator === '') return undefined;
  return { field, operator: operator as Operator, value, valueFrom: valueFrom === '' ? undefined : valueFrom };
}

/**
 * Validates an entry's fields (`policy:`, `groups:`) as config.go does; returns the config, or the problems found.
 * `namespace` makes relative group names absolute.
 */
export function parsePolicyConfig(fields: Record<string, unknown>, namespace: string): PolicyConfig | PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const p = fields.policy;
  if (!isRecord(p as AttrValue)) return [{ field: 'policy', message: 'policy must be a mapping with actions, resources and effect' }];
  const def = p as Record<string, unknown>;
  const effect = def.effect;
  if (effect !== 'allow' && effect !== 'deny') {
    problems.push({ field: 'policy.effect', message: `invalid policy effect: ${effect === undefined || effect === null ? '' : String(effect)}` });
  }
  const actions = readFilter(def.actions, 'actions', problems);
  const resources = readFilter(def.resources, 'resources', problems);
  const conditions: ConditionSpec[] = [];
  if (def.conditions !== undefined && def.conditions !== null) {
    if (!Array.isArray(def.conditions)) problems.push({ field: 'policy.conditions', message: 'conditions must be a list' });
    else
      def.conditions.forEach((c, i) => {
        const spec = readCondition(c, i, problems);
        if (spec !== undefined) conditions.push(spec);
      });
  }
  const groups: string[] = [];
  const g = fields.groups;
  if (g !== undefined && g !== null) {
    if (!Array.isArray(g) || g.some((x) => typeof x !== 'string')) problems.push({ field: 'groups', message: 'groups must be a list of strings' });
    else for (const x of g as string[]) groups.push(x.includes(':') ? x : `${namespace}:${x}`);
  }
  if (problems.length > 0) return problems;
  return { actions, resources, effect: effect as Effect, conditions, groups };
}
