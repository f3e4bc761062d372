// An immutable set of policies keyed by id (wippyai/runtime system/security/scope.go): with/without return new
// scopes, and evaluate gives "deny" if any policy denies, else "allow" if any allows, else "undefined".
import type { Actor } from './conditions.js';
import type { Decision, Policy } from './policy.js';
import type { AttrRecord } from './values.js';

const MAX_INDEXED_ACTIONS = 512;

export class Scope {
  private readonly byId: ReadonlyMap<string, Policy>;
  /** the policies as an array, for the evaluation loop */
  private readonly list: readonly Policy[];
  /** whether some policy reads the request meta */
  readonly usesMeta: boolean;
  /** action -> the policies whose action filter matches it: a check then looks at one or two policies, not all */
  private readonly byAction = new Map<string, readonly Policy[]>();

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

  private forAction(action: string): readonly Policy[] {
    let l = this.byAction.get(action);
    if (l === undefined) {
      l = this.list.filter((p) => p.appliesTo(action));
      // actions are few in practice (process.*, can()'s names); bound the index anyway
      if (this.byAction.size < MAX_INDEXED_ACTIONS) this.byAction.set(action, l);
    }
    return l;
  }

  evaluate(actor: Actor, action: string, resource: string, meta: AttrRecord | undefined): Decision {
    const list = this.forAction(action);
    let found = false;
    for (let i = 0; i < list.length; i++) {
      const r = list[i].evaluateMatched(actor, action, resource, meta);
      if (r === 'deny') return 'deny';
      if (r === 'allow') found = true;
    }
    return found ? 'allow' : 'undefined';
  }
}
