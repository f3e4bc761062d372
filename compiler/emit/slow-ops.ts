// The call of an operator's slow path (runtime/core/ops.ts). In a process-mode generator twin it takes the may-defer
// form (`indexD`, `arithD`, ...): a metamethod that has a generator twin is then run here as that twin
// (`yield* runDeferred()`), so a loop inside `__index`, `__eq`, `__add`, ... gives way like the process's own loops
// (runtime/core/defer.ts). Plain functions and plain scripts keep the plain form; the inline fast paths in front of
// the call are the same in both, and only the slow path's result is compared with DEFER.
import type { FunctionEmitter } from './context.js';

export function slowOp(fx: FunctionEmitter, name: string, args: string): string {
  // The transfer copy leaves for the resume form, which runs the statement again and defers there (transfer.ts).
  if (fx.transfer) {
    const t = fx.temp();
    return `((${t} = ${name}D(${args})) === DEFER ? bailAt(${fx.leaveTarget()}, ${fx.frameRef()}) : ${t})`;
  }
  if (!fx.gen || !fx.ce.opts.processMode) return `${name}(${args})`;
  const t = fx.temp();
  fx.yieldSites++;
  return `((${t} = ${name}D(${args})) === DEFER ? (yield* runDeferred()) : ${t})`;
}
