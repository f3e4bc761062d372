// The `process` global (runtime/process/process-module/, docs/process-model.md): identity, messages, the spawn
// family, spawners, monitors, links and the name registry. Module functions are called with `.` and answer
// `value, nil` / `nil, err`; a spawner's methods are called with `:` and raise on failure.

declare namespace Moonforge {
  /** What a process's main, a monitor's EXIT and a LINK_DOWN carry about an exit. */
  interface ExitResult {
    readonly value?: unknown;
    readonly error?: Error | string;
  }

  /** A monitored process ended (`process.spawn_monitored`, `process.monitor`). */
  interface ExitEvent {
    readonly kind: "pid.exit";
    readonly from: Pid;
    /** unix seconds */
    readonly at: number;
    readonly result: ExitResult;
  }

  /** A linked process failed (an ordinary event with `trap_links`; without it the process fails at once). */
  interface LinkDownEvent {
    readonly kind: "pid.link.down";
    readonly from: Pid;
    readonly at: number;
    readonly result: ExitResult;
  }

  /** Someone asked this process to stop (`process.cancel`); it decides what to do. */
  interface CancelEvent {
    readonly kind: "pid.cancel";
    readonly from: Pid;
    readonly at: number;
    readonly reason: string;
  }

  /** What `process.events()` yields: a union discriminated on `kind` (compare with `process.event.*`). */
  type ProcessEvent = ExitEvent | LinkDownEvent | CancelEvent;

  interface ProcessOptions {
    trap_links?: boolean;
  }

  /**
   * An immutable spawn builder (`process.with_context(...)`): each `with_*` returns a new one. Methods are called
   * with `:`; they raise on failure instead of returning an error.
   */
  interface Spawner extends RuntimeObject {
    /** Context values the child inherits (`ctx.get`), laid over what this builder already has. */
    with_context(values: Table): Spawner;
    with_options(options: Table): Spawner;
    /** Registers the child under `name` when it is spawned. */
    with_name(name: string): Spawner;
    /** A message queued to the child right after it is spawned. */
    with_message<K extends TopicName>(topic: K, ...payload: SendArgs<K>): Spawner;
    with_actor(actor: Actor): Spawner;
    with_scope(scope: Scope): Spawner;
    spawn(id: string, host: string, ...args: unknown[]): Pid;
    spawn_monitored(id: string, host: string, ...args: unknown[]): Pid;
    spawn_linked(id: string, host: string, ...args: unknown[]): Pid;
    spawn_linked_monitored(id: string, host: string, ...args: unknown[]): Pid;
  }
}

/** @noSelf */
declare namespace process {
  /** This process's pid. */
  function pid(): Moonforge.Pid;
  /** The entry id (`ns:name`) this process runs. */
  function id(): string;

  /**
   * Sends a message to a pid or a registered name: `true, nil` or `nil, err`. With typed topics (Moonforge.Topics)
   * the topic must be declared and the payload must have its type.
   */
  function send<K extends Moonforge.TopicName>(dest: Moonforge.Pid | string, topic: K, ...payload: Moonforge.SendArgs<K>): Moonforge.Status;
  /** Delivers a CANCEL event (with `reason`) to the target; it decides what to do. */
  function cancel(dest: Moonforge.Pid | string, reason?: string): Moonforge.Status;

  /** The channel of messages no listener takes. */
  function inbox(): Moonforge.Channel<Moonforge.InboxMessage>;
  /** The channel of EXIT, LINK_DOWN and CANCEL events. */
  function events(): Moonforge.Channel<Moonforge.ProcessEvent>;
  /** A channel of the raw payloads sent on `topic` (the same channel for the same topic). */
  function listen<K extends Moonforge.TopicName>(topic: K, options?: { message?: false }): Moonforge.Result<Moonforge.Channel<Moonforge.TopicPayload<K>>>;
  /** A channel of the Messages sent on `topic`. */
  function listen<K extends Moonforge.TopicName>(topic: K, options: { message: true }): Moonforge.Result<Moonforge.Channel<Moonforge.Message<K>>>;
  /** Closes a listener's channel; later messages on its topic go to the inbox. */
  function unlisten(ch: Moonforge.Channel<any>): boolean;

  function spawn(id: string, host: string, ...args: unknown[]): Moonforge.Result<Moonforge.Pid>;
  /** Spawns and monitors: an EXIT event comes when the child ends. */
  function spawn_monitored(id: string, host: string, ...args: unknown[]): Moonforge.Result<Moonforge.Pid>;
  /** Spawns and links: the child's failure fails this process (unless it traps links). */
  function spawn_linked(id: string, host: string, ...args: unknown[]): Moonforge.Result<Moonforge.Pid>;
  function spawn_linked_monitored(id: string, host: string, ...args: unknown[]): Moonforge.Result<Moonforge.Pid>;
  /** Spawns the child, waits for its exit and returns main's value (`nil, nil` for none). */
  function exec(id: string, host: string, ...args: unknown[]): Moonforge.Result<unknown>;
  /** Runs new code (`nil`: this entry) in this process, keeping its pid, messages, links and monitors. */
  function upgrade(id: string | undefined, ...args: unknown[]): Moonforge.Result<never>;
  /** Ends the target at once (a failure: its links get LINK_DOWN). */
  function terminate(dest: Moonforge.Pid | string): Moonforge.Status;

  function monitor(dest: Moonforge.Pid | string): Moonforge.Status;
  function unmonitor(dest: Moonforge.Pid | string): Moonforge.Status;
  function link(dest: Moonforge.Pid | string): Moonforge.Status;
  function unlink(dest: Moonforge.Pid | string): Moonforge.Status;

  function get_options(): { trap_links: boolean };
  function set_options(options: Moonforge.ProcessOptions): Moonforge.Check;

  /** A spawner whose children inherit `values` as context. Raises when not allowed. */
  function with_context(values: Moonforge.Table): Moonforge.Spawner;
  function with_options(options: Moonforge.Table): Moonforge.Spawner;

  /** The `kind` of each process event. */
  const event: {
    readonly CANCEL: "pid.cancel";
    readonly EXIT: "pid.exit";
    readonly LINK_DOWN: "pid.link.down";
  };

  /**
   * Names of processes on this node.
   * @noSelf
   */
  namespace registry {
    /** Registry scopes, as Wippy's module names them. */
    const LOCAL: 0;
    const CONSISTENT: 1;
    const EVENTUAL: 2;
    const STRONG: 3;
    /** Registers `name` for this process (or `pid`): `true, nil`, or `nil, err` when another process holds it. */
    function register(name: string, pid?: Moonforge.Pid): Moonforge.Status;
    function lookup(name: string): Moonforge.Result<Moonforge.Pid>;
    /** Releases a name this process holds: true, or false when it holds no such name. */
    function unregister(name: string): LuaMultiReturn<[boolean, undefined] | [undefined, Moonforge.Error]>;
  }
}
