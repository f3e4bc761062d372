// What analysis learns about names and functions: each Lua local gets one LocalVar (and a unique JS name), each
// Identifier node resolves to a local or a global, and each function gets a FunctionInfo.
import type { CallLike, Expression, FunctionNode, Identifier } from '../lua-ast.js';

export interface LocalVar {
  name: string;
  /** unique JS identifier: the Lua name plus `$n`, so it can never clash with a JS reserved word or a runtime name */
  jsName: string;
  /** captured by a nested function */
  captured: boolean;
  /** assigned somewhere after its declaration */
  reassigned: boolean;
  /**
   * assigned by a function nested in its owner: then any call can change it in the middle of an expression, so its
   * value is read where Lua reads it (in order), not later from the name (expressions.ts readInOrder)
   */
  assignedByClosure: boolean;
  /** the function that declares it */
  owner: FunctionInfo;
  /** set when the local holds a function for its whole life (`local function f` or `local f = function`) */
  constFunction: FunctionInfo | undefined;
  /**
   * Set when the local is initialised from a standard function that never suspends (`local floor = math.floor`,
   * `local type = type`): its name (`math.floor`, `type`). Unless the global it was read from (`math`, `type`) is
   * assigned in the chunk or the local reassigned, a call through it never suspends, as a call of the standard function
   * by name does, and is a call of that function (known-calls.ts changesNothing, scalarResult).
   */
  stdName: string | undefined;
  /**
   * Initialised from `coroutine.yield` (`local yield = coroutine.yield`): with the global never assigned and the local
   * never reassigned, a call through it yields (emit/transfer.ts: a transfer copy would leave at every such call).
   */
  stdYield: boolean;
  /** a numeric-for control variable (always a number unless reassigned) */
  forNumeric: boolean;
  /** declared inside a loop of its function: a fresh binding per iteration */
  inLoop: boolean;
  /**
   * What every value the local ever holds is (value-kinds.ts): 'num' a number, 'tbl' a table; undefined when
   * unknown. Lets the emitter drop the type tests of its inline fast paths.
   */
  valueKind: ValueKind | undefined;
}

export type ValueKind = 'num' | 'tbl';

export type Binding = { kind: 'local'; v: LocalVar } | { kind: 'global'; name: string };

/**
 * The name of the standard function a call's callee reads (`string.byte`, `type`, or a local holding one: stdName), or
 * undefined. Only for calls proven never to suspend (Analysis.plainCalls: the global is not assigned in the chunk).
 */
export function stdCallee(bindings: ReadonlyMap<Identifier, Binding>, base: Expression): string | undefined {
  if (base.type === 'Identifier') {
    const b = bindings.get(base);
    if (b?.kind === 'global') return b.name;
    return b?.kind === 'local' && !b.v.reassigned ? b.v.stdName : undefined;
  }
  if (base.type !== 'MemberExpression' || base.indexer !== '.' || base.base.type !== 'Identifier') return undefined;
  const lib = bindings.get(base.base);
  return lib?.kind === 'global' ? `${lib.name}.${base.identifier.name}` : undefined;
}

/** Whether `e` reads `coroutine.yield` from the global library table (the analyzer's stdYield, transfer.ts). */
export function readsCoroutineYield(bindings: ReadonlyMap<Identifier, Binding>, e: Expression): boolean {
  if (e.type !== 'MemberExpression' || e.indexer !== '.' || e.base.type !== 'Identifier' || e.identifier.name !== 'yield') return false;
  const lib = bindings.get(e.base);
  return lib?.kind === 'global' && lib.name === 'coroutine';
}

export interface FunctionInfo {
  node: FunctionNode;
  parent: FunctionInfo | undefined;
  /** how the traceback names it: "main chunk", "function 'name'", "function <file:line>" */
  displayName: string;
  line: number;
  isVararg: boolean;
  /** may reach a suspension point (coroutine yield, blocking call, or in process mode a preemption point) */
  suspendable: boolean;
  /** local functions called directly: suspendable if any of them is */
  callees: Set<FunctionInfo>;
  /** contains a call that is not provably non-suspending, or (process mode) a loop */
  suspendsItself: boolean;
  /** nesting depth: 0 for the chunk */
  depth: number;
  /** parameters in order, `self` first for methods (vararg excluded) */
  params: LocalVar[];
  /** index in the chunk's function table (traceback names); set by the emitter */
  index: number;
  /**
   * Process mode: the function changes nothing a caller could see and runs no code it does not know — it assigns only
   * its own locals, makes no closure, and calls only pure local functions and pure standard functions (PURE_GLOBALS,
   * PURE_LIBRARIES). Generator code may run a call of it plain and, should it have to give way or reach a
   * metamethod, throw the attempt away and run the call again as the twin (runtime/core/pure-call.ts).
   */
  pure: boolean;
  /** contains `return f(...)`: only then can it return the deferred-tail-call sentinel TAIL */
  hasTailCall: boolean;
  /** contains a goto (its locals may be re-entered without a loop) */
  hasGoto: boolean;
  /**
   * Every binding this function (or anything nested in it) captures from its parent is the same for the whole of
   * one call of the parent (not a per-iteration loop local): the generator twin can then be created once per
   * parent call and shared by every closure the parent makes from this function (emit/functions.ts).
   */
  twinShareable: boolean;
}

export interface Analysis {
  bindings: Map<Identifier, Binding>;
  /** the LocalVar declared by a declaring identifier (local statement names, parameters, for variables) */
  declarations: Map<Identifier, LocalVar>;
  functions: Map<FunctionNode, FunctionInfo>;
  /** globals assigned anywhere in the chunk */
  assignedGlobals: Set<string>;
  /** calls proven never to suspend: emitted as plain calls even inside generator twins */
  plainCalls: Set<CallLike>;
  /**
   * process mode: calls of standard functions that call `__tostring` (known-calls.ts METAMETHOD_CALLERS), among the
   * plain calls; generator code calls them in their may-defer form (emit/calls.ts, runtime/lib/meta-twins.ts)
   */
  metaCalls: Set<CallLike>;
}
