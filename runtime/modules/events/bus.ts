// The event bus of one runtime: what `events.send` publishes and `events.subscribe` listens to, and where platform
// modules publish their own events (the registry's entry changes). One bus per runtime, found through eventBusOf,
// so every module of the runtime shares it. Delivery is synchronous and never blocks the sender: each subscriber
// decides what to do with an event it cannot take at once (a process subscription queues it in its mailbox).
import type { ProcessRuntime } from '../../process/process-runtime.js';
import { matchPattern } from './pattern.js';

/** One event. `data` is a Lua value the bus owns: each subscriber copies what it hands on. */
export interface BusEvent {
  system: string;
  kind: string;
  path: string;
  data: unknown;
  /** how many values `data` holds (what a subscriber's copy of it costs), when a process sent it */
  cells?: number;
}

export interface BusSubscriber {
  /** the system pattern (pattern.ts) */
  system: string;
  /** the kind pattern; "" or "*" for every kind */
  kind: string;
  deliver(e: BusEvent): void;
}

/**
 * The most subscriptions a bus holds at once (Wippy: system/eventbus/bus.go DefaultMaxSubscribers): a process that
 * subscribes in a loop without closing would otherwise grow the bus without bound and make every send walk them all.
 */
const MAX_SUBSCRIBERS = 4096;

export class EventBus {
  private readonly subscribers = new Set<BusSubscriber>();

  /** Adds a subscriber; returns its unsubscribe (idempotent). */
  subscribe(s: BusSubscriber): () => void {
    this.subscribers.add(s);
    return () => {
      this.subscribers.delete(s);
    };
  }

  send(e: BusEvent): void {
    if (this.subscribers.size === 0) return;
    // a subscriber may unsubscribe (or subscribe others) while it is handed an event: iterate a copy
    for (const s of [...this.subscribers]) {
      if (!matchPattern(s.system, e.system)) continue;
      if (s.kind !== '' && s.kind !== '*' && !matchPattern(s.kind, e.kind)) continue;
      s.deliver(e);
    }
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Whether the bus holds MAX_SUBSCRIBERS: a new subscription is refused. */
  get full(): boolean {
    return this.subscribers.size >= MAX_SUBSCRIBERS;
  }
}

const buses = new WeakMap<ProcessRuntime, EventBus>();

/** The bus of `rt`, made on first use. */
export function eventBusOf(rt: ProcessRuntime): EventBus {
  let bus = buses.get(rt);
  if (bus === undefined) {
    bus = new EventBus();
    buses.set(rt, bus);
  }
  return bus;
}
