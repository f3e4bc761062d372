// The `events` module (wippyai/runtime runtime/lua/modules/events/module.go; docs en/lua/core/events.md):
// events.subscribe(system_pattern, kind?) -> sub, err and events.send(system, kind, path, data?) -> true, err.
// Errors are values, as Wippy returns them: an empty system, kind or path and a denied permission are Invalid (the
// Go source uses Invalid for the denial too), a subscription outside a process is Internal. Permissions:
// `events.subscribe` and `events.send` on the system, checked before anything happens. A bus holding
// 4,096 subscriptions (bus.ts) refuses more, with Wippy's error.
import { LuaTable } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { checkStr } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import { dataOnlySized } from '../data-only.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { eventBusOf } from './bus.js';
import { Subscription, SUBSCRIPTION_BUFFER, subscriptionMetatable } from './subscription.js';

const fail = (kind: string, message: string): unknown => ret2(undefined, createError({ kind, message, retryable: false }));

function createEventsModule(host: ModuleHost): LuaTable {
  const { rt } = host;
  const node = rt.node;
  const bus = eventBusOf(rt);
  const subMeta = subscriptionMetatable();
  const mod = new LuaTable();

  mod.subscribe = (system: unknown, kind: unknown) => {
    const sys = checkStr(system, 1, 'subscribe');
    if (sys === '') return fail(ERROR_KINDS.INVALID, 'system pattern is required');
    const me = node.current;
    if (!node.check('events.subscribe', sys, me)) {
      return fail(ERROR_KINDS.INVALID, `not allowed to subscribe to events from system: ${sys}`);
    }
    const k = kind === undefined ? '' : checkStr(kind, 2, 'subscribe');
    if (me === undefined) return fail(ERROR_KINDS.INTERNAL, 'no process PID');
    if (bus.full) {
      // bus.go ErrSubscribersCapReached, wrapped by yields.go as "subscribe"
      const cap = createError({ kind: ERROR_KINDS.INTERNAL, message: 'eventbus subscribers cap reached', retryable: false });
      return ret2(undefined, wrapError(cap, 'subscribe'));
    }
    const ch = rt.channels.newChannel(SUBSCRIPTION_BUFFER);
    ch.feed = me;
    return ret2(new Subscription(subMeta, me, ch, bus, sys, k), undefined);
  };

  mod.send = (system: unknown, kind: unknown, path: unknown, data: unknown) => {
    const sys = checkStr(system, 1, 'send');
    if (sys === '') return fail(ERROR_KINDS.INVALID, 'system is required');
    const k = checkStr(kind, 2, 'send');
    if (k === '') return fail(ERROR_KINDS.INVALID, 'kind is required');
    const p = checkStr(path, 3, 'send');
    if (p === '') return fail(ERROR_KINDS.INVALID, 'path is required');
    if (!node.check('events.send', sys, node.current)) {
      return fail(ERROR_KINDS.INVALID, `not allowed to send events to system: ${sys}`);
    }
    // one copy now, so the sender changing its table afterwards changes no event; each subscriber copies again. Data
    // only (value.ToGoAny in Wippy): no function or metatable of the sender's reaches the subscribers' processes.
    // The copies are charged to the sender (subscription.ts chargeCopy).
    const copied = dataOnlySized(data);
    bus.send({ system: sys, kind: k, path: p, data: copied.value, cells: copied.cells });
    return ret2(true, undefined);
  };

  return readOnly(mod);
}

export const EVENTS_MODULE: PlatformModule = { name: 'events', create: createEventsModule };
