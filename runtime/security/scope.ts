// An immutable set of policies keyed by id (wippyai/runtime system/security/scope.go): with/without return new
// scopes, and evaluate gives "deny" if any policy denies, else "allow" if any allows, else "undefined".
import type { Actor } from './conditions.js';
import type { Decision, Policy } from './policy.js';
import type { AttrRecord } from './values.js';

const MAX_INDEXED_ACTIONS = 512;
/** resources remembered per action before the memo starts over (pids of a busy node are many, but reused) */
const MAX_MEMO_RESOURCES = 4096;

/**
 * The policies that apply to one action. When none of them has conditions the decision is a function of the
 * resource alone (scopes and policies never change), so it is remembered: a send to the same pid decides once.
 */
interface ActionPolicies {
  readonly list: readonly Policy[];
  readonly memo: Map<string, Decision> | undefined;
}

export class Scope {
  private readonly byId: ReadonlyMap<string, Policy>;
  /** the policies as an array, for the evaluation loop */
  private readonly list: readonly Policy[];
  /** whether some policy reads the request meta */
  readonly usesMeta: boolean;
  /** action -> the policies whose action filter matches it: a check then looks at one or two policies, not all */
  private readonly byAction = new Map<string, ActionPolicies>();

  constructor(policies: Iterable<Policy> = []) {
    const m = new Map<string, Policy>();
    for (const p of policies) m.set(p.id, p);
    this.byId = m;
    this.list = [...m.values()];
    this.usesMeta = this.list.some((p) => p.usesMeta);
  }

  with(policy: Policy): Scope {
    return new Scope([...this.byId.values(), policy]);
  }

  without(id: string): Scope {
    if (!this.byId.has(id)) return this;
    return new Scope(this.list.filter((p) => p.id !== id));
  }

  contains(id: string): boolean {
    return this.byId.has(id);
  }

  policies(): readonly Policy[] {
    return this.list;
  }

  /** the last action looked up: a process loop mostly repeats one action, and a compare beats a hash lookup */
  private lastAction = '';
  private lastPolicies: ActionPolicies | undefined = undefined;

  private forAction(action: string): ActionPolicies {
    if (action === this.lastAction && this.lastPolicies !== undefined) return this.lastPolicies;
    let l = this.byAction.get(action);
    if (l === undefined) {
      const list = this.list.filter((p) => p.appliesTo(action));
      l = { list, memo: list.some((p) => p.conditional) ? undefined : new Map() };
      // actions are few in practice (process.*, can()'s names); bound the index anyway
      if (this.byAction.size < MAX_INDEXED_ACTIONS) this.byAction.set(action, l);
    }
    this.lastAction = action;
    this.lastPolicies = l;
    return l;
  }

  /** Whether the decision for `action` depends on the resource alone (no policy for it has conditions). */
  decidesByResource(action: string): boolean {
    return this.forAction(action).memo !== undefined;
  }

  evaluate(actor: Actor, action: string, resource: string, meta: AttrRecord | undefined): Decision {
    const ap = this.forAction(action);
    const memo = ap.memo;
    if (memo === undefined) return decide(ap.list, actor, action, resource, meta);
    let d = memo.get(resource);
    if (d === undefined) {
      d = decide(ap.list, actor, action, resource, meta);
      if (memo.size >= MAX_MEMO_RESOURCES) memo.clear();
      memo.set(resource, d);
    }
    return d;
  }
}

/** scope.go Evaluate: any deny wins, then any allow, else undefined. */
function decide(list: readonly Policy[], actor: Actor, action: string, resource: string, meta: AttrRecord | undefined): Decision {
  let found = false;
  for (let i = 0; i < list.length; i++) {
    const r = list[i].evaluateMatched(actor, action, resource, meta);
    if (r === 'deny') return 'deny';
    if (r === 'allow') found = true;
  }
  return found ? 'allow' : 'undefined';
}
