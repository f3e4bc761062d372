// The message half of the `process` global (spec §2.2, §2.4): send, cancel, and the subscriptions a process reads
// from (inbox, events, listen/unlisten). Delivery itself is the mailbox's (../mailbox.ts).
import { LuaTable } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { luaError } from '../../core/errors.js';
import { typeError } from '../../core/args.js';
import { tostring } from '../../core/tostring.js';
import { createError, ERROR_KINDS } from '../../lib/wippy/errors.js';
import { Channel } from '../channel.js';
import { Message } from '../message.js';
import { copyValue, copyValues } from '../copy.js';
import type { Proc } from '../proc.js';
import { fail, processNotFound, type ModuleContext } from './context.js';

export function addMessages(mod: LuaTable, ctx: ModuleContext): void {
  const { node, channels, self, destination } = ctx;
  const sched = node.sched;

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
      me.lastTarget = target = node.lookup(dest);
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
}
