// The `funcs` module (runtime/modules/funcs/, docs/modules.md "funcs"): calls of `function.lua` entries, futures and
// executors. Module functions are called with `.`, Future and Executor methods with `:`.

declare namespace Moonforge {
  /** An asynchronous call of a function entry. */
  interface Future extends RuntimeObject {
    /** Yields one value when the call ends (a Payload of the result, or the error value), then closes. */
    response(): Channel<Payload<unknown> | Error>;
    /** The same channel as `response()`. */
    channel(): Channel<Payload<unknown> | Error>;
    is_complete(): boolean;
    /** `nil, nil` while running, `Payload, nil` after success, `nil, err` after a failure or a cancel. */
    result(): LuaMultiReturn<[undefined, undefined] | [Payload<unknown>, undefined] | [undefined, Error]>;
    /** `err, true` after a failure, else `nil, false`. */
    error(): LuaMultiReturn<[Error, true] | [undefined, false]>;
    /** Cancels the call (its process is stopped): true. */
    cancel(): true;
    is_canceled(): boolean;
  }

  /** Calls function entries with a context, actor, scope or options of its own; every `with_*` returns a new one. */
  interface Executor extends RuntimeObject {
    with_context(values: Table): Result<Executor>;
    with_actor(actor: Actor): Result<Executor>;
    with_scope(scope: Scope): Result<Executor>;
    /** `{ timeout = ms }` or a duration string. */
    with_options(options: { timeout?: number | string } & Table): Result<Executor>;
    call(id: string, ...args: unknown[]): Result<unknown>;
    async(id: string, ...args: unknown[]): Result<Future>;
  }
}

/** @noSelf @noResolution */
declare module "funcs" {
  // `new` cannot name a declared function: it is declared as new_executor and exported as `new` (funcs.new()). With
  // an export list, only what is marked `export` is exported.
  export type Future = Moonforge.Future;
  export type Executor = Moonforge.Executor;
  /** Runs function entry `id` (`ns:name`) with `args`, blocking this task: main's first value, or `nil, err`. */
  export function call(id: string, ...args: unknown[]): Moonforge.Result<unknown>;
  /** Starts the call and returns at once. */
  export function async(id: string, ...args: unknown[]): Moonforge.Result<Moonforge.Future>;
  /** An executor with the caller's context, actor and scope. */
  function new_executor(): Moonforge.Executor;
  export { new_executor as new };
}
