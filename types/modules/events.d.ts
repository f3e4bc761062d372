// The `events` module (runtime/modules/events/): the event bus.

declare namespace Moonforge {
  /** An event on the bus. */
  interface BusEvent {
    readonly system: string;
    readonly kind: string;
    readonly path: string;
    readonly data?: unknown;
  }

  interface Subscription extends RuntimeObject {
    /** The same channel each time; closed (`nil, false`) after `close()`. */
    channel(): Channel<BusEvent>;
    close(): true;
  }
}

/** @noSelf @noResolution */
declare module "events" {
  type Subscription = Moonforge.Subscription;
  type Event = Moonforge.BusEvent;
  /** Subscribes this process to the systems matching `system` (`"*"`, `"app.*"`, exact) and to `kind` (nil: all). */
  function subscribe(system: string, kind?: string): Moonforge.Result<Moonforge.Subscription>;
  /** Delivers at once to every matching subscription. */
  function send(system: string, kind: string, path: string, data?: unknown): Moonforge.Status;
}
