// The shapes every other declaration file uses: pids, error values, the value-or-error tuples, payloads and the typed
// topics an app declares. A script file (no top-level import/export), so everything here is global.

declare namespace Moonforge {
  /**
   * A process id as the runtime prints it (`{app:processes|0x00001}`). Branded: only the runtime makes one
   * (`process.pid()`, the spawn family, `process.registry.lookup`, `msg.from()`), so a plain string is not a Pid.
   * Functions that also take a registered name accept `Pid | string`.
   */
  type Pid = string & { readonly __moonforge_brand: "Pid" };

  /** The kinds of Wippy's error values (`errors.NOT_FOUND`, ...); `""` is errors.UNKNOWN. */
  type ErrorKind =
    | "NotFound"
    | "AlreadyExists"
    | "Invalid"
    | "PermissionDenied"
    | "Unavailable"
    | "Internal"
    | "Canceled"
    | "Conflict"
    | "Timeout"
    | "RateLimited"
    | "";

  /** A Wippy error value (a userdata: its methods are called with `:`). `tostring(err)` is its text. */
  interface Error {
    /** the kind; moonforge's own limits also use `"LimitExceeded"` */
    kind(): ErrorKind | (string & {});
    /** nil when the error does not say */
    retryable(): boolean | undefined;
    /** the details table, nil when there are none */
    details(): LuaTable<string, unknown> | undefined;
    message(): string;
    /** the message of every wrapped error, outermost first */
    stack(): string;
    /** @deprecated phantom: makes an Error not assignable from a plain table; never read it */
    readonly __moonforge_brand: "Error";
  }

  /** `value, nil` or `nil, err`: destructure, test `err`, and the value is narrowed. */
  type Result<T> = LuaMultiReturn<[T, undefined] | [undefined, Error]>;
  /** `true, nil` or `nil, err` (process.send, process.monitor, ...). */
  type Status = LuaMultiReturn<[true, undefined] | [undefined, Error]>;
  /** `true, nil` or `false, err` (process.set_options, json.validate, ...). */
  type Check = LuaMultiReturn<[true, undefined] | [false, Error]>;

  /** A string-keyed Lua table read or written as a record. */
  type Table = { [key: string]: unknown };

  /**
   * The typed topics of an app, by declaration merging: topic name → payload type.
   *
   * ```ts
   * declare global { namespace Moonforge { interface Topics { ping: { round: number }; stop: undefined } } }
   * ```
   *
   * With no topic declared, any topic type-checks and payloads are `unknown`. Once one is declared,
   * `process.send`, `process.listen`, `msg.topic()` and `msg.payload().data()` only know the declared topics and
   * their payload types, and a payload type that cannot cross processes (a function, an object with methods, a
   * channel or another runtime object) makes `process.send` a type error: `Sendable<T>` below.
   * The TSTL plugin (sdk/ts/plugin) checks these names too: keep `Moonforge.Topics`, `Moonforge.Sendable` and
   * `Moonforge.NotSendable` as they are named here.
   */
  interface Topics {}

  /** True when the app declared no topic. */
  type Untyped = [keyof Topics] extends [never] ? true : false;
  /** The topics a process may send to or listen on. */
  type TopicName = Untyped extends true ? string : Extract<keyof Topics, string>;
  /** The payload type of topic K (unknown when topics are not declared). */
  type TopicPayload<K extends string> = Untyped extends true ? unknown : K extends keyof Topics ? Topics[K] : never;

  /**
   * What a payload type that cannot cross processes becomes: sending such a value is a type error whose message
   * names the reason. (Values are deep-copied between processes; functions would run in another process's world,
   * and channels, timers, messages and other runtime objects arrive as nil.)
   */
  interface NotSendable<Why extends string> {
    readonly __moonforge_not_sendable: Why;
  }

  /** Runtime objects that never cross processes (they arrive as nil). Their interfaces extend this. */
  interface RuntimeObject {
    /** @deprecated phantom: marks objects that cannot be sent; never read it */
    readonly __moonforge_runtime_object: true;
  }

  /**
   * T itself when every part of it can be copied to another process; otherwise T with the offending parts replaced
   * by NotSendable<...>, so that a value of type T is not assignable to it. Error values and Payloads are the
   * userdata that cross (the plugin's check, sdk/ts/plugin/sendable.ts, knows them by these names).
   */
  type Sendable<T> = T extends string | number | boolean | undefined | null | Error
    ? T
    : T extends Payload<infer P>
      ? Payload<Sendable<P>>
      : T extends (...args: any[]) => any
        ? NotSendable<"a function cannot cross processes">
        : T extends RuntimeObject
          ? NotSendable<"a channel, message, timer or other runtime object arrives as nil in another process">
          : T extends LuaTable<any, any> | LuaMap<any, any> | LuaSet<any>
            ? T
            : T extends object
              ? { [K in keyof T]: Sendable<T[K]> }
              : T;

  /** The arguments of `process.send(dest, topic, ...)` after the topic. */
  type SendArgs<K extends string> =
    Untyped extends true
      ? unknown[]
      : K extends keyof Topics
        ? [Topics[K]] extends [undefined]
          ? []
          : [payload: Sendable<Topics[K]>]
        : never;

  /**
   * A value of some format (`payload.format`), converted on demand. Methods are called with `:`. Like an Error, it
   * crosses processes (its Lua data copied): it is not a RuntimeObject.
   */
  interface Payload<T = unknown> {
    /** the Lua value (a `lua/any` payload gives back the value itself) */
    data(): T;
    unmarshal(): T;
    get_format(): PayloadFormat;
    transcode(format: PayloadFormat): Result<Payload<unknown>>;
    /** @deprecated phantom: the payload's value type; never read it */
    readonly __moonforge_payload: T;
  }

  type PayloadFormat =
    | "json/plain"
    | "yaml/plain"
    | "text/plain"
    | "application/octet-stream"
    | "application/msgpack"
    | "lua/any"
    | "golang/any"
    | "golang/error";

  /**
   * What `msg.payload()` returns for a payload type: nil for a message sent without payload, else a Payload. (A
   * message sent with several payloads, which typed topics never do, gives an array of Payloads: cast it.)
   */
  type MessagePayload<P> = Untyped extends true ? Payload<unknown> | undefined : [P] extends [undefined] ? undefined : Payload<P>;

  /** A message taken from the inbox (or a listener with `{ message: true }`). Methods are called with `:`. */
  interface Message<K extends string = TopicName, P = TopicPayload<K>> extends RuntimeObject {
    topic(): K;
    /** the sender's pid; `""` when host code sent it */
    from(): Pid | "";
    payload(): MessagePayload<P>;
  }

  /** The message type of the inbox: one member per declared topic, or any topic with unknown payloads. */
  type InboxMessage = Untyped extends true
    ? Message<string, unknown>
    : { [K in Extract<keyof Topics, string>]: Message<K, Topics[K]> }[Extract<keyof Topics, string>];
}

type Pid = Moonforge.Pid;
type WippyError = Moonforge.Error;
type Message<K extends string = Moonforge.TopicName> = Moonforge.Message<K>;
type Payload<T = unknown> = Moonforge.Payload<T>;
