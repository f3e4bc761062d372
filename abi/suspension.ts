// The suspension protocol between compiled code and the scheduler (docs/architecture.md, "Suspension").
//
// Every compiled Lua function that may suspend has a generator twin at `f.$y` (`mkY(plain, twin)`); code that may
// suspend runs the twin (`yield* f.$y(...)`). What a twin yields to its driver:
//   - `yield PARK`     the task waits; whoever registered it as a waiter wakes it later with a value, which is what
//                      the `yield` returns;
//   - `yield PREEMPT`  the task gives way (its budget ran out) and is requeued at the back;
//   - `yield [values]` a coroutine.yield (at a task's top level it also just gives way).
// A blocking built-in may also have a direct form on its twin (`f.$y.$d`, `f.$y.$r`, see DirectForm), which compiled
// call sites use instead of the twin.

/** The command a task yields to wait: whoever registered it as a waiter wakes it later. */
export const PARK: { readonly park: true } = Object.freeze({ park: true as const });

/** The command a task yields to give way; the scheduler requeues it. */
export const PREEMPT: { readonly preempt: true } = Object.freeze({ preempt: true as const });

/**
 * A function as the runtime looks for its generator twin: `$y`, set by `mkY(plain, twin)` on each function compiled
 * in process mode that may suspend and on each built-in that may; absent on the rest, which always run plain. Gen is
 * what a twin returns (the runtime's generator type).
 */
export interface Twinned<Gen = unknown> {
  $y?: (...args: unknown[]) => Gen;
}

/**
 * The direct form of a blocking built-in, beside its generator twin (`f.$y.$d`, `f.$y.$r`). Compiled call sites use
 * it instead of `yield* f.$y(...)`: `$d(...args)` either returns the first result (results in R as for any call), or
 * registers the current task as a waiter and returns PARK; then the compiled code yields PARK itself and passes the
 * value of that `yield` (what the waker gave) to `$r`, which returns the results. Every other driver (coroutine
 * resume, pcall, tail-call bounces) keeps using the twin.
 */
export interface DirectForm {
  $d: (...args: unknown[]) => unknown;
  $r: (answer: unknown) => unknown;
}
