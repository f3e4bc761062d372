// The `process` global (the seed's process module, with the real behaviour of spec §2): identity, send, the spawn
// family, terminate/cancel, monitor/link, options, inbox/events/listen, exec, upgrade, context spawners and the name
// registry. Failures are `nil, err` with Wippy error kinds; every operation asks the permission check first.
import { LuaTable, tableFromRecord } from '../core/table.js';
import { ret0, ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { readOnly } from '../core/read-only.js';
import { typeError } from '../core/args.js';
import { tostring } from '../core/tostring.js';
import { mkY, type LuaGen } from '../core/coroutine.js';
import { LuaUserdata } from '../core/value.js';
import { createError, errorText, ERROR_KINDS, type LuaErrorValue } from '../lib/wippy/errors.js';
import { Channel } from './channel.js';
import { Message } from './message.js';
import type { ChannelRuntime } from './channel-module.js';
import { PARK } from '../../abi/index.js';
import { ActorValue, ScopeValue } from '../security/lua-values.js';
import { copyValue, copyValues } from './copy.js';
import { EVENT_CANCEL, EVENT_EXIT, EVENT_LINK_DOWN, ProcessNode, SpawnError, type SpawnOptions } from './node.js';
import type { ExitResult, Proc } from './proc.js';

/** `nil, err` with a Wippy error of `kind`. */
const fail = (kind: string, message: string): unknown => ret2(undefined, createError({ kind, message }));

/** A failed operation: the error object, given back as `nil, err` or raised (Spawner methods). */
interface Failure {
  err: LuaErrorValue;
}
const failure = (kind: string, message: string): Failure => ({ err: createError({ kind, message }) });

/** PermissionDenied as Wippy words it: "not allowed to <what>: <resource>". */
const denied = (action: string, resource: string): unknown =>
  fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to ${action}: ${resource}`);

/** A destination after resolution: its pid, and the process when it is alive. */
interface Resolved {
  pid: string;
  proc: Proc | undefined;
}

/** Whether `s` has the shape of a pid ("{node@host|0xNNNNN}") rather than a registered name. */
const isPidString = (s: string): boolean => s.charCodeAt(0) === 123 /* { */ && s.charCodeAt(s.length - 1) === 125 /* } */;

/** Spawn variants: which extra permissions and relations each one has. */
interface Variant {
  link: boolean;
  monitor: boolean;
}

const VARIANTS: Record<string, Variant> = {
  spawn: { link: false, monitor: false },
  spawn_monitored: { link: false, monitor: true },
  spawn_linked: { link: true, monitor: false },
  spawn_linked_monitored: { link: true, monitor: true },
};

/** The immutable SpawnBuilder of process.with_context / with_options. */
export class Spawner extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly context: Map<string, unknown>,
    readonly options: LuaTable | undefined,
    readonly name: string | undefined,
    readonly messages: { topic: string; payloads: unknown[] }[],
    readonly actor: unknown,
    readonly scope: unknown,
  ) {
    super(mt);
  }
}

export function createProcessModule(node: ProcessNode, channels: ChannelRuntime): LuaTable {
  const sched = node.sched;
  const self = (): Proc => {
    const p = node.current;
    if (p === undefined) throw luaError('process functions can only be called from a process');
    return p;
  };
  const allowed = (action: string, resource: string, caller: Proc): boolean => node.check(action, resource, caller);

  /**
   * Resolves a destination (pid or registered name) and asks the permission check, as Wippy's resolvePID does
   * (runtime/lua/modules/process/module.go): a pid string always resolves (the target may be dead: the operation
   * reports that after the check); a name must be registered; the check's resource is the resolved pid.
   */
  const destination = (dest: unknown, action: string, me: Proc, fname: string): Resolved | { err: unknown } => {
    if (typeof dest !== 'string' || dest === '') return { err: fail(ERROR_KINDS.INVALID, `${fname} requires a destination argument`) };
    let pid: string;
    let proc: Proc | undefined;
    if (isPidString(dest)) {
      pid = dest;
      proc = node.procs.get(dest);
    } else {
      proc = node.names.get(dest);
      if (proc === undefined) return { err: fail(ERROR_KINDS.NOT_FOUND, `could not resolve '${dest}' as PID or registered name`) };
      pid = proc.pid;
    }
    if (!allowed(action, pid, me)) return { err: fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to ${action.slice(8)}: ${dest}`) };
    return { pid, proc: proc !== undefined && proc.alive ? proc : undefined };
  };
  const processNotFound = (): unknown => fail(ERROR_KINDS.NOT_FOUND, 'process not found');

  const mod = new LuaTable();
  mod.pid = () => ret1(self().pid);
  mod.id = () => ret1(self().entryId);

  // The hot path of every message: no rest array (arguments.length tells 0, 1 or more payloads apart), no resolved
  // object, no copy for immutable payloads, and the Message itself is the envelope.
  mod.send = function (dest: unknown, topic: unknown, payload: unknown): unknown {
    const task = sched.current;
    if (task === undefined) throw luaError('process functions can only be called from a process');
    const me = task.proc;
    if (typeof dest !== 'string' || typeof topic !== 'string') {
      return fail(ERROR_KINDS.INVALID, 'send requires at least destination and topic arguments');
    }
    if (topic.charCodeAt(0) === 64) return fail(ERROR_KINDS.INVALID, 'cannot send to @ topics');
    let target = me.lastTarget;
    // the last target's pid is a pid string: the same checks as below, without the shape test and the map lookup
    if (target !== undefined && target.pid === dest) {
      if (!node.check('process.send', dest, me)) return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to send: ${dest}`);
    } else if (dest.charCodeAt(0) === 123 /* { */ && dest.charCodeAt(dest.length - 1) === 125 /* } */) {
      if (!node.check('process.send', dest, me)) return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to send: ${dest}`);
      me.lastTarget = target = node.procs.get(dest);
    } else {
      const r = destination(dest, 'process.send', me, 'send');
      if ('err' in r) return r.err;
      target = r.proc;
    }
    if (target === undefined || !target.alive) return processNotFound();
    const n = arguments.length - 2;
    let data: unknown;
    if (n === 1) data = typeof payload === 'object' ? copyValue(payload) : payload;
    else if (n > 1) data = copyValues(Array.prototype.slice.call(arguments, 2));
    target.deliverMessage(new Message(topic, me.pid, n < 0 ? 0 : n, data));
    return ret1(true);
  };

  /** The spawn family, shared by the module functions (nil, err) and Spawner methods (raise). */
  function doSpawn(fname: string, variant: Variant, id: unknown, host: unknown, args: unknown[], sp: Spawner | undefined): Proc | Failure {
    const me = self();
    if (typeof id !== 'string' || typeof host !== 'string' || id === '' || host === '') {
      return failure(ERROR_KINDS.INVALID, `${fname} requires at least id and host arguments`);
    }
    // Wippy's order and wording (module.go): "not allowed to spawn process: <id>", "... spawn on host: <host>"
    if (!allowed('process.spawn', id, me)) return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to spawn process: ${id}`);
    if (variant.monitor && !allowed('process.spawn.monitored', id, me)) {
      return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to spawn monitored process: ${id}`);
    }
    if (variant.link && !allowed('process.spawn.linked', id, me)) {
      return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to spawn linked process: ${id}`);
    }
    if (!allowed('process.host', host, me)) return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to spawn on host: ${host}`);
    if (sp !== undefined && (sp.actor !== undefined || sp.scope !== undefined) && !allowed('process.security', 'security', me)) {
      return failure(ERROR_KINDS.PERMISSION_DENIED, 'not allowed to spawn processes with custom security context: security');
    }
    // Spawner:with_message sends from the caller to the child: the messages need the caller's process.send on the
    // child's pid, as process.send would (Wippy's context.go hands them over unchecked). Every message asks the same
    // (action, resource, caller), so one check answers for all. The pid is the one the spawn below will take, so
    // the check runs before the child exists.
    if (sp !== undefined && sp.messages.length > 0) {
      const childPid = node.nextPid(host);
      if (!allowed('process.send', childPid, me)) return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to send: ${childPid}`);
    }
    // Spawner:with_name registers a name the caller chose (for its child): the caller's process.registry.register on
    // the name, as registry.register asks, or a process denied names could squat a service's name through a child
    // (Wippy's context.go passes the name to the spawn unchecked).
    if (sp !== undefined && sp.name !== undefined && !allowed('process.registry.register', sp.name, me)) {
      return failure(ERROR_KINDS.PERMISSION_DENIED, `not allowed to register name: ${sp.name}`);
    }
    const opts: SpawnOptions = { link: variant.link, monitor: variant.monitor };
    if (sp !== undefined) {
      opts.context = sp.context;
      opts.name = sp.name;
      opts.messages = sp.messages;
      // The Spawner holds the Lua Actor/Scope values; the child's context holds what is inside them.
      const actor = sp.actor instanceof ActorValue ? sp.actor.actor : undefined;
      const scope = sp.scope instanceof ScopeValue ? sp.scope.scope : undefined;
      opts.security = actor === undefined && scope === undefined ? undefined : { actor, scope };
      if (sp.name !== undefined) {
        const existing = node.names.get(sp.name);
        // system/topology/lifecycle.go: NameAlreadyRegisteredError, with the holder in details.existing_pid
        if (existing !== undefined) {
          return { err: createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'name already registered', details: { existing_pid: existing.pid } }) };
        }
      }
    }
    try {
      return node.spawn(me, id, host, args, opts);
    } catch (e) {
      if (e instanceof SpawnError) return failure(e.kind, e.message);
      throw e;
    }
  }

  for (const [name, variant] of Object.entries(VARIANTS)) {
    mod[name] = (id: unknown, host: unknown, ...args: unknown[]) => {
      const r = doSpawn(name, variant, id, host, args, undefined);
      return 'err' in r ? ret2(undefined, r.err) : ret1(r.pid);
    };
  }

  mod.terminate = mkY(
    (dest: unknown) => terminate(dest),
    function* (dest: unknown): LuaGen {
      const r = terminate(dest);
      // A process that terminated itself stops here: its task is already dropped.
      if (node.current !== undefined && !node.current.alive) yield PARK;
      return r;
    },
  );
  function terminate(dest: unknown): unknown {
    const me = self();
    const target = destination(dest, 'process.terminate', me, 'terminate');
    if ('err' in target) return target.err;
    if (target.proc === undefined) return processNotFound();
    node.terminate(target.proc);
    return ret1(true);
  }

  mod.cancel = (dest: unknown, reason?: unknown) => {
    const me = self();
    const target = destination(dest, 'process.cancel', me, 'cancel');
    if ('err' in target) return target.err;
    if (target.proc === undefined) return processNotFound();
    // spec §2.5: CANCEL is an event carrying a reason; no deadline is enforced (the seed's deadline is stale).
    // The reason is a string (a number converts); anything else raises, as module.go's CheckString does.
    if (reason !== undefined && typeof reason !== 'string' && typeof reason !== 'number') {
      throw typeError(2, 'cancel', 'string', reason);
    }
    node.cancel(me, target.proc, reason === undefined ? '' : typeof reason === 'number' ? tostring(reason) : reason);
    return ret1(true);
  };

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
    return ret1(true);
  };

  mod.get_options = () => ret1(tableFromRecord({ trap_links: self().trapLinks }));
  mod.set_options = (t: unknown) => {
    const me = self();
    if (!(t instanceof LuaTable)) return ret2(false, createError({ kind: ERROR_KINDS.INVALID, message: 'options parameter must be a table' }));
    // As module.go's setOptions: trap_links is applied even when another key is rejected; the first problem is reported.
    let problem: string | undefined;
    for (const k of Object.keys(t)) {
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

  // ---- subscriptions ----
  const subscribe = (me: Proc, which: 'inbox' | 'events'): Channel => {
    let ch = me[which];
    if (ch === undefined) {
      ch = channels.newChannel(0);
      ch.feed = me;
      me[which] = ch;
      me.flush();
    }
    return ch;
  };
  mod.inbox = () => ret1(subscribe(self(), 'inbox'));
  mod.events = () => ret1(subscribe(self(), 'events'));
  mod.listen = (topic: unknown, opts?: unknown) => {
    const me = self();
    if (typeof topic !== 'string' || topic === '') return fail(ERROR_KINDS.INVALID, 'topic cannot be empty');
    if (topic.charCodeAt(0) === 64) return fail(ERROR_KINDS.INVALID, 'cannot listen to @ topics');
    const existing = me.listeners.get(topic);
    if (existing !== undefined) return ret1(existing.ch);
    const message = opts instanceof LuaTable && opts.message === true;
    const ch = channels.newChannel(1);
    ch.feed = me;
    me.listeners.set(topic, { ch, message });
    me.flush();
    return ret1(ch);
  };
  mod.unlisten = (ch: unknown) => {
    const me = self();
    if (!(ch instanceof Channel)) throw luaError("bad argument #1 to 'unlisten' (channel expected)");
    for (const [topic, l] of me.listeners) {
      if (l.ch === ch) {
        me.listeners.delete(topic);
        l.ch.close();
        me.flush();
        return ret1(true);
      }
    }
    return ret2(false, createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'subscription not found' }));
  };

  // ---- exec: spawn, wait for the exit, return main's value ----
  mod.exec = mkY(
    () => {
      throw luaError('process.exec must be called from a process task');
    },
    function* (id: unknown, host: unknown, ...args: unknown[]): LuaGen {
      const me = self();
      if (typeof id !== 'string' || typeof host !== 'string') return fail(ERROR_KINDS.INVALID, 'exec requires id and host arguments');
      if (id === '') return fail(ERROR_KINDS.INVALID, 'process ID required');
      const colon = id.indexOf(':');
      if (colon <= 0 || colon === id.length - 1) return fail(ERROR_KINDS.INVALID, 'invalid process ID format (namespace:name required)');
      if (host === '') return fail(ERROR_KINDS.INVALID, 'host ID required');
      if (!allowed('process.exec', id, me)) return denied('exec process', id);
      if (!allowed('process.host', host, me)) return denied('exec on host', host);
      let child: Proc;
      try {
        child = node.spawn(me, id, host, args, {});
      } catch (e) {
        if (e instanceof SpawnError) return fail(e.kind, e.message);
        throw e;
      }
      const task = sched.current!;
      const token = sched.parkToken(task);
      child.onExit.push((r: ExitResult) => sched.wake(task, r, token));
      const r = (yield PARK) as ExitResult;
      if (r.error !== undefined) return ret2(undefined, r.error);
      return ret2(r.value, undefined);
    },
  );

  // ---- upgrade: same pid, new code (spec §2.7) ----
  mod.upgrade = mkY(
    () => {
      throw luaError('process.upgrade must be called from a process task');
    },
    function* (id: unknown, ...args: unknown[]): LuaGen {
      const me = self();
      // nil, "" or a non-string keep the current definition (module.go upgrade)
      const entry = typeof id === 'string' && id !== '' ? id : me.entryId;
      // Wippy checks nothing here (module.go upgrade only yields; system/scheduler/actor/worker.go swaps the code in),
      // yet an upgrade runs an entry's code with the caller's pid and rights, which is what spawn grants: ask
      // process.spawn on the target entry, before anything is torn down, so strict mode or a spawn denial holds.
      if (!allowed('process.spawn', entry, me)) return denied('spawn process', entry);
      if (!node.opts.loader.hasEntry(entry)) {
        // spec §2.7: a failed upgrade crashes the process
        node.exitProcess(me, { value: undefined, error: createError({ kind: ERROR_KINDS.NOT_FOUND, message: `upgrade failed: process entry not found: ${entry}` }) });
        yield PARK;
        return ret0();
      }
      node.upgrade(me, entry, args);
      yield PARK; // this task was dropped; the new main task runs instead
      return ret0();
    },
  );

  // ---- spawners ----
  const spawnerMethods = new LuaTable();
  const spawnerMeta = new LuaTable();
  spawnerMeta.__index = spawnerMethods;
  spawnerMeta.__tostring = () => ret1('process.Spawner');
  const mkSpawner = (base: Spawner | undefined, patch: Partial<Spawner>): Spawner =>
    new Spawner(
      spawnerMeta,
      patch.context ?? base?.context ?? new Map(),
      patch.options ?? base?.options,
      patch.name ?? base?.name,
      patch.messages ?? base?.messages ?? [],
      patch.actor ?? base?.actor,
      patch.scope ?? base?.scope,
    );
  const contextFrom = (base: Map<string, unknown>, t: unknown): Map<string, unknown> => {
    const m = new Map(base);
    // values are copied (Wippy converts them to Go values), cycles included (context_cyclic_table.lua)
    if (t instanceof LuaTable) for (const k of Object.keys(t)) m.set(k, copyValue(t[k]));
    return m;
  };
  const checkSpawner = (s: unknown): Spawner => {
    if (s instanceof Spawner) return s;
    throw luaError("bad argument #1 (Spawner expected)");
  };
  // Permission failures of the builder raise, with Wippy's wording (runtime/lua/modules/process/context.go).
  const needContext = (what: 'context' | 'options'): void => {
    if (!allowed('process.context', 'context', self())) throw luaError(`not allowed to spawn processes with custom ${what}`);
  };
  const needSecurity = (): void => {
    if (!allowed('process.security', 'security', self())) throw luaError('not allowed to spawn processes with custom security context');
  };
  // The module's with_context / with_options raise too, as context.go's spawnerNew / spawnerNewWithOptions do
  // (l.RaiseError): code that guards them with pcall must see the denial.
  mod.with_context = (t: unknown) => {
    needContext('context');
    return ret1(mkSpawner(undefined, { context: contextFrom(new Map(), t) }));
  };
  mod.with_options = (t: unknown) => {
    needContext('options');
    return ret1(mkSpawner(undefined, { options: t instanceof LuaTable ? t : undefined }));
  };
  spawnerMethods.with_context = (s: unknown, t: unknown) => {
    const sp = checkSpawner(s);
    needContext('context');
    if (sp.actor !== undefined || sp.scope !== undefined) needSecurity();
    return ret1(mkSpawner(sp, { context: contextFrom(sp.context, t) }));
  };
  spawnerMethods.with_options = (s: unknown, t: unknown) => {
    const sp = checkSpawner(s);
    needContext('options');
    return ret1(mkSpawner(sp, { options: t instanceof LuaTable ? t : undefined }));
  };
  spawnerMethods.with_name = (s: unknown, name: unknown) => {
    const sp = checkSpawner(s);
    if (typeof name !== 'string' || name === '') throw luaError("bad argument #2 to 'with_name' (name cannot be empty)");
    return ret1(mkSpawner(sp, { name }));
  };
  spawnerMethods.with_message = (s: unknown, topic: unknown, ...payloads: unknown[]) => {
    const sp = checkSpawner(s);
    if (typeof topic !== 'string') throw luaError("bad argument #2 to 'with_message' (string expected)");
    if (topic.charCodeAt(0) === 64) throw luaError("bad argument #2 to 'with_message' (cannot send to @ topics)");
    // copied now, so later changes to the caller's tables do not reach the child
    return ret1(mkSpawner(sp, { messages: [...sp.messages, { topic, payloads: copyValues(payloads) }] }));
  };
  spawnerMethods.with_actor = (s: unknown, actor: unknown) => {
    const sp = checkSpawner(s);
    needSecurity();
    if (actor === undefined) throw luaError("bad argument #2 to 'with_actor' (actor cannot be nil)");
    if (!(actor instanceof ActorValue)) throw luaError("bad argument #2 to 'with_actor' (Actor expected)");
    return ret1(mkSpawner(sp, { actor }));
  };
  spawnerMethods.with_scope = (s: unknown, scope: unknown) => {
    const sp = checkSpawner(s);
    needSecurity();
    if (scope === undefined) throw luaError("bad argument #2 to 'with_scope' (scope cannot be nil)");
    if (!(scope instanceof ScopeValue)) throw luaError("bad argument #2 to 'with_scope' (Scope expected)");
    return ret1(mkSpawner(sp, { scope }));
  };
  for (const [name, variant] of Object.entries(VARIANTS)) {
    // Spawner methods raise on failure, unlike the module functions (spec §2.1).
    spawnerMethods[name] = (s: unknown, id: unknown, host: unknown, ...args: unknown[]) => {
      const r = doSpawn(name, variant, id, host, args, checkSpawner(s));
      if ('err' in r) throw luaError(errorText(r.err));
      return ret1(r.pid);
    };
  }

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
    return ret1(true);
  };
  registry.lookup = (name: unknown) => {
    const p = typeof name === 'string' ? node.names.get(name) : undefined;
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
    return ret1(true);
  };
  mod.registry = readOnly(registry);
  mod.event = readOnly(tableFromRecord({ CANCEL: EVENT_CANCEL, EXIT: EVENT_EXIT, LINK_DOWN: EVENT_LINK_DOWN }));
  // The spawners of every process share these: read-only, or one process could change what another's
  // `process.with_context(...):spawn(...)` does, and run it with the other's rights.
  readOnly(spawnerMethods);
  readOnly(spawnerMeta);
  return mod;
}
