// The names and links half of the `process` global (spec §2.3, §2.5): monitor/unmonitor, link/unlink, the
// trap_links option, and the name registry.
import { LuaTable, ownStringKeys, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS } from '../../lib/wippy/errors.js';
import { denied, fail, isPidString, type ModuleContext } from './context.js';

export function addNamesAndLinks(mod: LuaTable, ctx: ModuleContext): void {
  const { node, self, allowed, destination } = ctx;

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
  const registry = new LuaTable();
  registry.LOCAL = 0;
  registry.CONSISTENT = 1;
  registry.EVENTUAL = 2;
  registry.STRONG = 3;
  registry.register = (name: unknown, pid?: unknown) => {
    const me = self();
    if (typeof name !== 'string' || name === '') return fail(ERROR_KINDS.INVALID, 'name required');
    if (pid !== undefined && typeof pid !== 'string') return fail(ERROR_KINDS.INVALID, 'pid must be a string');
    if (pid !== undefined && !isPidString(pid)) return fail(ERROR_KINDS.INVALID, `invalid pid: ${pid}`);
    const target = pid === undefined ? me : node.procs.get(pid);
    if (target === undefined || !target.alive) return fail(ERROR_KINDS.NOT_FOUND, 'process not found');
    // module.go asks for the target pid (process.registry.foreign) before the name
    if (target !== me && !allowed('process.registry.foreign', target.pid, me)) {
      return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to register foreign pid ${target.pid} under name "${name}"`);
    }
    if (!allowed('process.registry.register', name, me)) return denied('register name', name);
    const owner = node.names.get(name);
    if (owner !== undefined && owner !== target) {
      return ret2(undefined, createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'name already registered', details: { existing_pid: owner.pid } }));
    }
    node.names.set(name, target);
    target.names.add(name);
    node.remote?.named(name, target.pid);
    node.observer?.named?.(target, name, true);
    return ret1(true);
  };
  registry.lookup = (name: unknown) => {
    const p = typeof name === 'string' ? node.lookupName(name) : undefined;
    if (p === undefined) return fail(ERROR_KINDS.NOT_FOUND, 'name not registered');
    return ret1(p.pid);
  };
  registry.unregister = (name: unknown) => {
    const me = self();
    if (typeof name !== 'string') return ret1(false);
    if (!allowed('process.registry.unregister', name, me)) return denied('unregister name', name);
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
  mod.registry = readOnly(registry);
}
