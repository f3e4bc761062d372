// Static value kinds of locals: a local is 'num' when every value ever stored in it is a number, 'tbl' when every one
// is a table (a constructor). Solved as a greatest fixpoint over the locals' stores, so `local i = 1 ... i = i + 1`
// is a number for its whole life. The emitter uses this to drop `typeof`/`instanceof` tests from its fast paths.
import type { Expression } from '../lua-ast.js';
import type { Binding, LocalVar, ValueKind } from './bindings.js';
import type { Identifier } from '../lua-ast.js';

/** A store into a local: the expression whose (first) value it receives, or null when nothing is known (a call's
 * later results, a missing value (nil), a parameter, a generic-for variable, a function statement). */
export type LocalSource = Expression | null;

/** Operators whose result is a number whenever both operands are numbers (else a metamethod decides). */
const ARITH = new Set(['+', '-', '*', '/', '%', '^']);
/** Wippy's `//` and bitwise operators take numbers only and never call metamethods (runtime/core/ops.ts). */
const INTEGER_OPS = new Set(['//', '&', '|', '~', '<<', '>>']);

/**
 * Sets `valueKind` on every local of `sources` (a numeric-for control variable's implicit stores are numbers). One
 * greatest fixpoint per kind: assume every undecided local has it, then drop each local with a store that may give
 * something else under that assumption, until nothing changes; what is left holds only values of that kind (by
 * induction over the stores as they run).
 */
export function solveValueKinds(sources: Map<LocalVar, LocalSource[]>, bindings: Map<Identifier, Binding>): void {
  for (const v of sources.keys()) v.valueKind = undefined;
  for (const kind of ['num', 'tbl'] as const) {
    const candidates: LocalVar[] = [];
    for (const [v, list] of sources) {
      if (v.valueKind !== undefined) continue;
      if (kind !== 'num' && v.forNumeric) continue;
      if (list.length === 0 && !v.forNumeric) continue;
      if (list.some((src) => src === null)) continue;
      v.valueKind = kind;
      candidates.push(v);
    }
    let changed = true;
    while (changed) {
      changed = false;
      for (const v of candidates) {
        if (v.valueKind !== kind) continue;
        if (sources.get(v)!.some((src) => expressionKind(src!, bindings) !== kind)) {
          v.valueKind = undefined;
          changed = true;
        }
      }
    }
  }
}

/** The kind of an expression given the locals' current kinds. */
export function expressionKind(e: Expression, bindings: Map<Identifier, Binding>): ValueKind | undefined {
  switch (e.type) {
    case 'NumericLiteral':
      return 'num';
    case 'TableConstructorExpression':
      return 'tbl';
    case 'Identifier': {
      const b = bindings.get(e);
      return b !== undefined && b.kind === 'local' ? b.v.valueKind : undefined;
    }
    case 'BinaryExpression':
      if (INTEGER_OPS.has(e.operator)) return 'num';
      if (ARITH.has(e.operator)) {
        return expressionKind(e.left, bindings) === 'num' && expressionKind(e.right, bindings) === 'num' ? 'num' : undefined;
      }
      return undefined;
    case 'UnaryExpression':
      if (e.operator === '~') return 'num';
      if (e.operator === '-') return expressionKind(e.argument, bindings) === 'num' ? 'num' : undefined;
      return undefined;
    case 'LogicalExpression':
      // Numbers and tables are true: `a and b` is b when a has a kind; `a or b` is a's true values, else b.
      if (e.operator === 'and') return expressionKind(e.left, bindings) !== undefined ? expressionKind(e.right, bindings) : undefined;
      return sameKind(truthyKind(e.left, bindings), expressionKind(e.right, bindings));
    default:
      return undefined;
  }
}

/** The kind of the values of `e` that are true (its nil and false values aside): `c and 1 or 2` is a number. */
function truthyKind(e: Expression, bindings: Map<Identifier, Binding>): ValueKind | undefined {
  if (e.type === 'LogicalExpression') {
    if (e.operator === 'and') return truthyKind(e.right, bindings);
    return sameKind(truthyKind(e.left, bindings), truthyKind(e.right, bindings));
  }
  return expressionKind(e, bindings);
}

function sameKind(a: ValueKind | undefined, b: ValueKind | undefined): ValueKind | undefined {
  return a === b ? a : undefined;
}
