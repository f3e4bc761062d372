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
//
// Nested sites: a copy calls the copy of a known local function (itself included) as a plain call. When the callee's
// copy leaves, the caller's copy adds its frame at that call and the caller goes on as its resume form entered at the
// call, the rest of the inner call in its place; a statement left after a nested call goes on after it, with the
// call's saved result (safeSites says which statements this is exact for).
import type { AssignmentStatement, CallLike, Expression, Statement } from '../lua-ast.js';
import type { FunctionInfo, LocalVar } from '../analyze/bindings.js';
import { readsCoroutineYield, stdCallee } from '../analyze/bindings.js';
import { changesNothing } from '../analyze/known-calls.js';
import { reachesNoMetamethod } from '../analyze/value-kinds.js';
import type { ChunkEmitter } from './context.js';
import { makerOf } from './function-makers.js';

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
  /**
   * Nested sites: calls of known local functions with a copy, which the copy calls as plain calls (`f.$t(...)`). A
   * site's id `k` is a resume target inside its statement's range: the resume form entered at `k` runs the statement
   * again with the rest of the inner call in place of the call; at `k + 1` (a slow path after the call that left)
   * with the call's saved result. Its first result is kept in `$c<k>` in every form.
   */
  sites: Map<CallLike, number>;
  /** JS names of the function's own locals (parameters excluded), hoisted in both forms */
  locals: string[];
  /**
   * Store points: for each assignment, the resume id of each target that is a table or a global (0 for a local). A
   * store's slow path that leaves saves every target's table and key and every value (`$st` in the frame); the resume
   * form entered at the id does that store and the ones after it (to its left) from them, and nothing else again.
   */
  stores: Map<AssignmentStatement, number[]>;
}

/** Why a function gets no copy: the rule that refused it, where, and the statement's events (written beside its twin). */
class NotAdmitted extends Error {
  /** the line of the innermost statement refused */
  line: number | undefined;
}

/**
 * The nested sites of the statement being scanned, or undefined where none may be (a loop's or an if's head);
 * `unknown`: calls of unknown callees (methods, closures) are sites too (else they leave, as before).
 */
let siteScan: { sites: Map<CallLike, number>; alloc: () => number; unknown: boolean } | undefined;
/** Functions whose plan is being made: a call of one of them (but itself) is not a nested site. */
const planning = new WeakSet<FunctionInfo>();

/**
 * The events of a simple statement (transfer.ts events), which may hold nested sites, written `(` callee and arguments
 * `)` then N (one result used) or M (its results read from the registers right after the call). The resume form entered
 * at a site runs the statement again up to it, the sites before it giving their saved results without their callee
 * and arguments being evaluated again, and the site itself the rest of the inner call, again without its callee and
 * arguments (they are consumed by the call alone). So what runs again before a site is what is outside every site's
 * brackets but the ones it is in: there no effect (E) and no read of something a call may have changed (R: a global, a
 * field, `#`; r: an upvalue or a local a closure assigns); pure operators on locals, constants and saved results
 * compute the same values again. A place that may leave (B, R) runs the statement again from its start or after the
 * last site before it, so no effect may come before it outside closed brackets. Nothing may leave or call a site after
 * an M: its other results are not saved.
 */
function safeSites(events: string): void {
  // what runs again before the current position: the contents of the open brackets and of none closed
  const open: string[] = [''];
  for (const c of events) {
    if (c === '(') open.push('');
    else if (c === ')') open.pop();
    else {
      const again = open.join('');
      if ((c === 'N' || c === 'M') && /[ERr]/.test(again)) throw new NotAdmitted(`an effect or a changing read before a nested site (${events})`);
      if ((c === 'B' || c === 'R') && again.includes('E')) throw new NotAdmitted(`may leave after an effect (${events})`);
      open[open.length - 1] += c;
    }
  }
  // an M's other results live in the registers only: nothing may leave or run a site after it, unless the M is the
  // last argument of a site's call (`f(g())`), which alone reads them: a resume entered at or after that site does not
  // evaluate its arguments again
  for (let m = events.indexOf('M'); m >= 0; m = events.indexOf('M', m + 1)) {
    if (events[m + 1] !== ')' && /[BRNM]/.test(events.slice(m + 1))) throw new NotAdmitted(`may leave after a multi-result site (${events})`);
  }
}

/** The plan of a function that gets a transfer copy, or undefined. */
export function transferPlan(ce: ChunkEmitter, info: FunctionInfo): TransferPlan | undefined {
  if (!ce.opts.processMode || !info.suspendable || info.depth === 0) return undefined;
  if (info.hasGoto) {
    ce.transferRefusals.set(info, 'a goto or a label');
    return undefined;
  }
  const cached = ce.transferPlans.get(info);
  if (cached !== undefined || ce.transferPlans.has(info)) return cached;
  // The copy, the copy entered again and the resume form each hold the text of every function nested in this one (and
  // a loop's body twice in the second: statements.ts passesAfter), so a function holding much of it would multiply
  // the module's size; such a function (a program written as a process's main, a module's set-up) runs once, and its
  // copy would save little (a process's main is started as its twin: the runtime never calls its copy). The events
  // program as a process main grew from 0.55 MB of JS to 1.6 MB when its main became admitted, parsed at each start.
  const nested = nestedText(ce, info);
  if (nested > MAX_NESTED_TEXT) {
    ce.transferRefusals.set(info, `its nested functions are too long to copy (${nested} characters)`);
    ce.transferPlans.set(info, undefined);
    return undefined;
  }
  let plan: TransferPlan | undefined;
  const outerScan = siteScan;
  planning.add(info);
  try {
    const ranges = new Map<Statement, StmtRange>();
    const sites = new Map<CallLike, number>();
    const stores = new Map<AssignmentStatement, number[]>();
    let next = 0;
    // a site takes two ids: entered at the call, and after it
    const scan = { sites, alloc: () => (next += 2) - 1, unknown: true };
    const block = (body: Statement[]): void => {
      for (const s of body) statement(s);
    };
    const statement = (s: Statement): void => {
      try {
        statementPlan(s);
      } catch (e) {
        if (e instanceof NotAdmitted) e.line ??= s.loc.start.line;
        throw e;
      }
    };
    const statementPlan = (s: Statement): void => {
      const lo = ++next;
      const r: StmtRange = { lo, hi: lo };
      ranges.set(s, r);
      // a loop's or an if's head: no nested site (the walk enters the statement without its head)
      const safe = (events: string): void => {
        if (/[NM]/.test(events)) throw new NotAdmitted(`a nested site in a loop's or an if's head (${events})`);
        if (/E.*[BR]/.test(events)) throw new NotAdmitted(`may leave after an effect in a head (${events})`);
      };
      // A statement refused with its unknown callees as sites (a read before one of them) may still be admitted
      // with them leaving the copy, as before nested sites had them.
      const simpleStmt = (events: () => string): void => {
        const before = new Set(sites.keys());
        siteScan = scan;
        try {
          safeSites(events());
        } catch (e) {
          if (!(e instanceof NotAdmitted)) throw e;
          for (const c of [...sites.keys()]) if (!before.has(c)) sites.delete(c);
          scan.unknown = false;
          try {
            safeSites(events());
          } finally {
            scan.unknown = true;
          }
        } finally {
          siteScan = undefined;
        }
      };
      switch (s.type) {
        case 'LocalStatement':
          simpleStmt(() => list(ce, info, s.init, s.variables.length > s.init.length));
          break;
        case 'AssignmentStatement': {
          let points = false;
          simpleStmt(() => {
            let ev = '';
            for (const t of s.variables) if (t.type !== 'Identifier') ev += t.type === 'MemberExpression' ? events(ce, info, t.base) : events(ce, info, t.base) + events(ce, info, t.index);
            ev += list(ce, info, s.init, s.variables.length > s.init.length);
            // The stores come last: one that leaves (its slow path defers) goes on at its store point, which does the
            // stores left and runs nothing again, so the stores are effects only. Only where nothing before them
            // changes anything: stores after a call admitted copies that leave at nearly every call (a callback with
            // a twin) and cost more than they saved (docs/benchmarks.md, 2026-12-07 23:00).
            // (events runs again when the statement is tried with its unknown callees leaving: simpleStmt)
            points = !ev.includes('E');
            if (points) return `${ev}E`;
            // stores, right to left: a local changes the frame, a table or global store may defer first
            for (let i = s.variables.length - 1; i >= 0; i--) ev += isLocal(ce, s.variables[i]!) ? 'E' : 'BE';
            return ev;
          });
          if (points) stores.set(s, s.variables.map((t) => (isLocal(ce, t) ? 0 : ++next)));
          break;
        }
        case 'CallStatement':
          simpleStmt(() => events(ce, info, s.expression));
          break;
        case 'ReturnStatement': {
          simpleStmt(() => list(ce, info, s.arguments));
          break;
        }
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
          // goto, labels (hasGoto refuses them first)
          throw new NotAdmitted('a goto or a label');
      }
      r.hi = next;
    };
    block(info.node.body);
    if (next === 0) throw new NotAdmitted('an empty body');
    // a parameter a closure captures and something assigns would need a cell made at each form's entry
    if (info.params.some((p) => p.captured && p.reassigned)) throw new NotAdmitted('a parameter a closure captures is assigned');
    const locals: string[] = [];
    const params = new Set(info.params);
    for (const v of ce.analysis.declarations.values()) if (v.owner === info && !params.has(v)) locals.push(v.jsName);
    plan = { ranges, locals, sites, stores };
  } catch (e) {
    if (!(e instanceof NotAdmitted)) throw e;
    plan = undefined;
    ce.transferRefusals.set(info, `${e.line === undefined ? '' : `line ${e.line}: `}${e.message}`);
  } finally {
    siteScan = outerScan;
    planning.delete(info);
  }
  ce.transferPlans.set(info, plan);
  return plan;
}

function isLocal(ce: ChunkEmitter, t: Expression): boolean {
  return t.type === 'Identifier' && ce.analysis.bindings.get(t)?.kind === 'local';
}

/**
 * The events of a list of expressions, the last of which may be multi-valued (`multi`: its other results are used, as in
 * a return, a call's last argument, `local a, b = f()`; not in `x = f()`).
 */
function list(ce: ChunkEmitter, info: FunctionInfo, es: Expression[], multi = true): string {
  return es.map((e, i) => events(ce, info, e, multi && i === es.length - 1)).join('');
}

/**
 * What evaluating `e` does, in the order of its code: `B` a place the transfer copy may leave (a slow path, a call
 * that may have a twin), `R` such a place that reads what a call may change, `E` something running it again would
 * repeat (a call that may change anything), `N`/`M` a nested site (safeSites; `multi`: `e` ends a list).
 */
function events(ce: ChunkEmitter, info: FunctionInfo, e: Expression, multi = false): string {
  switch (e.type) {
    case 'Identifier': {
      const b = ce.analysis.bindings.get(e);
      if (b?.kind !== 'local') return 'R';
      // a local a call may assign: an upvalue assigned anywhere, a local of this function a closure assigns
      return (b.v.owner !== info ? b.v.reassigned : b.v.assignedByClosure) ? 'r' : '';
    }
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NilLiteral':
    case 'VarargLiteral':
      return '';
    case 'TableConstructorExpression':
      return e.fields
        .map((f, i) => (f.type === 'TableKey' ? events(ce, info, f.key) + events(ce, info, f.value)
          : events(ce, info, f.value, f.type === 'TableValue' && i === e.fields.length - 1)))
        .join('');
    case 'BinaryExpression':
      // an operator whose operands' kinds are known has no slow path that may defer (value-kinds.ts)
      return `${events(ce, info, e.left)}${events(ce, info, e.right)}${reachesNoMetamethod(ce.analysis, e) ? '' : 'B'}`;
    case 'LogicalExpression':
      return events(ce, info, e.left) + events(ce, info, e.right);
    case 'UnaryExpression':
      return events(ce, info, e.argument) + (e.operator === '#' ? 'R' : reachesNoMetamethod(ce.analysis, e) ? '' : 'B');
    case 'MemberExpression':
      return `${events(ce, info, e.base)}R`;
    case 'IndexExpression':
      return `${events(ce, info, e.base)}${events(ce, info, e.index)}R`;
    case 'CallExpression':
    case 'TableCallExpression':
    case 'StringCallExpression':
      return callEvents(ce, info, e, multi);
    case 'FunctionDeclaration':
      // making a closure changes nothing (the locals it captures are shared by every form: ChunkEmitter.celled)
      return '';
    default: {
      const never: never = e;
      throw new Error(`unknown expression ${(never as { type: string }).type}`);
    }
  }
}

function callEvents(ce: ChunkEmitter, info: FunctionInfo, e: CallLike, multi: boolean): string {
  const base = e.base;
  const callee = base.type === 'MemberExpression' && base.indexer === ':' ? `${events(ce, info, base.base)}R` : events(ce, info, base);
  const args = e.type === 'CallExpression' ? e.arguments : e.type === 'TableCallExpression' ? [e.arguments] : [e.argument];
  const argEv = list(ce, info, args);
  const ev = callee + argEv;
  const known = base.type === 'Identifier' ? ce.analysis.bindings.get(base) : undefined;
  if (known?.kind === 'local' && !known.v.reassigned && known.v.constFunction !== undefined) {
    const f = known.v.constFunction;
    if (f.suspendable) {
      // a known function with a copy (itself included) is a nested site: its copy is called plain; one without a
      // copy would make this copy leave at every call
      if (siteScan === undefined) throw new NotAdmitted(`a call of ${f.displayName} (it has a twin) in a loop's or an if's head`);
      if (f !== info && planning.has(f)) throw new NotAdmitted(`a call of ${f.displayName}, whose copy is being planned (mutual recursion)`);
      if (f !== info && transferPlan(ce, f) === undefined) throw new NotAdmitted(`a call of ${f.displayName}, which has a twin and no copy`);
      siteScan.sites.set(e, siteScan.alloc());
      // a tail call past the tail call depth is deferred (TAIL), as in the plain version: it leaves nowhere
      return `(${ev})${multi ? 'M' : 'N'}`;
    }
    return ev + (f.pure ? '' : 'E');
  }
  // tostring and string.format leave (their may-defer form returns DEFER) before any `__tostring` runs, and else
  // change nothing; print writes
  if (ce.analysis.metaCalls.has(e)) return `${ev}B${stdCallee(ce.analysis.bindings, base) === 'print' ? 'E' : ''}`;
  if (ce.analysis.plainCalls.has(e)) return ev + (effectFree(ce, e) ? '' : 'E');
  // coroutine.yield: the copy would leave at every such call, and a twin called inside a coroutine goes through its
  // driver (a recursive walk that yields: trampoline.ts), which a copy's calls do not
  if (yieldCall(ce, base)) throw new NotAdmitted('a call of coroutine.yield');
  // An unknown callee (a method, a closure) in a simple statement is a nested site: the copy calls its copy when it
  // has one, calls it plain when it has no twin, and leaves (B) before the arguments when it has a twin only
  // (calls.ts). A tail call past the tail call depth is deferred (TAIL), and the site that bounces it runs its callee's
  // copy (runtime/core/transfer.ts bounceT): it leaves nowhere.
  if (siteScan?.unknown === true) {
    siteScan.sites.set(e, siteScan.alloc());
    return `(${callee}B${argEv})${multi ? 'M' : 'N'}`;
  }
  return `${ev}BE`;
}

/** `coroutine.yield`, by its name or through a local initialised from it and never reassigned. */
function yieldCall(ce: ChunkEmitter, base: Expression): boolean {
  if (base.type === 'Identifier') {
    const b = ce.analysis.bindings.get(base);
    return b?.kind === 'local' && b.v.stdYield && !b.v.reassigned;
  }
  return readsCoroutineYield(ce.analysis.bindings, base);
}

/**
 * A call proven never to suspend whose callee is a standard function that changes nothing (known-calls.ts
 * changesNothing); string.gsub with a string literal for its replacement too (it runs no Lua code then).
 */
function effectFree(ce: ChunkEmitter, e: CallLike): boolean {
  const name = stdCallee(ce.analysis.bindings, e.base);
  if (name === 'string.gsub') return e.type === 'CallExpression' && e.arguments[2]?.type === 'StringLiteral';
  return name !== undefined && changesNothing(name);
}

/** ChunkEmitter.celled as it would be if the local's function had a transfer copy. */
function celledIfAdmitted(v: LocalVar): boolean {
  return v.captured && (v.reassigned || v.inLoop) && v.owner.suspendable && v.owner.depth > 0;
}

/** Characters of Lua source of the functions nested in one and not made by makers (transferPlan): more, and it gets no copy. */
const MAX_NESTED_TEXT = 1000;

/** Per chunk's analysis: the length of the source text of each function's directly nested functions. */
const nestedTexts = new WeakMap<object, Map<FunctionInfo, number>>();

/**
 * The length of the source text of the functions nested in `info` (their own nested ones inside it) that are embedded
 * in its forms, from one pass
 * over the chunk's functions (transferPlan asks it of each function).
 */
function nestedText(ce: ChunkEmitter, info: FunctionInfo): number {
  let lengths = nestedTexts.get(ce.analysis);
  if (lengths === undefined) {
    lengths = new Map();
    for (const f of ce.analysis.functions.values()) {
      // a function made by a maker is not in its parent's forms (function-makers.ts); whether it is depends on
      // the cells, which depend on the plans being made: guessed as if each function around it had a copy
      if (f.parent === undefined || makerOf(ce, f, celledIfAdmitted) !== undefined) continue;
      lengths.set(f.parent, (lengths.get(f.parent) ?? 0) + f.node.range[1] - f.node.range[0]);
    }
    nestedTexts.set(ce.analysis, lengths);
  }
  return lengths.get(info) ?? 0;
}
