// Emission state: one ChunkEmitter per compilation (sites for error messages, the function table for tracebacks),
// one FunctionEmitter per function body and mode (plain JS function, or generator twin).
// Source positions travel inside the JS text as markers (`\x01line:col\x02`) that module.ts turns into the source
// map, so a function's text can be built once and placed anywhere (the two bodies of a suspendable function both
// embed the text of the functions nested in it).
import type { Analysis, FunctionInfo, LocalVar } from '../analyze/bindings.js';
import type { AssignmentStatement, CallLike, Expression, Identifier, Statement } from '../lua-ast.js';
import type { StmtRange, TransferPlan } from './transfer.js';
import { transferPlan } from './transfer.js';
import { isMultiValued } from '../lua-ast.js';
import type { FrontEndExtras } from '../front-end.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';

/**
 * 'plain': the plain JS function; 'gen': the generator twin; 'transfer', 'reenter' and 'resume': the transfer copy,
 * the transfer copy entered again where it left, and the resume form of a function with a transfer plan (transfer.ts).
 */
export type Mode = 'plain' | 'gen' | 'transfer' | 'reenter' | 'resume';

export interface EmitOptions {
  chunkName: string;
  processMode: boolean;
  /** the plain Lua text luaparse read (for parenthesised expressions, which luaparse does not mark) */
  source: string;
  /** comment ranges, sorted, to skip while looking at the text around an expression */
  comments: [number, number][];
}

export class ChunkEmitter {
  /** site id → [line, ...descriptions of the operands involved] */
  readonly sites: (number | string)[][] = [];
  private readonly siteIndex = new Map<string, number>();
  /** text of each function value, built once: nested functions are placed in both bodies of their parent */
  readonly functionText = new Map<FunctionInfo['node'], string>();
  /** transfer.ts: each function's transfer plan, undefined for a function without one */
  readonly transferPlans = new Map<FunctionInfo, TransferPlan | undefined>();
  /** transfer.ts: why a function with a twin got no copy (a comment beside its twin in the generated code) */
  readonly transferRefusals = new Map<FunctionInfo, string>();
  /** functions.ts passCells: per function value, the per-pass cells of its parent that it names */
  readonly passCells = new Map<FunctionInfo['node'], string[]>();
  /** function-makers.ts: the makers' declarations, put at the top of the chunk's function */
  readonly makers: string[] = [];
  /** functions.ts frameMaker: the frame helpers made so far, by function and fields, and their declarations */
  readonly frameMakers = new Map<string, string>();
  readonly frameHelpers: string[] = [];
  /**
   * Problems found while emitting (goto rules, ambiguous calls): collected, so one compile reports all of them; the
   * emitted text is discarded when there are any. Keyed by position and code: a body emitted twice (plain and
   * generator twin) reports once.
   */
  private readonly problems = new Map<string, Diagnostic>();
  constructor(
    readonly analysis: Analysis,
    readonly opts: EmitOptions,
    readonly extras: FrontEndExtras,
  ) {
    if (opts.processMode) preemptRecursion(analysis);
  }

  /** Records a problem at `line` and 1-based `column` (of the plain Lua text), the caret `length` characters wide. */
  report(code: DiagnosticCode, message: string, line: number, column: number, length: number): void {
    const key = `${line}:${column}:${code}`;
    if (!this.problems.has(key)) this.problems.set(key, { code, message, file: '', line, column, length });
  }

  /** The problems reported, in source order, for the file `file`. */
  diagnostics(file: string): Diagnostic[] {
    return [...this.problems.values()]
      .sort((a, b) => a.line - b.line || a.column - b.column)
      .map((d) => ({ ...d, file }));
  }

  site(line: number, ...descs: string[]): number {
    const key = `${line}\x00${descs.join('\x00')}`;
    let id = this.siteIndex.get(key);
    if (id === undefined) {
      id = this.sites.length;
      this.sites.push([line, ...descs]);
      this.siteIndex.set(key, id);
    }
    return id;
  }

  /**
   * Whether `e` is wrapped in parentheses of its own: `(f())` and `(...)` give exactly one value (Lua 5.1 §2.5).
   * luaparse 0.3.1 drops the parentheses, so the text around the expression's range is read; the parentheses of a
   * call whose only argument is `e` do not count.
   */
  parenthesized(e: { range: [number, number] }, soleCallArgument: boolean): boolean {
    let lo = e.range[0] - 1;
    let hi = e.range[1];
    let depth = 0;
    for (;;) {
      lo = this.skipBack(lo);
      hi = this.skipForward(hi);
      if (this.opts.source[lo] !== '(' || this.opts.source[hi] !== ')') break;
      depth++;
      lo--;
      hi++;
    }
    return depth > (soleCallArgument ? 1 : 0);
  }

  private skipBack(i: number): number {
    const src = this.opts.source;
    for (;;) {
      while (i >= 0 && /\s/.test(src[i]!)) i--;
      const c = this.commentAt(i);
      if (c === undefined) return i;
      i = c[0] - 1;
    }
  }

  private skipForward(i: number): number {
    const src = this.opts.source;
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      const c = this.commentAt(i);
      if (c === undefined) return i;
      i = c[1];
    }
  }

  private commentAt(i: number): [number, number] | undefined {
    const cs = this.opts.comments;
    let lo = 0;
    let hi = cs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cs[mid]!;
      if (i < c[0]) hi = mid - 1;
      else if (i >= c[1]) lo = mid + 1;
      else return c;
    }
    return undefined;
  }

  /** A call or `...` that is not parenthesised: it gives all its values when last in a list. */
  isMulti(e: Expression, soleCallArgument = false): boolean {
    return isMultiValued(e) && !this.parenthesized(e, soleCallArgument);
  }

  /**
   * Whether the local `v` lives in a cell (`{ v: value }`, read and written as `x$3.v` by every function that names
   * it): a local of a function with a transfer copy (transfer.ts) that a nested function captures and that is
   * assigned after its declaration or declared in a loop. The copy, the copy entered again and the resume form each
   * have their own JS variables, restored from the frame; a closure made in one of them sees that one's variables,
   * so a value that may change (or a binding made afresh at each pass, which hoisting would merge) must be one object
   * that the frame carries. A captured local assigned once and outside loops needs none: every form holds the same
   * value. The plain version and the twin share the nested functions' text, so they use the cell too.
   */
  celled(v: LocalVar): boolean {
    return v.captured && (v.reassigned || v.inLoop) && transferPlan(this, v.owner) !== undefined;
  }

  functionInfo(node: FunctionInfo['node']): FunctionInfo {
    const f = this.analysis.functions.get(node);
    if (f === undefined) throw new Error('internal: function not analysed');
    return f;
  }
}

/**
 * Process mode (issue 4, fairness): a local function on a cycle of direct calls (`local function f(n) return f(n + 1)
 * end`, naive fib, mutual recursion) can compute without end and without a loop back-edge, so it must run as a
 * generator twin, whose entry counts the budget (emit/functions.ts). The analysis proves such calls plain when nothing
 * else suspends; this marks the cycles suspendable, spreads that to their callers as analyze.ts's fixpoint does, and
 * takes their calls out of `plainCalls`. A function that is on no cycle and has no loop runs for a bounded time.
 */
export function preemptRecursion(analysis: Analysis): void {
  const fns = [...analysis.functions.values()];
  // Tarjan's strongly connected components over the `callees` edges.
  const index = new Map<FunctionInfo, number>();
  const low = new Map<FunctionInfo, number>();
  const onStack = new Set<FunctionInfo>();
  const stack: FunctionInfo[] = [];
  let next = 0;
  const visit = (f: FunctionInfo): void => {
    index.set(f, next);
    low.set(f, next);
    next++;
    stack.push(f);
    onStack.add(f);
    for (const c of f.callees) {
      if (!index.has(c)) {
        visit(c);
        low.set(f, Math.min(low.get(f)!, low.get(c)!));
      } else if (onStack.has(c)) low.set(f, Math.min(low.get(f)!, index.get(c)!));
    }
    if (low.get(f) !== index.get(f)) return;
    const scc: FunctionInfo[] = [];
    let g: FunctionInfo;
    do {
      g = stack.pop()!;
      onStack.delete(g);
      scc.push(g);
    } while (g !== f);
    if (scc.length > 1 || f.callees.has(f)) for (const h of scc) h.suspendsItself = h.suspendable = true;
  };
  for (const f of fns) if (!index.has(f)) visit(f);
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of fns) {
      if (f.suspendable) continue;
      for (const c of f.callees) {
        if (c.suspendable) {
          f.suspendable = changed = true;
          break;
        }
      }
    }
  }
  for (const call of analysis.plainCalls) {
    if (call.base.type !== 'Identifier') continue;
    const b = analysis.bindings.get(call.base);
    if (b !== undefined && b.kind === 'local' && b.v.constFunction?.suspendable === true) analysis.plainCalls.delete(call);
  }
}

export function marker(line: number, column: number): string {
  return `\x01${line}:${column}\x02`;
}

export class FunctionEmitter {
  private tempCount = 0;
  private tempTop = 0;
  /** JS labels of the enclosing Lua loops, innermost last (Lua `break` leaves the innermost) */
  readonly loops: string[] = [];
  private labelCount = 0;
  /** locals whose `let` was hoisted above a goto region: assigned, not declared, at their statement */
  readonly hoisted = new Set<string>();
  /** goto.ts: the label frames visible to the gotos being emitted (opaque here) */
  readonly gotoFrames: unknown[] = [];
  /**
   * Generator mode: the places emitted so far where this function's own code yields (a call through a twin, a
   * may-defer slow path, a budget check); statements.ts keeps a loop with none in its body free of yields (hotLoop).
   */
  yieldSites = 0;
  /** transfer and resume modes: the statements' resume targets (transfer.ts) */
  readonly ranges: Map<Statement, StmtRange> | undefined;
  /** transfer mode: the id of the statement being emitted, where a place inside it leaves to */
  stmt = 0;
  /** transfer and resume modes: the nested sites (transfer.ts), and the last one emitted in the statement (0: none) */
  readonly sites: Map<CallLike, number> | undefined;
  lastSite = 0;
  /** transfer and resume modes: the store points of the assignments (transfer.ts TransferPlan.stores) */
  readonly stores: Map<AssignmentStatement, number[]> | undefined;
  /**
   * Transfer mode, while a store of an assignment with a store point is emitted: where its slow path leaves to, and
   * the JS array of the saved tables, keys and values it hands over (the frame's `$st`)
   */
  storePoint: { id: number; saved: string } | undefined;
  /** transfer mode: the locals and loop temps in scope at each nested site (the frame its catch saves) */
  readonly siteLive = new Map<number, string[]>();
  /**
   * Transfer and resume modes: the temps holding loop state (limits, steps, iterators), in the order made; both forms
   * must make the same ones, as the frame is handed over by temp name (functions.ts checks).
   */
  readonly loopTemps: string[] = [];
  /**
   * Transfer mode: the locals and loop temps in scope at the code being emitted (parameters aside). A place that
   * leaves passes these and `undefined` for the rest of the frame: a hoisted variable named where it is out of scope
   * would keep its value from an earlier pass alive, and V8 would then box every float assigned to it.
   */
  readonly live: string[] = [];
  /** the live sets of the places that leave, in order; `\x03n\x03` in the text stands for the frame of the n-th */
  readonly frames: string[][] = [];
  /** the saved stores (`$st`) of the n-th place that leaves, where it is a store point */
  readonly frameStores: (string | undefined)[] = [];
  /** transfer mode: per loop's back-edge id, the frame its copy leaves with from after the loop (statements.ts loopBail) */
  readonly loopBails = new Map<number, string>();

  constructor(
    readonly ce: ChunkEmitter,
    readonly info: FunctionInfo,
    readonly mode: Mode,
    plan?: TransferPlan,
  ) {
    this.ranges = plan?.ranges;
    this.sites = plan?.sites;
    this.stores = plan?.stores;
    if (plan !== undefined) for (const n of plan.locals) this.hoisted.add(n);
  }

  /** generator code: the twin, and the resume form */
  get gen(): boolean {
    return this.mode === 'gen' || this.mode === 'resume';
  }

  /** plain code that leaves where the twin would give way: the transfer copy, also entered again */
  get transfer(): boolean {
    return this.mode === 'transfer' || this.mode === 'reenter';
  }

  get resume(): boolean {
    return this.mode === 'resume';
  }

  /**
   * Code entered in the middle, walking down to the resume target `$rs`: the resume form and the transfer copy entered
   * again. (The copy a call starts in has no walk: its guards would make V8 merge every local with its value from
   * before each guarded statement, and box every float.)
   */
  get walks(): boolean {
    return (this.mode === 'resume' || this.mode === 'reenter') && this.flat === 0;
  }

  /**
   * The copy entered again: above 0 while the passes of a loop after the one it was entered in are emitted, plain
   * code with no walk (statements.ts passesAfter).
   */
  flat = 0;

  /**
   * Transfer mode: the frame of a place that leaves here and the form leaving (`frame, self`, the last arguments of
   * bailAt and bailB: put in once the frame's layout is known).
   */
  frameRef(): string {
    this.frameStores[this.frames.length] = this.storePoint?.saved;
    this.frames.push([...this.live]);
    return `\x03${this.frames.length - 1}\x03`;
  }

  /** Transfer mode: where a place that leaves in the current statement resumes: after its last nested site, or its start. */
  leaveTarget(): number {
    if (this.storePoint !== undefined) return this.storePoint.id;
    return this.lastSite !== 0 ? this.lastSite + 1 : this.stmt;
  }

  /** The temps made so far (declared at the top of the function). */
  get temps(): number {
    return this.tempCount;
  }

  temp(): string {
    const n = ++this.tempTop;
    if (n > this.tempCount) this.tempCount = n;
    return `$${n}`;
  }

  /** Temps are reused between statements: a statement releases what it took. */
  tempMark(): number {
    return this.tempTop;
  }

  tempRelease(mark: number): void {
    this.tempTop = mark;
  }

  /** Extra function-level variables (shared generator twins of nested functions, emit/functions.ts). */
  private readonly extraVars = new Set<string>();

  declareVar(name: string): void {
    this.extraVars.add(name);
  }

  tempDeclarations(): string {
    if (this.tempCount === 0 && this.extraVars.size === 0) return '';
    const names: string[] = [];
    for (let i = 1; i <= this.tempCount; i++) names.push(`$${i}`);
    names.push(...this.extraVars);
    return `let ${names.join(', ')};`;
  }

  newLabel(prefix: string): string {
    return `${prefix}${++this.labelCount}`;
  }

  /** Description of a name for error messages: "local 'x'", "global 'x'", "upvalue 'x'". */
  describe(id: Identifier): string {
    const b = this.ce.analysis.bindings.get(id);
    if (b === undefined || b.kind === 'global') return `global '${id.name}'`;
    return b.v.owner === this.info ? `local '${id.name}'` : `upvalue '${id.name}'`;
  }

  jsName(id: Identifier): string {
    const b = this.ce.analysis.bindings.get(id);
    if (b === undefined || b.kind !== 'local') throw new Error(`internal: ${id.name} is not a local`);
    return b.v.jsName;
  }
}
