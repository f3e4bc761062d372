// What the `process.registry` module asks of a node's cluster-wide names (issue 16), where Wippy has four scopes
// (docs/cluster.md "Registry names"): LOCAL names stay in the node's own map (ProcessNode.names); EVENTUAL names are
// replicated to every node and converge (runtime/cluster/eventual-names.ts); CONSISTENT and STRONG names live in the
// cluster's linearizable store (runtime/cluster/global-names.ts). Only a node of a cluster has these; the interfaces
// keep runtime/process free of the cluster's code.
import type { LuaErrorValue } from '../lib/wippy/errors.js';
import type { Proc } from './proc.js';

export interface ClusterNameScopes {
  /** the pid a cluster scope binds `name` to: CONSISTENT/STRONG first, then EVENTUAL (Wippy's lookup order) */
  lookup(name: string): string | undefined;
  readonly eventual: EventualNameScope;
  /** CONSISTENT and STRONG; undefined when the cluster's server has no JetStream (Wippy without its Raft core) */
  readonly global: GlobalNameScope | undefined;
}

export interface EventualNameScope {
  /** binds `name` to `target` (a process of this node); on conflict the pid that holds the name */
  register(name: string, target: Proc): { existing?: string };
  /** releases `name` when `caller` holds it here; false otherwise */
  unregister(name: string, caller: Proc): boolean;
}

export interface GlobalNameScope {
  /** the pid a STRONG reservation this node acknowledged holds `name` for (not yet active: lookup does not see it) */
  reserved(name: string): string | undefined;
  /** binds `name` to `target`; true, or the error to return (ALREADY_EXISTS with details.existing_pid, Timeout, ...) */
  register(name: string, target: Proc, strong: boolean): Promise<true | LuaErrorValue>;
  /** releases `name` when `caller` holds it in that scope: true; false when it does not; an error when the store fails */
  unregister(name: string, caller: Proc, strong: boolean): Promise<boolean | LuaErrorValue>;
}
