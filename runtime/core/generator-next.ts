// Resuming the generators a coroutine's drivers hold, by calling %GeneratorPrototype%.next itself.
//
// V8 gives every generator function its own `prototype`, so generator objects of different twins have different
// hidden classes. `gen.next(input)` in a driver that runs every coroutine's body (coroutine.ts coroutineStep) and
// every held call (trampoline.ts) then looks `next` up at a site that sees each twin of the program: it goes
// polymorphic, then megamorphic, and each new twin deoptimizes the driver (a program's coroutines with different
// bodies, one after another). `GEN_NEXT.call(gen, input)` names the one function they all share: no lookup, no
// map check, no deoptimization. It is for real generators only: a coroutine body whose twin is not a generator
// function (a built-in's twin that answers at once, such as a wrap function's) is delegated to by one (startBody).
import type { LuaGen } from './coroutine.js';

/** %GeneratorFunction.prototype%: the prototype of every `function*`. */
export const GENERATOR_FUNCTION_PROTO: object = Object.getPrototypeOf(function* () {}) as object;

/** %GeneratorPrototype%.next. */
export const GEN_NEXT = (GENERATOR_FUNCTION_PROTO as { prototype: LuaGen }).prototype.next;

/** Whether calling `f` makes a real generator (it is a `function*`), whose steps GEN_NEXT may take. */
export function isGeneratorFunction(f: unknown): boolean {
  return typeof f === 'function' && Object.getPrototypeOf(f) === GENERATOR_FUNCTION_PROTO;
}
