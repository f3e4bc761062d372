// The names and links half of the `process` global (spec §2.3, §2.5): monitor/unmonitor, link/unlink, the
// trap_links option, and the name registry.
import { LuaTable, ownStringKeys, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS } from '../../lib/wippy/errors.js';
import { mkY, type LuaGen } from '../../core/coroutine.js';
import { PARK } from '../../../abi/index.js';
import type { Proc } from '../proc.js';
import type { GlobalNameScope } from '../cluster-names.js';
import { fail, isPidString, type ModuleContext } from './context.js';

// the scopes' values, as Wippy numbers them (api/topology/topology.go)
const LOCAL = 0;
const EVENTUAL = 1;
const CONSISTENT = 2;
const STRONG = 3;
const REGISTER_PERMISSION = ['process.registry.register', 'process.registry.register.eventual', 'process.registry.register.consistent', 'process.registry.register.strong'];
const UNREGISTER_PERMISSION = ['process.registry.unregister', 'process.registry.unregister.eventual', 'process.registry.unregister.consistent', 'process.registry.unregister.strong'];
/** the scope in a PermissionDenied message, as module.go words it ("not allowed to register name (eventual): x") */
const LABEL = ['', ' (eventual)', ' (consistent)', ' (strong)'];
const SCOPE_MUST_BE_A_NUMBER = 'scope must be a number (process.registry.LOCAL|EVENTUAL|CONSISTENT|STRONG)';

/**
 * The scope of a register argument: nil is LOCAL, a number that is none of the cluster scopes is LOCAL too (module.go
 * switches on the three and falls through to LOCAL); undefined for a value that is not a number.
 */
function scopeOf(v: unknown): number | undefined {
  if (v === undefined) return LOCAL;
  if (typeof v !== 'number') return undefined;
  const m = Math.trunc(v);
  return m === EVENTUAL || m === CONSISTENT || m === STRONG ? m : LOCAL;
}

/** ALREADY_EXISTS with the holder's pid (details.existing_pid), as a LOCAL conflict answers. */
const alreadyRegistered = (existing: string): unknown =>
  ret2(undefined, createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'name already registered', details: { existing_pid: existing } }));

export function addNamesAndLinks(mod: LuaTable, ctx: ModuleContext): void {
  const { node, self, allowed, destination } = ctx;

  /** Parks the calling task until `p` settles (a process ended meanwhile is not woken: its token is stale). */
  function* waitFor<T>(p: Promise<T>): Generator<unknown, T, unknown> {
    const sched = node.sched;
    const task = sched.current!;
    const token = sched.parkToken(task, 'registry');
    p.then(
      (v) => sched.wake(task, { v }, token),
      (e: unknown) => sched.wake(task, { e }, token),
    );
    const r = (yield PARK) as { v: T } | { e: unknown };
    if ('e' in r) throw r.e;
    return r.v;
  }

  mod.monitor = (dest: unknown) => {
    const me = self();
    const r = destination(dest, 'process.monitor', me, 'monitor');
    if ('err' in r) return r.err;
    // spec §2.1: monitoring a pid that is not alive is an error, and no EXIT is made up for it.
    const target = r.proc;
    if (target === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'pid not registered');
    if (target.hasMonitor(me)) return fail(ERROR_KINDS.ALREADY_EXISTS, 'already monitoring pid');
    target.addMonitor(me);
    me.monitoring.add(target);
    if (node.remote !== undefined && node.remote.isProxy(target)) node.remote.watch('monitor', me, target);
    node.observer?.monitored?.(me, target, true);
    return ret1(true);
  };
  mod.unmonitor = (dest: unknown) => {
    const me = self();
    const r = destination(dest, 'process.unmonitor', me, 'unmonitor');
    if ('err' in r) return r.err;
    // system/topology Demonitor: nothing to undo for a dead target, and no error
    const target = r.proc;
    if (target === undefined) return ret1(true);
    target.removeMonitor(me);
    me.monitoring.delete(target);
    if (node.remote !== undefined && node.remote.isProxy(target)) node.remote.watch('demonitor', me, target);
    node.observer?.monitored?.(me, target, false);
    return ret1(true);
  };
  mod.link = (dest: unknown) => {
    const me = self();
    const r = destination(dest, 'process.link', me, 'link');
    if ('err' in r) return r.err;
    // system/topology Link: ErrPIDNotRegistered for a target that is not alive
    const target = r.proc;
    if (target === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'pid not registered');
    target.links.add(me);
    me.links.add(target);
    if (node.remote !== undefined && node.remote.isProxy(target)) node.remote.watch('link', me, target);
    node.observer?.linked?.(me, target, true);
    return ret1(true);
  };
  mod.unlink = (dest: unknown) => {
    const me = self();
    const r = destination(dest, 'process.unlink', me, 'unlink');
    if ('err' in r) return r.err;
    // system/topology Unlink: a dead target is simply not linked any more
    const target = r.proc;
    if (target === undefined) return ret1(true);
    target.links.delete(me);
    me.links.delete(target);
    if (node.remote !== undefined && node.remote.isProxy(target)) node.remote.watch('unlink', me, target);
    node.observer?.linked?.(me, target, false);
    return ret1(true);
  };

  mod.get_options = () => ret1(tableFromRecord({ trap_links: self().trapLinks }));
  mod.set_options = (t: unknown) => {
    const me = self();
    if (!(t instanceof LuaTable)) return ret2(false, createError({ kind: ERROR_KINDS.INVALID, message: 'options parameter must be a table' }));
    // As module.go's setOptions: trap_links is applied even when another key is rejected; the first problem is reported.
    let problem: string | undefined;
    for (const k of ownStringKeys(t)) {
      if (k === 'trap_links') {
        const v = t.trap_links;
        if (typeof v === 'boolean') me.trapLinks = v;
        else problem = 'trap_links must be a boolean';
      } else if (problem === undefined) {
        problem = `option ${k} is not supported`;
      }
    }
    if (problem !== undefined) return ret2(false, createError({ kind: ERROR_KINDS.INVALID, message: problem }));
    return ret2(true, undefined);
  };

  // ---- registry ----
  // Wippy's four scopes and their values (api/topology RegistrationMode; docs/cluster.md "Registry names"): LOCAL
  // this node's map; EVENTUAL replicated to every node of a cluster; CONSISTENT and STRONG in the cluster's
  // linearizable store. Each cluster scope has its own permission (`process.registry.register.eventual`, ...).
  const registry = new LuaTable();
  registry.LOCAL = LOCAL;
  registry.EVENTUAL = EVENTUAL;
  registry.CONSISTENT = CONSISTENT;
  registry.STRONG = STRONG;
  const clusterNames = () => node.clusterNames;

  /** register's checks, in module.go's order; the target and scope, or the failure to return */
  const registerArgs = (name: unknown, pid: unknown, scope: unknown): { target: Proc; name: string; scope: number } | { err: unknown } => {
    const me = self();
    if (typeof name !== 'string' || name === '') return { err: fail(ERROR_KINDS.INVALID, 'name required') };
    if (pid !== undefined && typeof pid !== 'string') return { err: fail(ERROR_KINDS.INVALID, 'pid must be a string') };
    if (pid !== undefined && !isPidString(pid)) return { err: fail(ERROR_KINDS.INVALID, `invalid pid: ${pid}`) };
    const mode = scopeOf(scope);
    if (mode === undefined) return { err: fail(ERROR_KINDS.INVALID, SCOPE_MUST_BE_A_NUMBER) };
    const target = pid === undefined ? me : node.procs.get(pid);
    if (target === undefined || !target.alive) return { err: fail(ERROR_KINDS.NOT_FOUND, 'process not found') };
    // module.go asks for the target pid (process.registry.foreign) before the name
    if (target !== me && !allowed('process.registry.foreign', target.pid, me)) {
      return { err: fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to register foreign pid ${target.pid} under name "${name}"`) };
    }
    const action = REGISTER_PERMISSION[mode];
    if (!allowed(action, name, me)) return { err: fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to register name${LABEL[mode]}: ${name}`) };
    return { target, name, scope: mode };
  };

  const registerLocal = (name: string, target: Proc): unknown => {
    // a LOCAL name cannot shadow a cluster-wide one held by another pid (Wippy's PIDRegistry.Register), nor a STRONG
    // reservation this node acknowledged
    const cluster = clusterNames();
    const held = cluster?.lookup(name) ?? cluster?.global?.reserved(name);
    if (held !== undefined && held !== target.pid) return alreadyRegistered(held);
    const owner = node.names.get(name);
    if (owner !== undefined && owner !== target) return alreadyRegistered(owner.pid);
    node.names.set(name, target);
    target.names.add(name);
    node.remote?.named(name, target.pid);
    node.observer?.named?.(target, name, true);
    return ret1(true);
  };

  const registerEventual = (name: string, target: Proc): unknown => {
    const cluster = clusterNames();
    if (cluster === undefined) return fail(ERROR_KINDS.INTERNAL, 'eventual registry not available');
    const r = cluster.eventual.register(name, target);
    if (r.existing !== undefined) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'eventualreg: name already registered', details: { existing_pid: r.existing } }));
    }
    return ret1(true);
  };

  /** register up to the point where it must wait: its answer, or the store and arguments of a CONSISTENT/STRONG one */
  const registerStart = (name: unknown, pid: unknown, scope: unknown): { answer: unknown } | { global: GlobalNameScope; name: string; target: Proc; strong: boolean } => {
    const a = registerArgs(name, pid, scope);
    if ('err' in a) return { answer: a.err };
    if (a.scope === LOCAL) return { answer: registerLocal(a.name, a.target) };
    if (a.scope === EVENTUAL) return { answer: registerEventual(a.name, a.target) };
    const global = clusterNames()?.global;
    if (global === undefined) return { answer: fail(ERROR_KINDS.INTERNAL, 'global registry not available') };
    return { global, name: a.name, target: a.target, strong: a.scope === STRONG };
  };
  const registerPlain = (name: unknown, pid?: unknown, scope?: unknown): unknown => {
    const s = registerStart(name, pid, scope);
    if ('answer' in s) return s.answer;
    // CONSISTENT and STRONG wait for the cluster's store: only a process (a task that can park) can ask
    return fail(ERROR_KINDS.INTERNAL, 'a cluster-wide registration must wait for the cluster: call it from process code, not a metamethod or library callback');
  };
  registry.register = mkY(registerPlain, function* (name: unknown, pid?: unknown, scope?: unknown): LuaGen {
    const s = registerStart(name, pid, scope);
    if ('answer' in s) return s.answer;
    const r = yield* waitFor(s.global.register(s.name, s.target, s.strong));
    return r === true ? ret1(true) : ret2(undefined, r);
  });

  registry.lookup = (name: unknown) => {
    const p = typeof name === 'string' ? node.lookupName(name) : undefined;
    if (p === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'name not registered');
    return ret1(p.pid);
  };

  /** unregister's checks; the scope, or the failure to return */
  const unregisterArgs = (name: unknown, scope: unknown): { me: Proc; name: string; scope: number } | { err: unknown } => {
    const me = self();
    if (typeof name !== 'string') return { err: ret1(false) };
    // module.go reads the scope only when it is a number (anything else is LOCAL)
    const mode = typeof scope === 'number' ? (scopeOf(scope) as number) : LOCAL;
    if (!allowed(UNREGISTER_PERMISSION[mode], name, me)) return { err: fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to unregister name${LABEL[mode]}: ${name}`) };
    return { me, name, scope: mode };
  };

  const unregisterLocal = (name: string, me: Proc): unknown => {
    const p = node.names.get(name);
    // Only the holder releases a name: releasing another process's name would let the caller register it and read
    // what is sent to the owner. Wippy's cluster scopes answer false on an owner mismatch whatever the caller's
    // rights (module.go registryUnregister: "a caller with the unregister permission cannot drop another PID's
    // name"); its LOCAL scope does not look at the owner. moonforge applies the cluster rule to every scope, so no
    // policy (or lack of one) lets a process take over a name. A holder's names are released when it exits.
    if (p === undefined || p !== me) return ret1(false);
    node.names.delete(name);
    p.names.delete(name);
    node.remote?.named(name, undefined);
    node.observer?.named?.(p, name, false);
    return ret1(true);
  };

  /** LOCAL and EVENTUAL unregister at once; undefined for the scopes that wait for the store */
  const unregisterNow = (a: { me: Proc; name: string; scope: number }): unknown => {
    if (a.scope === LOCAL) return unregisterLocal(a.name, a.me);
    if (a.scope !== EVENTUAL) return undefined;
    const cluster = clusterNames();
    if (cluster === undefined) return fail(ERROR_KINDS.INTERNAL, 'eventual registry not available');
    return ret1(cluster.eventual.unregister(a.name, a.me));
  };

  const unregisterPlain = (name: unknown, scope?: unknown): unknown => {
    const a = unregisterArgs(name, scope);
    if ('err' in a) return a.err;
    if (a.scope === LOCAL || a.scope === EVENTUAL) return unregisterNow(a);
    if (clusterNames()?.global === undefined) return fail(ERROR_KINDS.INTERNAL, 'global registry not available');
    return fail(ERROR_KINDS.INTERNAL, 'a cluster-wide registration must wait for the cluster: call it from process code, not a metamethod or library callback');
  };
  registry.unregister = mkY(unregisterPlain, function* (name: unknown, scope?: unknown): LuaGen {
    const a = unregisterArgs(name, scope);
    if ('err' in a) return a.err;
    if (a.scope === LOCAL || a.scope === EVENTUAL) return unregisterNow(a);
    const global = clusterNames()?.global;
    if (global === undefined) return fail(ERROR_KINDS.INTERNAL, 'global registry not available');
    const r = yield* waitFor(global.unregister(a.name, a.me, a.scope === STRONG));
    return typeof r === 'boolean' ? ret1(r) : ret2(undefined, r);
  });
  mod.registry = readOnly(registry);
}
