// Static value kinds of locals: a local is 'num' when every value ever stored in it is a number, 'tbl' when every one
// is a table (a constructor). Solved as a greatest fixpoint over the locals' stores, so `local i = 1 ... i = i + 1`
// is a number for its whole life. The emitter uses this to drop `typeof`/`instanceof` tests from its fast paths.
import type { BinaryExpression, Expression, Identifier, UnaryExpression } from '../lua-ast.js';
import type { Analysis, Binding, LocalVar, ValueKind } from './bindings.js';
import { stdCallee } from './bindings.js';
import { scalarResult } from './known-calls.js';

/** A store into a local: the expression whose (first) value it receives, or null when nothing is known (a call's
 * later results, a missing value (nil), a parameter, a generic-for variable, a function statement). */
export type LocalSource = Expression | null;

/** Operators whose result is a number whenever both operands are numbers (else a metamethod decides). */
const ARITH = new Set(['+', '-', '*', '/', '%', '^']);
/** Wippy's `//` and bitwise operators take numbers only and never call metamethods (runtime/core/ops.ts intMeta). */
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

/** Comparisons give a boolean whatever their operands (a handler's result is made one). */
const COMPARISONS = new Set(['==', '~=', '<', '<=', '>', '>=']);

/**
 * Whether operator `e` surely reaches no metamethod (emit/transfer.ts: it is then no place a transfer copy may leave).
 * Only tables and userdata have metatables of their own; a string's holds `__index` alone and cannot be changed
 * (runtime/lib/string/index.ts), and the other kinds have none. So arithmetic, `..`, the order comparisons and unary
 * minus on operands that are never tables or userdata (`scalar`) compute or raise an error (which is no leave);
 * `==`/`~=` try `__eq` only between two tables or two userdata, so one such operand is enough; `//`, the bitwise
 * operators and `not` never reach one. A value of unknown kind may be a table: its operators keep their slow path.
 */
export function reachesNoMetamethod(a: Analysis, e: BinaryExpression | UnaryExpression): boolean {
  if (e.type === 'UnaryExpression') return e.operator === 'not' || e.operator === '~' || scalar(a, e.argument);
  if (INTEGER_OPS.has(e.operator)) return true;
  if (e.operator === '==' || e.operator === '~=') return scalar(a, e.left) || scalar(a, e.right);
  return scalar(a, e.left) && scalar(a, e.right);
}

/**
 * Whether `e` is surely never a table or userdata: a literal, a local known to hold numbers, a comparison, an operator
 * that reaches no metamethod, a call of a standard function whose results are such values (known-calls.ts
 * scalarResult; the call is proven to be of it: Analysis.plainCalls).
 */
function scalar(a: Analysis, e: Expression): boolean {
  switch (e.type) {
    case 'NumericLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'NilLiteral':
      return true;
    case 'Identifier':
      return expressionKind(e, a.bindings) === 'num';
    case 'BinaryExpression':
      return COMPARISONS.has(e.operator) || reachesNoMetamethod(a, e);
    case 'UnaryExpression':
      // `#` of a scalar is a string's length (or an error)
      return e.operator === 'not' || reachesNoMetamethod(a, e);
    case 'LogicalExpression':
      return scalar(a, e.left) && scalar(a, e.right);
    case 'CallExpression':
    case 'TableCallExpression':
    case 'StringCallExpression': {
      if (!a.plainCalls.has(e)) return false;
      const name = stdCallee(a.bindings, e.base);
      return name !== undefined && scalarResult(name);
    }
    default:
      return false;
  }
}
