// What the parts of the `process` global (messages.ts, spawning.ts, names-and-links.ts) share: the node and its
// scheduler, the caller, the permission check, destination resolution, and Wippy-shaped failures.
import { ret2 } from '../../core/results.js';
import { luaError } from '../../core/errors.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../../lib/wippy/errors.js';
import type { ChannelRuntime } from '../channel-module.js';
import type { ProcessNode } from '../node.js';
import type { Proc } from '../proc.js';

/** `nil, err` with a Wippy error of `kind`. */
export const fail = (kind: string, message: string): unknown => ret2(undefined, createError({ kind, message }));

/** A failed operation: the error object, given back as `nil, err` or raised (Spawner methods). */
export interface Failure {
  err: LuaErrorValue;
}
export const failure = (kind: string, message: string): Failure => ({ err: createError({ kind, message }) });

/** PermissionDenied as Wippy words it: "not allowed to <what>: <resource>". */
export const denied = (action: string, resource: string): unknown =>
  fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to ${action}: ${resource}`);

export const processNotFound = (): unknown => fail(ERROR_KINDS.NOT_FOUND, 'process not found');

/** A destination after resolution: its pid, and the process when it is alive. */
export interface Resolved {
  pid: string;
  proc: Proc | undefined;
}

/** Whether `s` has the shape of a pid ("{node@host|0xNNNNN}") rather than a registered name. */
export const isPidString = (s: string): boolean => s.charCodeAt(0) === 123 /* { */ && s.charCodeAt(s.length - 1) === 125 /* } */;

export interface ModuleContext {
  readonly node: ProcessNode;
  readonly channels: ChannelRuntime;
  /** the calling process; raises when called from outside a process */
  self(): Proc;
  allowed(action: string, resource: string, caller: Proc): boolean;
  /**
   * Resolves a destination (pid or registered name) and asks the permission check, as Wippy's resolvePID does
   * (runtime/lua/modules/process/module.go): a pid string always resolves (the target may be dead: the operation
   * reports that after the check); a name must be registered; the check's resource is the resolved pid.
   */
  destination(dest: unknown, action: string, me: Proc, fname: string): Resolved | { err: unknown };
}

export function moduleContext(node: ProcessNode, channels: ChannelRuntime): ModuleContext {
  const allowed = (action: string, resource: string, caller: Proc): boolean => node.check(action, resource, caller);
  return {
    node,
    channels,
    self: (): Proc => {
      const p = node.current;
      if (p === undefined) throw luaError('process functions can only be called from a process');
      return p;
    },
    allowed,
    destination: (dest, action, me, fname) => {
      if (typeof dest !== 'string' || dest === '') return { err: fail(ERROR_KINDS.INVALID, `${fname} requires a destination argument`) };
      let pid: string;
      let proc: Proc | undefined;
      if (isPidString(dest)) {
        pid = dest;
        proc = node.lookup(dest);
      } else {
        proc = node.lookupName(dest);
        if (proc === undefined) return { err: fail(ERROR_KINDS.NOT_FOUND, `could not resolve '${dest}' as PID or registered name`) };
        pid = proc.pid;
      }
      if (!allowed(action, pid, me)) return { err: fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to ${action.slice(8)}: ${dest}`) };
      return { pid, proc: proc !== undefined && proc.alive ? proc : undefined };
    },
  };
}
