// The early exit of a known function, tested at a generator-code call site before its twin is made. Inside a
// coroutine (and in process mode) a call of a function that may suspend creates a generator, even when the call
// returns at once: a recursive walk's calls on nil children (`local function walk(n) if n then ... end end`), a
// base case (`if depth == 0 then return nil end`). When the function opens with such a test on its parameters
// alone, the call site evaluates it on the arguments, and when it is sure the function would return at once it
// sets the results itself and makes no generator; otherwise (or when unsure) it calls the twin, which tests again.
// The test reads only parameters and constants, with operators that cannot reach a metamethod or raise, so running
// it twice is invisible.
import type { Expression, Statement } from '../lua-ast.js';
import type { Analysis, FunctionInfo } from '../analyze/bindings.js';
import { decodeStringLiteral } from '../strings.js';
import { jsNumber, jsString } from './js.js';

/**
 * What a call site needs: `when(args)` is a JS condition over the argument expressions (one per parameter, each
 * read more than once, so simple), true only when the function surely returns at once; `results(args)` the JS of
 * the call's value with the registers set as the function sets them.
 */
export interface EarlyExit {
  when: (args: readonly string[]) => string;
  results: (args: readonly string[]) => string;
}

const cache = new WeakMap<FunctionInfo, EarlyExit | null>();

export function earlyExit(analysis: Analysis, fn: FunctionInfo): EarlyExit | undefined {
  let e = cache.get(fn);
  if (e === undefined) {
    e = findEarlyExit(analysis, fn) ?? null;
    cache.set(fn, e);
  }
  return e ?? undefined;
}

/** A condition in two forms: JS that is true only when the Lua condition is surely true, and only when surely false. */
interface Sure {
  yes: (args: readonly string[]) => string;
  no: (args: readonly string[]) => string;
}

function findEarlyExit(analysis: Analysis, fn: FunctionInfo): EarlyExit | undefined {
  if (fn.isVararg) return undefined;
  const body = fn.node.body as Statement[];
  const first = body[0];
  if (first === undefined || first.type !== 'IfStatement' || first.clauses.length !== 1) return undefined;
  const clause = first.clauses[0]!;
  if (clause.type !== 'IfClause') return undefined;
  const cond = sure(analysis, fn, clause.condition);
  if (cond === undefined) return undefined;
  // `if C then ... end` as the whole body: nothing happens when C is false.
  if (body.length === 1) return { when: cond.no, results: () => '(R.n = 0, undefined)' };
  // `if C then return v, ... end` first: v are constants or parameters.
  const ret = clause.body.length === 1 ? clause.body[0]! : undefined;
  if (ret === undefined || ret.type !== 'ReturnStatement' || ret.arguments.length > 3) return undefined;
  const values = ret.arguments.map((a) => value(analysis, fn, a));
  if (values.some((v) => v === undefined)) return undefined;
  const vs = values as ((args: readonly string[]) => string)[];
  const results = (args: readonly string[]): string => {
    const list = vs.map((v) => v(args));
    return list.length === 0 ? '(R.n = 0, undefined)' : `ret${list.length}(${list.join(', ')})`;
  };
  return { when: cond.yes, results };
}

/** The index of the parameter an identifier names, or -1. */
function paramIndex(analysis: Analysis, fn: FunctionInfo, e: Expression): number {
  if (e.type !== 'Identifier') return -1;
  const b = analysis.bindings.get(e);
  return b !== undefined && b.kind === 'local' ? fn.params.indexOf(b.v) : -1;
}

function constant(e: Expression): string | undefined {
  switch (e.type) {
    case 'NilLiteral':
      return 'undefined';
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'NumericLiteral':
      return jsNumber(e.value);
    case 'StringLiteral':
      return jsString(decodeStringLiteral(e.raw, e.range?.[0]));
    default:
      return undefined;
  }
}

function value(analysis: Analysis, fn: FunctionInfo, e: Expression): ((args: readonly string[]) => string) | undefined {
  const c = constant(e);
  if (c !== undefined) return () => c;
  const i = paramIndex(analysis, fn, e);
  return i < 0 ? undefined : (args) => `(${args[i]})`;
}

const ORDER = new Set(['<', '<=', '>', '>=']);

function sure(analysis: Analysis, fn: FunctionInfo, e: Expression): Sure | undefined {
  if (e.type === 'UnaryExpression' && e.operator === 'not') {
    const a = sure(analysis, fn, e.argument);
    return a === undefined ? undefined : { yes: a.no, no: a.yes };
  }
  if (e.type === 'LogicalExpression') {
    const l = sure(analysis, fn, e.left);
    const r = sure(analysis, fn, e.right);
    if (l === undefined || r === undefined) return undefined;
    // Lua evaluates the right side only after the left one, which may raise (`k >= 10 or k == nil` with k nil): the
    // right side decides only where the left one surely leaves it to it.
    return e.operator === 'and'
      ? { yes: (x) => `(${l.yes(x)} && ${r.yes(x)})`, no: (x) => `(${l.no(x)} || (${l.yes(x)} && ${r.no(x)}))` }
      : { yes: (x) => `(${l.yes(x)} || (${l.no(x)} && ${r.yes(x)}))`, no: (x) => `(${l.no(x)} && ${r.no(x)})` };
  }
  if (e.type === 'BinaryExpression' && (e.operator === '==' || e.operator === '~=')) {
    // A parameter against a constant: raw equality (__eq is only consulted between two tables or two userdata).
    const [p, c] = paramIndex(analysis, fn, e.left) >= 0 ? [e.left, e.right] : [e.right, e.left];
    const i = paramIndex(analysis, fn, p);
    const k = constant(c);
    if (i < 0 || k === undefined) return undefined;
    const eq = (x: readonly string[]) => `(${x[i]}) === ${k}`;
    const ne = (x: readonly string[]) => `(${x[i]}) !== ${k}`;
    return e.operator === '==' ? { yes: eq, no: ne } : { yes: ne, no: eq };
  }
  if (e.type === 'BinaryExpression' && ORDER.has(e.operator)) {
    // A parameter against a number: sure only when the argument is a number (else a string compare, __lt, or an error).
    const left = paramIndex(analysis, fn, e.left);
    const right = paramIndex(analysis, fn, e.right);
    const i = left >= 0 ? left : right;
    const k = constant(left >= 0 ? e.right : e.left);
    if (i < 0 || k === undefined || (left >= 0 ? e.right : e.left).type !== 'NumericLiteral') return undefined;
    const test = (x: readonly string[]) => (left >= 0 ? `(${x[i]}) ${e.operator} ${k}` : `${k} ${e.operator} (${x[i]})`);
    const num = (x: readonly string[]) => `typeof (${x[i]}) === "number"`;
    return { yes: (x) => `(${num(x)} && ${test(x)})`, no: (x) => `(${num(x)} && !(${test(x)}))` };
  }
  const c = constant(e);
  if (c !== undefined) {
    const truthy = c !== 'undefined' && c !== 'false';
    return { yes: () => (truthy ? 'true' : 'false'), no: () => (truthy ? 'false' : 'true') };
  }
  const i = paramIndex(analysis, fn, e);
  if (i < 0) return undefined;
  return {
    yes: (x) => `((${x[i]}) !== undefined && (${x[i]}) !== false)`,
    no: (x) => `((${x[i]}) === undefined || (${x[i]}) === false)`,
  };
}
