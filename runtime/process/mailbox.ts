// A process's mailbox and the delivery rules (Wippy spec §2.4): one ordered queue per process; a message goes to the
// exact-topic listener, else (for topics not starting with "@") to the inbox, else it stays queued — nothing is
// dropped before a subscription exists. Rendezvous channels take a message only when a receiver waits; what cannot be
// delivered waits, in order (backlog.ts). Every message, whoever sent it (process.send, a host's send, a spawner's
// with_message), enters through deliverMessage; every event (EXIT, LINK_DOWN, CANCEL) through deliverEvent.
import type { Channel, ChannelFeed } from './channel.js';
import { NO_VALUE } from './channel.js';
import { Backlog } from './backlog.js';
import { EVENTS_TOPIC, Message, messageOf, rawPayload, type Envelope } from './message.js';
import type { ProcessObserver } from './observe.js';

export interface Listener {
  ch: Channel;
  message: boolean;
}

/**
 * Sees each envelope delivered to a live process before the process does: true when it took the envelope (a host's
 * JS mailbox, whose messages go to JS), false to let the process have it as usual (a host watching a process).
 */
export type DeliveryHook = (env: Envelope) => boolean;

/** The Lua Message of an envelope: a sent Message is its own (host code may deliver plain envelopes). */
const asMessage = (env: Envelope): Message => (env instanceof Message ? env : messageOf(env.topic, env.from, env.payloads));

/**
 * The mailbox state most processes never use, made on first use as part of the process's extras (proc.ts ProcExtras
 * declares these fields itself: one flat class for an object made per monitored or linked process).
 */
export interface MailboxExtras {
  events: Channel | undefined;
  trapLinks: boolean;
  listeners: Map<string, Listener> | undefined;
  hook: DeliveryHook | undefined;
}

/** What of the node every delivery reads and writes (ProcessNode; observe.ts): who it reports to, and the counts. */
export interface DeliveryTap {
  readonly observer: ProcessObserver<Mailbox> | undefined;
  /** the observer whose `delivered` a delivery calls; undefined when none has it (then nothing is counted either) */
  readonly deliveredTo: ProcessObserver<Mailbox> | undefined;
  /** deliveries while deliveredTo was set */
  deliveries: number;
  /** how many more deliveries call deliveredTo (Infinity unless it samples: observe.ts samplesDeliveries) */
  deliveryBudget: number;
}

/** The mailbox half of a process (Proc extends it): subscriptions, the backlog, and where each envelope goes. */
export abstract class Mailbox implements ChannelFeed {
  /** messages that could not be handed over yet (backlog.ts); made when a message has to wait */
  private backlog: Backlog | undefined = undefined;
  inbox: Channel | undefined = undefined;
  alive = true;
  protected x: MailboxExtras | undefined = undefined;

  /** the node, as far as the mailbox needs it: its observers (observe.ts), reported to on every delivery */
  abstract readonly node: DeliveryTap;

  /** The extras, made on first use (by the process, whose extras hold more). */
  protected abstract get extras(): MailboxExtras;

  /** LINK_DOWN arrived and the process does not trap links: it fails (spec §2.5). */
  protected abstract linkFailed(): void;

  get events(): Channel | undefined {
    return this.x?.events;
  }
  set events(ch: Channel | undefined) {
    if (ch !== undefined || this.x !== undefined) this.extras.events = ch;
  }
  get trapLinks(): boolean {
    return this.x?.trapLinks ?? false;
  }
  set trapLinks(v: boolean) {
    if (v || this.x !== undefined) this.extras.trapLinks = v;
  }
  get listeners(): Map<string, Listener> {
    const x = this.extras;
    return (x.listeners ??= new Map());
  }
  /** The listeners, without making the map (observers: the inspector). */
  get listenersIfAny(): ReadonlyMap<string, Listener> | undefined {
    return this.x?.listeners;
  }
  /** See DeliveryHook (embedding hosts). */
  get deliveryHook(): DeliveryHook | undefined {
    return this.x?.hook;
  }
  set deliveryHook(h: DeliveryHook | undefined) {
    if (h !== undefined || this.x !== undefined) this.extras.hook = h;
  }

  /** The channel `env` goes to under the current subscriptions (undefined: none yet). */
  target(env: Envelope): Channel | undefined {
    if (env.topic === EVENTS_TOPIC) return this.x?.events;
    const l = this.x?.listeners?.get(env.topic);
    if (l !== undefined) return l.ch;
    if (env.topic.charCodeAt(0) === 64 /* @ */) return undefined;
    return this.inbox;
  }

  private valueFor(env: Envelope, ch: Channel): unknown {
    if (env.event !== undefined) return env.event;
    if (ch === this.inbox) return asMessage(env);
    const l = this.x?.listeners?.get(env.topic);
    if (l !== undefined && l.message) return asMessage(env);
    return env instanceof Message ? env.raw() : rawPayload(env.payloads);
  }

  /** Counts a delivery for the node's observer and shows it the envelope while its budget lasts (observe.ts). */
  private tapDelivery(env: Envelope): void {
    const n = this.node;
    n.deliveries++;
    if (n.deliveryBudget > 0) {
      n.deliveryBudget--;
      n.deliveredTo!.delivered!(this, env);
    }
  }

  /**
   * The delivery of every message (its topic never starts with "@"): straight to a waiting inbox receiver when
   * nothing is queued and no listener or hook exists, the common case of every actor loop; else the general path.
   */
  deliverMessage(m: Message): void {
    if (this.node.deliveredTo !== undefined && this.alive) this.tapDelivery(m);
    if (this.backlog === undefined && this.alive) {
      const x = this.x;
      if (x === undefined || (x.hook === undefined && (x.listeners === undefined || x.listeners.size === 0))) {
        const ch = this.inbox;
        if (ch !== undefined && ch.offer(m)) return;
      }
    }
    this.route(m);
  }

  /** The delivery of every event the node sends (its topic is EVENTS_TOPIC). */
  deliverEvent(env: Envelope): void {
    if (this.node.deliveredTo !== undefined && this.alive) this.tapDelivery(env);
    this.route(env);
  }

  /** The general delivery, of an event or a message. */
  private route(env: Envelope): void {
    if (!this.alive) return;
    const hook = this.x?.hook;
    if (hook !== undefined && hook(env)) return;
    if (env.linkDown === true && !this.trapLinks) {
      // spec §2.5: without trap_links the process fails at once, whether or not it reads its events.
      this.linkFailed();
      return;
    }
    const ch = this.target(env);
    const b = this.backlog;
    if (ch !== undefined && (b === undefined || !b.has(ch)) && ch.offer(this.valueFor(env, ch))) {
      return;
    }
    (this.backlog ??= new Backlog()).push(env, ch);
  }

  /** Delivers what can be delivered now (after a subscription change), keeping the order per subscription. */
  flush(): void {
    const b = this.backlog;
    if (b === undefined || b.size === 0 || !this.alive) return;
    const blocked = new Set<Channel | undefined>();
    const keep = new Backlog();
    for (const env of b.entries()) {
      const ch = this.target(env);
      if (ch === undefined || blocked.has(ch) || !ch.offer(this.valueFor(env, ch))) {
        blocked.add(ch);
        keep.push(env, ch);
      } else this.observeTaken(env);
    }
    // an emptied backlog is dropped: a process that caught up holds no queue
    this.backlog = keep.size === 0 ? undefined : keep;
  }

  /** Drops the queued messages (the process exited). */
  protected dropBacklog(): void {
    this.backlog = undefined;
  }

  /** Forgets every subscription (process.upgrade); queued messages stay for the new code. */
  resetSubscriptions(): void {
    this.inbox = undefined;
    const x = this.x;
    if (x !== undefined) {
      x.events = undefined;
      x.listeners = undefined;
    }
    this.backlog?.retarget();
  }

  /** ChannelFeed: whether no queued message waits for `ch`. */
  isEmpty(ch: Channel): boolean {
    const b = this.backlog;
    return b === undefined || !b.has(ch);
  }

  /** ChannelFeed: the first queued message for `ch`, taken out of the queue. */
  pull(ch: Channel): unknown {
    const b = this.backlog;
    if (b === undefined) return NO_VALUE;
    const env = b.take(ch, this);
    if (env === undefined) return NO_VALUE;
    if (b.size === 0) this.backlog = undefined;
    this.observeTaken(env);
    return this.valueFor(env, ch);
  }

  /** Reports a message that waited in the mailbox as handed over (observe.ts). */
  private observeTaken(env: Envelope): void {
    const o = this.node.observer;
    if (o !== undefined && o.taken !== undefined) o.taken(this, env);
  }

  get queued(): number {
    return this.backlog?.size ?? 0;
  }

  /** The first `limit` messages waiting in the mailbox, oldest first, left in place (observers: the inspector). */
  queuedEnvelopes(limit: number): Envelope[] {
    const out: Envelope[] = [];
    const b = this.backlog;
    if (b !== undefined) for (const env of b.entries()) if (out.push(env) >= limit) break;
    return out;
  }
}
