// The `channel` global: Go-style channels between the tasks of a process (Wippy's channel module;
// runtime/process/channel-module.ts). `channel.new` and `channel.select` are called with `.`, a channel's methods
// with `:`.

declare namespace Moonforge {
  /** A channel carrying values of type T. Its methods are called with `:` (`ch:send(v)`). */
  interface Channel<T> extends RuntimeObject {
    /** Blocks until a receiver takes the value (or the buffer has room); raises on a closed channel. */
    send(value: T): true;
    /** Blocks until a value arrives: `value, true`, or `nil, false` once the channel is closed and drained. */
    receive(): LuaMultiReturn<[T, true] | [undefined, false]>;
    close(): void;
    /** A select case sending `value`. */
    case_send(value: T): SelectCase<T>;
    /** A select case receiving from this channel. */
    case_receive(): SelectCase<T>;
  }

  /** A case of `channel.select`, made by `ch:case_send(v)` / `ch:case_receive()`. */
  interface SelectCase<T> extends RuntimeObject {
    /** @deprecated phantom: the value type of the case; never read it */
    readonly __moonforge_case: T;
  }

  /**
   * What `channel.select` returns for one case: the channel that was ready, the value received (or sent) and `ok`
   * (false: a receive from a closed channel, value nil).
   */
  type SelectResult<C> = C extends SelectCase<infer T>
    ? { readonly channel: Channel<T>; readonly value: T | undefined; readonly ok: boolean; readonly default?: undefined }
    : never;

  /** What `channel.select(cases, true)` returns when no case is ready. */
  interface SelectDefault {
    readonly default: true;
    readonly ok: true;
    readonly channel?: undefined;
    readonly value?: undefined;
  }

  /** @noSelf */
  interface ChannelLib {
    /** A channel with a buffer of `capacity` values (0, the default: unbuffered, a rendezvous). */
    "new"<T>(capacity?: number): Channel<T>;
    /**
     * Waits for the first ready case (array order when several are), runs it and returns what happened. Cases may
     * mix channel types: `channel.select([inbox.case_receive(), events.case_receive()])`.
     */
    select<C extends SelectCase<any>[]>(cases: [...C]): SelectResult<C[number]>;
    /** With a default: returns `{ default: true, ok: true }` at once when no case is ready. */
    select<C extends SelectCase<any>[]>(cases: [...C], withDefault: true): SelectResult<C[number]> | SelectDefault;
  }
}

type Channel<T> = Moonforge.Channel<T>;

declare const channel: Moonforge.ChannelLib;
