// Frame transfer (process mode, issue 15): a function that has a generator twin may also get a *transfer copy* — its
// plain code, no generator, run by twin callers through transferY (runtime/core/transfer.ts) — and a *resume form*,
// the twin entered in the middle. Where the twin would give way (a budget check at an entry or a loop back-edge, a
// may-defer slow path whose handler must run, a call of something with a twin), the transfer copy instead records
// where it was and every local and temp of its frame and unwinds (bailAt, an exception); the caller then runs the
// resume form from there, which gives way as the twin would. So a call that never has to give way (nearly every call
// of a leaf loop: a numeric kernel, a table walk) costs a plain call, not a generator, and its loops are plain loops.
//
// Where the copy resumes: at the start of the statement it left (a slow path or call inside one), or at the end of a
// loop's body (its back-edge check). A statement is run again from its start, so this file admits only functions in
// which no statement can leave after doing something that running it again would repeat ("replay-safe": in the
// evaluation order of its code, no place that may leave comes after a call that changes anything or a store). The
// transfer copy defers every metamethod handler (runtime/core/defer.ts defers(), TRANSFER.on), so no handler has run
// inside a statement that is left. Locals are hoisted to function-level variables in both forms (no closure may see
// them: functions that make closures are not admitted), so one array holds the whole frame.
import type { CallLike, Expression, Statement } from '../lua-ast.js';
import type { FunctionInfo } from '../analyze/bindings.js';
import { PURE_GLOBALS, PURE_LIBRARIES } from '../analyze/known-calls.js';
import type { ChunkEmitter } from './context.js';

/** Where a statement's resume targets are: its own id, the ids of everything inside it, a loop's body end. */
export interface StmtRange {
  /** the statement's id: resuming here runs it again from its start */
  lo: number;
  /** the largest id inside it (its own when it holds no statement) */
  hi: number;
  /** a loop: the id of the end of its body (its back-edge) */
  end?: number;
  /** a repeat loop: the id of its `until` test */
  until?: number;
}

export interface TransferPlan {
  ranges: Map<Statement, StmtRange>;
  /** JS names of the function's own locals (parameters excluded), hoisted in both forms */
  locals: string[];
}

/** Calls that change nothing (running one again is invisible), beyond the pure standard functions. */
const EFFECT_FREE_GLOBALS: ReadonlySet<string> = new Set([...PURE_GLOBALS, 'pairs', 'ipairs', 'next']);

class NotAdmitted extends Error {}

/** The plan of a function that gets a transfer copy, or undefined. */
export function transferPlan(ce: ChunkEmitter, info: FunctionInfo): TransferPlan | undefined {
  if (!ce.opts.processMode || !info.suspendable || info.depth === 0 || info.hasGoto) return undefined;
  const cached = ce.transferPlans.get(info);
  if (cached !== undefined || ce.transferPlans.has(info)) return cached;
  let plan: TransferPlan | undefined;
  try {
    const ranges = new Map<Statement, StmtRange>();
    let next = 0;
    const block = (body: Statement[]): void => {
      for (const s of body) statement(s);
    };
    const statement = (s: Statement): void => {
      const lo = ++next;
      const r: StmtRange = { lo, hi: lo };
      ranges.set(s, r);
      const safe = (events: string): void => {
        if (/E.*B/.test(events)) throw new NotAdmitted();
      };
      switch (s.type) {
        case 'LocalStatement':
          safe(list(ce, info, s.init));
          break;
        case 'AssignmentStatement': {
          // `t.x, t.y = x, y` over locals and constants only: a store left undone leaves the ones before it done,
          // raw stores of the same values that running the statement again repeats without a difference
          if (s.variables.every((t) => t.type !== 'Identifier' && simple(ce, t.base) && (t.type === 'MemberExpression' || simple(ce, t.index)))
            && s.init.every((e) => simple(ce, e))) break;
          let ev = '';
          for (const t of s.variables) if (t.type !== 'Identifier') ev += t.type === 'MemberExpression' ? events(ce, info, t.base) : events(ce, info, t.base) + events(ce, info, t.index);
          ev += list(ce, info, s.init);
          // stores, right to left: a local changes the frame, a table or global store may defer first
          for (let i = s.variables.length - 1; i >= 0; i--) ev += isLocal(ce, s.variables[i]!) ? 'E' : 'BE';
          safe(ev);
          break;
        }
        case 'CallStatement':
          safe(events(ce, info, s.expression));
          break;
        case 'ReturnStatement':
          safe(list(ce, info, s.arguments));
          break;
        case 'IfStatement':
          safe(s.clauses.map((c) => (c.type === 'ElseClause' ? '' : events(ce, info, c.condition))).join(''));
          for (const c of s.clauses) block(c.body);
          break;
        case 'WhileStatement':
          safe(events(ce, info, s.condition));
          block(s.body);
          r.end = ++next;
          break;
        case 'RepeatStatement':
          block(s.body);
          safe(events(ce, info, s.condition));
          r.until = ++next;
          r.end = ++next;
          break;
        case 'DoStatement':
          block(s.body);
          break;
        case 'ForNumericStatement':
          safe(list(ce, info, [s.start, s.end, ...(s.step === null ? [] : [s.step])]));
          block(s.body);
          r.end = ++next;
          break;
        case 'ForGenericStatement':
          // the iterator is checked once, before the first pass: one with a twin leaves here
          safe(`${list(ce, info, s.iterators)}B`);
          block(s.body);
          r.end = ++next;
          break;
        case 'BreakStatement':
          break;
        case 'FunctionDeclaration':
          // making a closure changes nothing; `function a.b()` and a global one store it (closures share the
          // captured locals through cells: ChunkEmitter.celled)
          if (!s.isLocal) safe(`${s.identifier?.type === 'MemberExpression' ? events(ce, info, s.identifier.base) : ''}BE`);
          break;
        default:
          // goto, labels
          throw new NotAdmitted();
      }
      r.hi = next;
    };
    block(info.node.body);
    if (next === 0) throw new NotAdmitted();
    // a parameter a closure captures and something assigns would need a cell made at each form's entry
    if (info.params.some((p) => p.captured && p.reassigned)) throw new NotAdmitted();
    const locals: string[] = [];
    const params = new Set(info.params);
    for (const v of ce.analysis.declarations.values()) if (v.owner === info && !params.has(v)) locals.push(v.jsName);
    plan = { ranges, locals };
  } catch (e) {
    if (!(e instanceof NotAdmitted)) throw e;
    plan = undefined;
  }
  ce.transferPlans.set(info, plan);
  return plan;
}

/** A local or a constant: reading it again reads the same while nothing assigns locals. */
function simple(ce: ChunkEmitter, e: Expression): boolean {
  return isLocal(ce, e) || e.type === 'NumericLiteral' || e.type === 'StringLiteral' || e.type === 'BooleanLiteral' || e.type === 'NilLiteral';
}

function isLocal(ce: ChunkEmitter, t: Expression): boolean {
  return t.type === 'Identifier' && ce.analysis.bindings.get(t)?.kind === 'local';
}

function list(ce: ChunkEmitter, info: FunctionInfo, es: Expression[]): string {
  return es.map((e) => events(ce, info, e)).join('');
}

/**
 * What evaluating `e` does, in the order of its code: `B` a place the transfer copy may leave (a slow path, a call
 * that may have a twin), `E` something running it again would repeat (a call that may change anything).
 */
function events(ce: ChunkEmitter, info: FunctionInfo, e: Expression): string {
  switch (e.type) {
    case 'Identifier':
      return ce.analysis.bindings.get(e)?.kind === 'local' ? '' : 'B';
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NilLiteral':
    case 'VarargLiteral':
      return '';
    case 'TableConstructorExpression':
      return e.fields
        .map((f) => (f.type === 'TableKey' ? events(ce, info, f.key) + events(ce, info, f.value) : events(ce, info, f.value)))
        .join('');
    case 'BinaryExpression':
      return `${events(ce, info, e.left)}${events(ce, info, e.right)}B`;
    case 'LogicalExpression':
      return events(ce, info, e.left) + events(ce, info, e.right);
    case 'UnaryExpression':
      return events(ce, info, e.argument) + (e.operator === 'not' ? '' : 'B');
    case 'MemberExpression':
      return `${events(ce, info, e.base)}B`;
    case 'IndexExpression':
      return `${events(ce, info, e.base)}${events(ce, info, e.index)}B`;
    case 'CallExpression':
    case 'TableCallExpression':
    case 'StringCallExpression':
      return callEvents(ce, info, e);
    case 'FunctionDeclaration':
      // making a closure changes nothing (the locals it captures are shared by every form: ChunkEmitter.celled)
      return '';
    default: {
      const never: never = e;
      throw new Error(`unknown expression ${(never as { type: string }).type}`);
    }
  }
}

function callEvents(ce: ChunkEmitter, info: FunctionInfo, e: CallLike): string {
  const base = e.base;
  let ev = base.type === 'MemberExpression' && base.indexer === ':' ? `${events(ce, info, base.base)}B` : events(ce, info, base);
  const args = e.type === 'CallExpression' ? e.arguments : e.type === 'TableCallExpression' ? [e.arguments] : [e.argument];
  ev += list(ce, info, args);
  const known = base.type === 'Identifier' ? ce.analysis.bindings.get(base) : undefined;
  if (known?.kind === 'local' && !known.v.reassigned && known.v.constFunction !== undefined) {
    const f = known.v.constFunction;
    // A known function with a twin would leave on every call, or, pure, run as pure attempts (pure-call.ts), which
    // serve recursion better: a chain of resume forms is deeper on the JS stack than the chain of twins.
    if (f.suspendable) throw new NotAdmitted();
    return ev + (f.pure ? '' : 'E');
  }
  if (ce.analysis.metaCalls.has(e)) return `${ev}BE`;
  if (ce.analysis.plainCalls.has(e)) return ev + (effectFree(ce, e) ? '' : 'E');
  return `${ev}BE`;
}

/** A call proven never to suspend whose callee is a standard function that changes nothing. */
function effectFree(ce: ChunkEmitter, e: CallLike): boolean {
  const base = e.base;
  if (base.type === 'Identifier') {
    const b = ce.analysis.bindings.get(base);
    if (b?.kind === 'global') return EFFECT_FREE_GLOBALS.has(b.name);
    return b?.kind === 'local' && b.v.stdPure && !b.v.reassigned;
  }
  if (base.type !== 'MemberExpression' || base.indexer !== '.' || base.base.type !== 'Identifier') return false;
  const lib = ce.analysis.bindings.get(base.base);
  if (lib?.kind !== 'global') return false;
  const except = PURE_LIBRARIES.get(lib.name);
  return except !== undefined && !except.has(base.identifier.name);
}
