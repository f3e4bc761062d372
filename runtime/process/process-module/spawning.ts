// The spawning half of the `process` global (spec §2.1, §2.7): the spawn family, terminate, exec, upgrade, and the
// Spawner builder of process.with_context / with_options, each asking its permissions before anything happens.
import { LuaTable, ownStringKeys } from '../../core/table.js';
import { ret0, ret1, ret2 } from '../../core/results.js';
import { luaError } from '../../core/errors.js';
import { mkY, type LuaGen } from '../../core/coroutine.js';
import { LuaUserdata } from '../../core/value.js';
import { readOnly } from '../../core/read-only.js';
import { createError, errorText, ERROR_KINDS } from '../../lib/wippy/errors.js';
import { ActorValue, ScopeValue } from '../../security/lua-values.js';
import { PARK } from '../../../abi/index.js';
import { copyValue, copyValues } from '../copy.js';
import { SpawnError, type SpawnOptions } from '../node.js';
import type { ExitResult, Proc } from '../proc.js';
import { denied, fail, failure, processNotFound, type Failure, type ModuleContext } from './context.js';

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

export function addSpawning(mod: LuaTable, ctx: ModuleContext): void {
  const { node, self, allowed, destination } = ctx;
  const sched = node.sched;

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
      const token = sched.parkToken(task, 'exec');
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
    if (t instanceof LuaTable) for (const k of ownStringKeys(t)) m.set(k, copyValue(t[k]));
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
  // The spawners of every process share these: read-only, or one process could change what another's
  // `process.with_context(...):spawn(...)` does, and run it with the other's rights.
  readOnly(spawnerMethods);
  readOnly(spawnerMeta);
}
