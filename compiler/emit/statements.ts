// Statements to JS. Every Lua local is a JS `let` declared where the Lua local is (so closures in loops capture a
// fresh binding per iteration), loops carry JS labels for `break`, and goto/labels are lowered per block by goto.ts.
import { TRANSFER_GIVE_UP } from '../../abi/index.js';
import type {
  AssignmentStatement, Expression, ForGenericStatement, ForNumericStatement, FunctionDeclaration, LocalStatement,
  Identifier, ReturnStatement, Statement, CallLike,
} from '../lua-ast.js';
import { isCallLike } from '../lua-ast.js';
import { marker, type FunctionEmitter } from './context.js';
import { bind, describeOperand, emitCond, emitExpr, emitMultiArray, tableTest } from './expressions.js';
import { emitCall } from './calls.js';
import { emitFunction } from './functions.js';
import { jsString, propAny, type Js } from './js.js';
import type { LocalVar } from '../analyze/bindings.js';
import { slowOp } from './slow-ops.js';
import { emitGoto, emitGotoBlock, hasLabels, type BlockTail } from './goto.js';
import type { StmtRange } from './transfer.js';

/** `tail`: code run after the block in its scope (a repeat's `until` test; see goto.ts). */
export function emitBlock(fx: FunctionEmitter, body: Statement[], tail?: BlockTail): string {
  if (hasLabels(body)) return emitGotoBlock(fx, body, tail);
  return body.map((s) => emitStatement(fx, s)).join('\n');
}

export function emitStatement(fx: FunctionEmitter, s: Statement): string {
  const mark = fx.tempMark();
  const range = fx.ranges?.get(s);
  const outer = fx.stmt;
  const outerSite = fx.lastSite;
  if (range !== undefined) fx.stmt = range.lo;
  fx.lastSite = 0;
  const live = fx.live.length;
  // The copy entered again is entered only where its budget ran out, at its entry or a loop's back-edge: a statement
  // with no loop in it holds none of its targets, so the walk skips it whole and it runs plain once the walk is done.
  const whole = range !== undefined && fx.mode === 'reenter' && fx.walks && range.lo !== 1 && !holdsLoop(fx, range);
  if (whole) fx.flat++;
  let code = marker(s.loc.start.line, s.loc.start.column + 1) + statementCode(fx, s);
  if (whole) fx.flat--;
  if (range?.end !== undefined && fx.transfer) code = loopBail(fx, range.end, code);
  // what a compound statement declares ends with it (a local statement's names stay in scope, as a local function's)
  if (s.type !== 'LocalStatement' && !(s.type === 'FunctionDeclaration' && s.isLocal)) fx.live.length = live;
  fx.stmt = outer;
  fx.lastSite = outerSite;
  fx.tempRelease(mark);
  // The resume form and the transfer copy entered again walk down to their target (`$rs`, transfer.ts): a statement
  // before it is skipped, one holding it is entered without its head, the target itself runs from its start.
  if (whole) code = `if ($rs === 0) {\n${code}\n}`;
  else if (fx.walks && range !== undefined) {
    code = `if ($rs === ${range.lo}) $rs = 0;\nif (${range.hi === range.lo ? '$rs === 0' : `$rs <= ${range.hi}`}) {\n${code}\n}`;
  }
  return code;
}

const loopCalls = new WeakMap<Statement, boolean>();

/** Whether a loop's body or head holds a call (of anything; a nested function's body is not run by the loop). */
function callsIn(loop: Statement): boolean {
  let r = loopCalls.get(loop);
  if (r === undefined) {
    const seek = (n: unknown): boolean => {
      if (Array.isArray(n)) return n.some(seek);
      if (n === null || typeof n !== 'object') return false;
      const t = (n as { type?: unknown }).type;
      if (t === 'CallExpression' || t === 'StringCallExpression' || t === 'TableCallExpression') return true;
      if (t === 'FunctionDeclaration') return false;
      for (const [k, v] of Object.entries(n)) if (k !== 'loc' && k !== 'range' && seek(v)) return true;
      return false;
    };
    r = seek(loop);
    loopCalls.set(loop, r);
  }
  return r;
}

/**
 * A loop of the transfer copy (or the copy entered again) whose budget ran out at its back-edge `end` breaks out of
 * the block around it, and the copy leaves there with the frame of the back-edge (preemption).
 */
function loopBail(fx: FunctionEmitter, end: number, code: string): string {
  const frame = fx.loopBails.get(end);
  if (frame === undefined) return code;
  fx.loopBails.delete(end);
  return `B${end}: {\n${code}\n}\nif ($lv) bailB(${end}, ${frame});`;
}

/** Whether the statement of `range` is a loop or holds one (its body end is a target of the copy entered again). */
function holdsLoop(fx: FunctionEmitter, range: StmtRange): boolean {
  for (const r of fx.ranges!.values()) if (r.end !== undefined && r.end >= range.lo && r.end <= range.hi) return true;
  return false;
}

/** The end of a loop's body, a resume target of the resume form (the back-edge check follows). */
function bodyEnd(fx: FunctionEmitter, loop: Statement): string {
  const end = fx.walks ? fx.ranges?.get(loop)?.end : undefined;
  return end === undefined ? '' : `\nif ($rs === ${end}) $rs = 0;`;
}

/** The resume form's head of a loop or clause: `test` is skipped while walking down to a target inside. */
function headTest(fx: FunctionEmitter, test: string, walking = 'true'): string {
  return fx.walks ? `($rs !== 0 ? ${walking} : ${test})` : test;
}

/** Code a loop runs once before its first pass (its limits, its iterator): skipped when the resume form enters it. */
function onEntry(fx: FunctionEmitter, code: string): string {
  return fx.walks ? `if ($rs === 0) { ${code} }` : code;
}

/**
 * The copy entered again (`reenter`) runs a loop it is entered in as the pass it enters, walking down to its target
 * (the guarded statements), and then the loop's later passes as plain code, its body emitted a second time with no
 * walk (`fx.flat`). Walking guards in every pass made V8 merge each local with its value from before each guarded
 * statement: a float kernel entered again at every pause took 2.6x the CPU of the same copy never left; with the later
 * passes plain, 0.78x of that (docs/benchmarks.md, 2026-12-07 22:30). The resume form does the same (its later passes
 * are twin code with no walk): a loop whose callee paused at a nested site runs the rest of its passes there
 * (statemachine's tokenizer, 1.17x the CPU with the guards in every pass).
 */
function passesAfter(fx: FunctionEmitter): boolean {
  return (fx.mode === 'reenter' || fx.mode === 'resume') && fx.walks;
}

/** Emits `emit()` as plain code with no walk (passesAfter); `live`: fx.live where the body starts. */
function flat(fx: FunctionEmitter, live: number, emit: () => string): string {
  const temps = fx.loopTemps.length;
  fx.live.length = live;
  fx.flat++;
  try {
    return emit();
  } finally {
    fx.flat--;
    // the forms agree on their loop temps (functions.ts): the second emission's are the first's again
    fx.loopTemps.length = temps;
  }
}

/**
 * The budget check of process mode at loop back-edges: a spinning process gives way (docs/architecture.md). A plain
 * version (run where nothing can yield: a metamethod, a library callback) counts too, for the backstop
 * (runtime/core/preempt.ts).
 */
export function preemption(fx: FunctionEmitter, loop: Statement): string {
  if (!fx.ce.opts.processMode) return '';
  const end = bodyEnd(fx, loop);
  // the loop's body end: where a copy entered again goes on
  const target = fx.transfer || fx.resume ? fx.ranges!.get(loop)!.end! : 0;
  // The transfer copy leaves to give way, and is entered again at this loop's body end (transfer.ts). A loop that
  // calls nothing leaves from after the loop (loopBail): a frame built inside it, even on a branch never taken, cost
  // mandelbrot's copy a quarter of its CPU (0.33 s against 0.26 s); nbody's loop, which calls math.sqrt, took 1.3x
  // the CPU leaving from after the loop (both measured as process mains, 2026-12-08).
  if (fx.transfer && callsIn(loop)) return `${end}\nif (--BUDGET.n < 0 && leaveDue()) bailB(${target}, ${fx.frameRef()});`;
  if (fx.transfer) {
    fx.loopBails.set(target, fx.frameRef());
    fx.declareVar('$lv');
    return `${end}\nif (--BUDGET.n < 0 && leaveDue()) { $lv = true; break B${target}; }`;
  }
  if (fx.gen) {
    fx.yieldSites++;
    // The resume form goes back to plain code at a back-edge: its driver runs the rest of the call as the copy
    // entered again here (runtime/core/transfer.ts toCopy, drive), unless the function backs off (its copy keeps
    // leaving; for good after TRANSFER_GIVE_UP such leaves). Else a call whose callee's copy left once (its budget ran
    // out in a nested call) ran all its later passes as generator code. (`this` is the function: a resume form is
    // always called as `f.$r`.)
    if (fx.resume) {
      return `${end}\nif (--BUDGET.n < 0) yield* preemptY();\n` +
        `if (this.$b.tf < ${TRANSFER_GIVE_UP} && (this.$b.ts === 0 || --this.$b.ts === 0)) return toCopy(${target}, ${fx.frameRef()});`;
    }
    return `${end}\nif (--BUDGET.n < 0) yield* preemptY();`;
  }
  // positioned at the loop: the backstop's error names the line of the loop it stopped
  return `\n${marker(loop.loc.start.line, loop.loc.start.column + 1)}if (--BUDGET.p < 0) BUDGET.out();`;
}

/**
 * A loop of generator code whose body and test have no yield of their own (`yieldsBefore`: the function's count of
 * yield places before them) keeps its budget check's yield outside it: V8 compiles a loop that contains a resume
 * point of its generator with the values live across it in tagged form (a float is boxed at each pass), which made
 * process-mode numeric loops 4-5x slower than the same loop in a plain function. Here the check leaves the loop for
 * the yield, and the loop is entered again where it was, at its test (`flag`: a temp taken before the body, set when
 * the loop was left to give way):
 *
 *   for (;;) { flag = false; L: while (test) { body; if (--BUDGET.n < 0) { <advance>; flag = true; break L; } }
 *     if (!flag) break; yield* preemptY(); }
 *
 * (A labelled block left by `break` instead of the flag keeps V8 from the fast loop.) `loop(check)` makes the loop
 * with `check` as its back-edge check; `advance` is what the loop does between a back-edge and its test (a numeric
 * for's step). Undefined when the loop yields itself: its back-edge check is then the usual one (preemption()).
 */
function hotLoop(
  fx: FunctionEmitter, yieldsBefore: number, flag: string | undefined, label: string, loop: (check: string) => string, advance = '',
): string | undefined {
  if (flag === undefined || fx.yieldSites !== yieldsBefore) return undefined;
  // the retry loop's own yield is a yield place of any loop around it
  fx.yieldSites++;
  const check = `\nif (--BUDGET.n < 0) { ${advance}${flag} = true; break ${label}; }`;
  return `for (;;) {\n${flag} = false;\n${loop(check)}\nif (!${flag}) break;\nyield* preemptY();\n}`;
}

/** The flag of a loop that may become a hot loop (hotLoop): a temp, in process-mode generator code only. */
function hotFlag(fx: FunctionEmitter): string | undefined {
  // not in the resume form, which runs the rest of one call only and must be entered mid-loop
  return fx.mode === 'gen' && fx.ce.opts.processMode ? fx.temp() : undefined;
}

function statementCode(fx: FunctionEmitter, s: Statement): string {
  switch (s.type) {
    case 'LocalStatement':
      return emitLocal(fx, s);
    case 'AssignmentStatement':
      return emitAssignment(fx, s);
    case 'CallStatement':
      return `${emitCall(fx, s.expression, 'stmt')};`;
    case 'ReturnStatement':
      return emitReturn(fx, s);
    case 'IfStatement': {
      let out = '';
      const live = fx.live.length;
      const block = (body: Statement[]) => {
        const code = emitBlock(fx, body);
        fx.live.length = live;
        return code;
      };
      s.clauses.forEach((c, i) => {
        if (c.type === 'ElseClause') out += ` else {\n${block(c.body)}\n}`;
        else {
          // walking down, the clause holding the target is taken without its test
          const ids = c.body.map((b) => fx.ranges?.get(b)).filter((r) => r !== undefined);
          const inside = ids.length === 0 ? 'false' : `$rs >= ${ids[0]!.lo} && $rs <= ${ids[ids.length - 1]!.hi}`;
          const test = headTest(fx, emitCond(fx, c.condition), inside);
          out += `${i === 0 ? '' : ' else '}if (${test}) {\n${block(c.body)}\n}`;
        }
      });
      return out;
    }
    case 'WhileStatement': {
      const label = fx.newLabel('L');
      const flag = hotFlag(fx);
      const yields = fx.yieldSites;
      fx.loops.push(label);
      const live = fx.live.length;
      const body = emitBlock(fx, s.body);
      if (passesAfter(fx)) {
        const pass = `${body}${preemption(fx, s)}`;
        const rest = flat(fx, live, () => `${emitBlock(fx, s.body)}${preemption(fx, s)}`);
        fx.loops.pop();
        return `${label}: {\nif ($rs !== 0) {\n${pass}\n}\nwhile (${emitCond(fx, s.condition)}) {\n${rest}\n}\n}`;
      }
      fx.loops.pop();
      const cond = headTest(fx, emitCond(fx, s.condition));
      const loop = (check: string) => `${label}: while (${cond}) {\n${body}${check}\n}`;
      return hotLoop(fx, yields, flag, label, loop) ?? loop(preemption(fx, s));
    }
    case 'RepeatStatement': {
      const label = fx.newLabel('L');
      const flag = hotFlag(fx);
      const yields = fx.yieldSites;
      fx.loops.push(label);
      // `until` is inside the body's scope (it can read the body's locals).
      const tail: BlockTail = { cond: s.condition, emit: () => `if (${emitCond(fx, s.condition)}) break ${label};\n`, done: false };
      const live = fx.live.length;
      const body = emitBlock(fx, s.body, tail);
      // the `until` test is a resume target of its own: a place in it leaves to it, not to the loop's start
      const untilId = fx.ranges?.get(s)?.until;
      const outer = fx.stmt;
      if (passesAfter(fx) && untilId !== undefined) {
        fx.stmt = untilId;
        const pass = `${body}\nif ($rs === ${untilId}) $rs = 0;\nif ($rs === 0 && ${emitCond(fx, s.condition)}) break ${label};${preemption(fx, s)}`;
        const rest = flat(fx, live, () => {
          const b = emitBlock(fx, s.body);
          fx.stmt = untilId;
          return `${b}\nif (${emitCond(fx, s.condition)}) break ${label};${preemption(fx, s)}`;
        });
        fx.stmt = outer;
        fx.loops.pop();
        return `${label}: {\nif ($rs !== 0) {\n${pass}\n}\nwhile (true) {\n${rest}\n}\n}`;
      }
      fx.loops.pop();
      if (untilId !== undefined) fx.stmt = untilId;
      const until = tail.done ? '' : fx.walks && untilId !== undefined
        ? `\nif ($rs === ${untilId}) $rs = 0;\nif ($rs === 0 && ${emitCond(fx, s.condition)}) break;`
        : `\nif (${emitCond(fx, s.condition)}) break;`;
      fx.stmt = outer;
      const loop = (check: string) => `${label}: while (true) {\n${body}${until}${check}\n}`;
      return hotLoop(fx, yields, flag, label, loop) ?? loop(preemption(fx, s));
    }
    case 'DoStatement':
      return `{\n${emitBlock(fx, s.body)}\n}`;
    case 'ForNumericStatement':
      return emitForNumeric(fx, s);
    case 'ForGenericStatement':
      return emitForGeneric(fx, s);
    case 'BreakStatement': {
      const label = fx.loops[fx.loops.length - 1];
      return label === undefined ? 'break;' : `break ${label};`;
    }
    case 'GotoStatement':
      return emitGoto(fx, s);
    case 'LabelStatement':
      return '';
    case 'FunctionDeclaration':
      return emitFunctionStatement(fx, s);
    default: {
      const never: never = s;
      throw new Error(`unknown statement ${(never as { type: string }).type}`);
    }
  }
}

/** Values for `n` targets from an expression list, adjusted as Lua does; extra expressions are still evaluated. */
function adjust(fx: FunctionEmitter, exprs: Expression[], n: number): { pre: string[]; values: string[] } {
  const pre: string[] = [];
  const values: string[] = [];
  exprs.forEach((e, i) => {
    const last = i === exprs.length - 1;
    if (i >= n) {
      // Evaluated for side effects only.
      if (isCallLike(e)) pre.push(emitCall(fx, e, 'stmt'));
      else if (e.type !== 'VarargLiteral') {
        const v = emitExpr(fx, e);
        if (!v.simple) pre.push(v.code);
      }
      return;
    }
    if (last && fx.ce.isMulti(e) && n > i + 1) {
      if (e.type === 'VarargLiteral') {
        for (let k = 0; i + k < n; k++) values.push(`va[${k}]`);
        return;
      }
      // The first result is the call's value; the others are read from the registers right after it.
      values.push(emitCall(fx, e as CallLike, 'one'));
      for (let k = 1; i + k < n; k++) values.push(`(R.n > ${k} ? R.rv[${k}] : undefined)`);
      return;
    }
    values.push(emitExpr(fx, e).code);
  });
  while (values.length < n) values.push('undefined');
  return { pre, values };
}

function emitLocal(fx: FunctionEmitter, s: LocalStatement): string {
  const names = s.variables.map((id) => fx.jsName(id));
  const { pre, values: plain } = adjust(fx, s.init, names.length);
  // a local in a cell (ChunkEmitter.celled) gets a new one at each run of its declaration, as Lua makes a new binding
  const values = plain.map((v, i) => cellOf(fx, s.variables[i]!, v));
  // A JS `let` with several declarators evaluates them in order, and the new names are unique, so the values see
  // only the outer scope as in Lua. Extra expressions (side effects only) cannot see the new locals either.
  const extra = pre.map((p) => ` ${p};`).join('');
  fx.live.push(...names);
  if (names.some((n) => fx.hoisted.has(n))) {
    const temps = values.map(() => fx.temp());
    return `${values.map((v, i) => `${temps[i]} = ${v};`).join(' ')}${extra} ${names.map((n, i) => `${n} = ${temps[i]};`).join(' ')}`;
  }
  return `let ${names.map((n, i) => `${n} = ${values[i]}`).join(', ')};${extra}`;
}

interface Target {
  /** code that evaluates the target's table and key into temps (before the values) */
  init: string;
  /** assigns the JS expression `v` (a simple reference) */
  assign(v: string, vKind: Js['kind']): string;
  /** the table and key stored to, as simple references once `init` ran (none for a local): saved at a store point */
  refs: string[];
  /** the store again, of `v` into the saved table and key `refs`, through the slow path (at a store point) */
  again(refs: string[], v: string): string;
}

/**
 * When a target's table or key is read, as PUC Lua 5.1 does it: an upvalue (or a global, or any other expression) is
 * read into a temp before the values are evaluated; a local of the current function is read at its store, except
 * when the same statement assigns it (lparser.c check_conflict copies it then). `targets`: the locals the statement
 * assigns. A local never assigned after its declaration reads the same either way.
 */
function pinned(fx: FunctionEmitter, e: Expression, v: Js, targets: ReadonlySet<LocalVar>): Js {
  if (e.type === 'Identifier') {
    const b = fx.ce.analysis.bindings.get(e);
    if (b !== undefined && b.kind === 'local') {
      const upvalue = b.v.owner !== fx.info;
      return !b.v.reassigned || (!upvalue && !targets.has(b.v)) ? v : { ...v, simple: false };
    }
  }
  return v.simple && v.code.includes('$') ? { ...v, simple: false } : v;
}

/** `assigned`: the locals assigned by the statement `t` belongs to (see pinned). */
function emitTarget(fx: FunctionEmitter, t: AssignmentStatement['variables'][number], assigned: ReadonlySet<LocalVar>): Target {
  const line = t.loc.start.line;
  if (t.type === 'Identifier') {
    const b = fx.ce.analysis.bindings.get(t);
    if (b !== undefined && b.kind === 'local') {
      const name = fx.ce.celled(b.v) ? `${b.v.jsName}.v` : b.v.jsName;
      return { init: '', assign: (v) => `${name} = ${v};`, refs: [], again: (_, v) => `${name} = ${v};` };
    }
    const key = jsString(t.name);
    const acc = propAny(t.name);
    const s = fx.ce.site(line, '');
    return {
      init: '',
      assign: (v, kind) =>
        kind !== 'nil' && kind !== 'any'
          ? `if (G[MT] === undefined) G${acc} = ${v}; else ${slowOp(fx, 'setindex', `G, ${key}, ${v}, M, ${s}`)};`
          : `if (G[MT] === undefined && ${v} !== undefined) G${acc} = ${v}; else ${slowOp(fx, 'setindex', `G, ${key}, ${v}, M, ${s}`)};`,
      refs: [],
      again: (_, v) => `${slowOp(fx, 'setindex', `G, ${key}, ${v}, M, ${s}`)};`,
    };
  }
  const base = emitExpr(fx, t.base);
  // The store gets a source-map position of its own: when the value is a function literal, the store lands on the
  // JS line that closes it, and a write refused there (a read-only table: a TypeError, see toLuaError) must still
  // name the Lua line of the assignment.
  const at = marker(line, t.loc.start.column + 1);
  const obj = bind(fx, pinned(fx, t.base, base, assigned));
  const isT = tableTest(fx, t.base, obj.ref);
  const s = fx.ce.site(line, describeOperand(fx, t.base));
  if (t.type === 'MemberExpression' || (t.type === 'IndexExpression' && t.index.type === 'StringLiteral')) {
    const name = t.type === 'MemberExpression' ? t.identifier.name : emitExpr(fx, t.index).code;
    const keyLit = t.type === 'MemberExpression' ? jsString(name) : name;
    const acc = t.type === 'MemberExpression' ? propAny(name) : `[${name}]`;
    const o = obj.ref;
    return {
      init: obj.init,
      refs: [o],
      again: ([o], v) => `${at}${slowOp(fx, 'setindex', `${o}, ${keyLit}, ${v}, M, ${s}`)};`,
      assign: (v, kind) => {
        // A metatable without __newindex (objects of a class) changes nothing for a store of a non-nil value, nor
        // for one of nil into a field that holds a value.
        const m = fx.temp();
        const meta = `((${m} = ${o}[MT]) === undefined || ${m}.__newindex === undefined)`;
        const slow = `${slowOp(fx, 'setindex', `${o}, ${keyLit}, ${v}, M, ${s}`)};`;
        if (kind !== 'nil' && kind !== 'any') return `${at}if (${isT}${meta}) ${o}${acc} = ${v}; else ${slow}`;
        // Clearing a field that holds a value keeps its key, holding undefined, as clearStringKey does
        // (runtime/core/table.ts), without its count: the keys a program clears through constant names are bounded
        // by its text, so no table piles them up. A field that holds nothing takes the slow path (a read-only table
        // raises there).
        const held = `${o}${acc} !== undefined`;
        if (kind === 'nil') return `${at}if (${isT}${held} && ${meta}) ${o}${acc} = undefined; else ${slow}`;
        return `${at}if (${isT}${meta} && (${v} !== undefined || ${held})) ${o}${acc} = ${v}; else ${slow}`;
      },
    };
  }
  const keyJs = emitExpr(fx, t.index);
  const key = bind(fx, pinned(fx, t.index, keyJs, assigned));
  const o = obj.ref;
  const k = key.ref;
  const init = [obj.init, key.init].filter((x) => x !== '').join(', ');
  return {
    init,
    refs: [o, k],
    again: ([o, k], v) => `${at}${slowOp(fx, 'setindex', `${o}, ${k}, ${v}, M, ${s}`)};`,
    assign: (v, kind) => {
      const slow = `${slowOp(fx, 'setindex', `${o}, ${k}, ${v}, M, ${s}`)};`;
      const kk = keyJs.kind;
      if (kk !== 'num' && kk !== 'str' && kk !== 'any') return slow;
      const a = fx.temp();
      const m = fx.temp();
      // A raw store when there is no __newindex to call (no metatable, or objects of a class) and v is not nil.
      const nn = kind === 'nil' || kind === 'any' ? ` && ${v} !== undefined` : '';
      const guard = `${isT}((${m} = ${o}[MT]) === undefined || ${m}.__newindex === undefined)${nn}`;
      // A table local only ever holds tables made by constructors, which library code never freezes: an append at
      // #t + 1 is a push when no hash part holds the keys that follow (setindex's fast path minus its frozen test).
      // An empty array part may be the shared EMPTY_ARRAY (runtime/core/table.ts): the first element replaces it.
      const append = `else if (${k} === ${a}.length + 1 && ${o}[HASH] === undefined) { if (${k} === 1) ${o}[ARR] = [${v}]; else ${a}.push(${v}); } `;
      const num = `if (${kk === 'num' ? '' : `typeof ${k} === "number" && `}(${k} | 0) === ${k} && ${k} > 0) { ` +
        `if (${k} <= (${a} = ${o}[ARR]).length) ${a}[${k} - 1] = ${v}; ${append}else ${slow} }`;
      // A string key is an own property (a frozen library table makes the store throw: see toLuaError); a new one
      // goes through addKey, which turns tables used as maps into dictionaries (runtime/core/table.ts).
      const put = `if (${o}[${k}] !== undefined) ${o}[${k}] = ${v}; else addKey(${o}, ${k}, ${v});`;
      const str = kk === 'str' ? `{ ${put} }` : `if (typeof ${k} === "string") { ${put} }`;
      const body = kk === 'num' ? `${num} else ${slow}` : kk === 'str' ? str : `${num} else ${str} else ${slow}`;
      return `${at}if (${guard}) { ${body} } else ${slow}`;
    },
  };
}

const NO_LOCALS: ReadonlySet<LocalVar> = new Set();

function emitAssignment(fx: FunctionEmitter, s: AssignmentStatement): string {
  if (s.variables.length === 1 && s.init.length === 1) {
    const target = emitTarget(fx, s.variables[0]!, NO_LOCALS);
    const value = emitExpr(fx, s.init[0]!);
    const v = bind(fx, value);
    const pre = [target.init, v.init].filter((x) => x !== '').map((x) => `${x};`).join(' ');
    return storePoints(fx, s, [target], [v.ref], (i) => target.assign(v.ref, value.kind), `${pre}${pre ? ' ' : ''}`);
  }
  // Lua order (as PUC Lua): the targets' tables and keys, then the values, then the stores from right to left.
  const assigned = new Set<LocalVar>();
  for (const t of s.variables) {
    const b = t.type === 'Identifier' ? fx.ce.analysis.bindings.get(t) : undefined;
    if (b !== undefined && b.kind === 'local') assigned.add(b.v);
  }
  const targets = s.variables.map((t) => emitTarget(fx, t, assigned));
  const { pre, values } = adjust(fx, s.init, targets.length);
  const temps = values.map(() => fx.temp());
  const out: string[] = [];
  for (const t of targets) if (t.init !== '') out.push(`${t.init};`);
  values.forEach((v, i) => out.push(`${temps[i]} = ${v};`));
  for (const p of pre) out.push(`${p};`);
  return storePoints(fx, s, targets, temps, (i) => targets[i]!.assign(temps[i]!, 'any'), `${out.join(' ')} `);
}

/**
 * The stores of an assignment (right to left, `store(i)` the i-th), after `before` (its tables, keys and values). In
 * the transfer copy a store's slow path that leaves leaves at the store's point (transfer.ts TransferPlan.stores),
 * handing over every target's table and key and every value (`$st`); the walking forms entered there do that store
 * and the ones after it from them, through the slow path, and run nothing of the statement again.
 */
function storePoints(
  fx: FunctionEmitter, s: AssignmentStatement, targets: Target[], values: string[], store: (i: number) => string, before: string,
): string {
  const ids = fx.stores?.get(s);
  const stores = (from: number, one: (i: number) => string) => {
    const out: string[] = [];
    for (let i = from; i >= 0; i--) {
      fx.storePoint = ids !== undefined && ids[i] !== 0 && fx.transfer ? { id: ids[i]!, saved } : undefined;
      out.push(one(i));
    }
    fx.storePoint = undefined;
    return out.join(' ');
  };
  let saved = `[${[...targets.flatMap((t) => t.refs), ...values].join(', ')}]`;
  const code = `${before}${stores(targets.length - 1, store)}`;
  if (ids === undefined || !fx.walks || ids.every((id) => id === 0)) return code;
  // entered at a store point: the saved tables, keys and values, in the order they were saved
  const x = fx.temp();
  saved = x;
  const at: number[] = [];
  let n = 0;
  for (const t of targets) {
    at.push(n);
    n += t.refs.length;
  }
  const again = (i: number) => {
    const t = targets[i]!;
    return t.again(t.refs.map((_, j) => `${x}[${at[i]! + j}]`), `${x}[${n + i}]`);
  };
  let branches = '';
  ids.forEach((id, i) => {
    if (id !== 0) branches += `if ($rs === ${id}) { $rs = 0; ${x} = $S.$st; ${stores(i, again)} } else `;
  });
  return `${branches}{ ${code} }`;
}

function emitReturn(fx: FunctionEmitter, s: ReturnStatement): string {
  const args = s.arguments;
  if (args.length === 0) return 'R.n = 0; return;';
  if (args.length === 1) {
    const e = args[0]!;
    if (isCallLike(e) && fx.ce.isMulti(e)) return `return ${emitCall(fx, e, 'tail')};`;
    if (e.type === 'VarargLiteral' && fx.ce.isMulti(e)) return 'return retN(va);';
    return `return ret1(${emitExpr(fx, e).code});`;
  }
  const last = args[args.length - 1]!;
  if (!fx.ce.isMulti(last)) {
    const vals = args.map((a) => emitExpr(fx, a).code);
    if (vals.length === 2) return `return ret2(${vals[0]}, ${vals[1]});`;
    if (vals.length === 3) return `return ret3(${vals[0]}, ${vals[1]}, ${vals[2]});`;
    return `return retN([${vals.join(', ')}]);`;
  }
  const fixed = args.slice(0, -1).map((a) => emitExpr(fx, a).code);
  return `return retN([${fixed.join(', ')}, ...${emitMultiArray(fx, last)}]);`;
}

function toNumber(fx: FunctionEmitter, e: Expression, what: string): string {
  const v = emitExpr(fx, e);
  if (v.kind === 'num') return v.code;
  const s = fx.ce.site(e.loc.start.line, what);
  return `fornum(${v.code}, M, ${s})`;
}

function emitForNumeric(fx: FunctionEmitter, s: ForNumericStatement): string {
  const v = fx.ce.analysis.declarations.get(s.variable)!;
  const start = toNumber(fx, s.start, 'initial');
  const limit = toNumber(fx, s.end, 'limit');
  const lim = fx.temp();
  let step = '1';
  let stepConst: number | undefined = 1;
  if (s.step !== null) {
    if (s.step.type === 'NumericLiteral') stepConst = s.step.value;
    else if (s.step.type === 'UnaryExpression' && s.step.operator === '-' && s.step.argument.type === 'NumericLiteral') {
      stepConst = -s.step.argument.value;
    } else stepConst = undefined;
    step = stepConst !== undefined ? String(stepConst) : fx.temp();
  }
  // A hot loop (hotLoop) is entered again after a pause: its control value lives outside it, in a temp.
  const flag = hotFlag(fx);
  const outside = flag === undefined ? undefined : fx.temp();
  // a control variable in a cell (ChunkEmitter.celled) is a new cell at each pass, holding the hidden control value
  const boxed = fx.ce.celled(v);
  const own = v.reassigned || boxed;
  const ctl = own ? fx.temp() : v.jsName;
  const label = fx.newLabel('L');
  const yields = fx.yieldSites;
  fx.loops.push(label);
  fx.live.push(lim, step, ctl, v.jsName);
  const live = fx.live.length;
  const body = emitBlock(fx, s.body);
  // the copy entered again: the loop's later passes, plain (passesAfter)
  const rest = passesAfter(fx) ? flat(fx, live, () => `${emitBlock(fx, s.body)}${preemption(fx, s)}`) : undefined;
  fx.loops.pop();
  const stepInit = stepConst === undefined ? `${step} = ${toNumber(fx, s.step!, 'step')}; ` : '';
  const head = `{ ${lim} = ${limit}; ${stepInit}\n`;
  const loop = (ctl: string, init: string, inner: string, check: string) => {
    const test =
      stepConst === undefined ? `(${step} > 0 ? ${ctl} <= ${lim} : ${ctl} >= ${lim})` : stepConst > 0 ? `${ctl} <= ${lim}` : `${ctl} >= ${lim}`;
    return `${label}: for (${init}; ${test}; ${ctl} += ${step}) {\n${inner}${body}${check}\n}`;
  };
  if (outside !== undefined) {
    const hot = hotLoop(fx, yields, flag, label, (check) => loop(outside, '', `let ${v.jsName} = ${boxed ? `{ v: ${outside} }` : outside};\n`, check), `${outside} += ${step}; `);
    if (hot !== undefined) return `${head}${outside} = ${start};\n${hot} }`;
  }
  const hoisted = fx.hoisted.has(v.jsName);
  const decl = own || hoisted ? `${ctl} = ${start}` : `let ${ctl} = ${start}`;
  const copy = own ? `${hoisted ? '' : 'let '}${v.jsName} = ${boxed ? `{ v: ${ctl} }` : ctl};` : '';
  // the loop's state, handed over by temp name (transfer.ts)
  if (fx.transfer || fx.resume) fx.loopTemps.push(lim, step, ctl);
  if (rest !== undefined) {
    // entered in a pass, it runs the rest of that pass (the restored limit, step and control value) and steps on
    const test = stepConst === undefined ? `(${step} > 0 ? ${ctl} <= ${lim} : ${ctl} >= ${lim})` : stepConst > 0 ? `${ctl} <= ${lim}` : `${ctl} >= ${lim}`;
    const pass = `${body}${preemption(fx, s)}\n${ctl} += ${step};`;
    return `${label}: {\nif ($rs === 0) { ${lim} = ${limit}; ${stepInit}${decl}; } else {\n${pass}\n}\n` +
      `for (; ${test}; ${ctl} += ${step}) {\n${copy === '' ? '' : `${copy}\n`}${rest}\n}\n}`;
  }
  if (fx.walks) {
    // entered mid-loop, the walk keeps the restored limit, step and control value, and the body's copy
    const enter = `{ ${onEntry(fx, `${lim} = ${limit}; ${stepInit}${decl};`)}\n`;
    return `${enter}${loop(ctl, '', copy === '' ? '' : `${onEntry(fx, copy)}\n`, preemption(fx, s))} }`;
  }
  return `${head}${loop(ctl, decl, copy === '' ? '' : `${copy}\n`, preemption(fx, s))} }`;
}

function emitForGeneric(fx: FunctionEmitter, s: ForGenericStatement): string {
  const f = fx.temp();
  const st = fx.temp();
  const ctl = fx.temp();
  // Taken before the body's temps: the flag lives through every pass.
  const ip = fx.temp();
  const v = fx.temp();
  const { pre, values } = adjust(fx, s.iterators, 3);
  const setup = [`${f} = ${values[0]};`, `${st} = ${values[1]};`, `${ctl} = ${values[2]};`, ...pre.map((p) => `${p};`)];
  const names = s.variables.map((id) => fx.jsName(id));
  const label = fx.newLabel('L');
  fx.loops.push(label);
  const entry = fx.transfer ? fx.frameRef() : '';
  fx.live.push(f, st, ctl, ip, v, ...names);
  const live = fx.live.length;
  const body = emitBlock(fx, s.body);
  // the copy entered again: the loop's later passes, plain (passesAfter)
  const later = passesAfter(fx) ? flat(fx, live, () => `${emitBlock(fx, s.body)}${preemption(fx, s)}`) : undefined;
  fx.loops.pop();
  const call = emitIteratorCall(fx, s, f, st, ctl);
  // `for i, v in ipairs(t)`: decided once at entry (the function, state and control are hidden temps the body cannot
  // assign), each step then reads t[i + 1] inline, the array part first, rawget past it, as the iterator would.
  setup.push(`${ip} = ${f} === IPAIRS && ${st} instanceof LuaTable && typeof ${ctl} === "number";`);
  // The transfer copy calls the iterator plain: one that has a twin (or is not a function) leaves before the first
  // pass, and the loop runs again from its start in the resume form (transfer.ts).
  if (fx.transfer) setup.push(`if (!${ip} && (typeof ${f} !== "function" || ${f}.$y !== undefined)) bailAt(${fx.leaveTarget()}, ${entry});`);
  if (fx.transfer || fx.resume) fx.loopTemps.push(f, st, ctl, ip, v);
  const step = `((${v} = ${st}[ARR][${ctl}]) !== undefined || (${v} = rawget(${st}, ${ctl} + 1)) !== undefined ? ${ctl} + 1 : undefined)`;
  const rest = names.slice(1).map((n, i) => `${n} = ${ip} ? ${i === 0 ? v : 'undefined'} : R.n > ${i + 1} ? R.rv[${i + 1}] : undefined`);
  const hoisted = fx.hoisted.has(names[0]!);
  const decl = `${hoisted ? '' : 'let '}${names[0]} = ${ip} ? ${step} : ${call}${rest.length ? ', ' : ''}${rest.join(', ')};`;
  // the names in cells (ChunkEmitter.celled) get new ones at each pass, once the control value is taken
  const cells = s.variables.filter((id) => celledId(fx, id)).map((id) => ` ${fx.jsName(id)} = { v: ${fx.jsName(id)} };`).join('');
  const step1 = `${decl}\nif (${names[0]} === undefined) break ${label};\n${ctl} = ${names[0]};${cells}`;
  if (later !== undefined) {
    return `${label}: {\nif ($rs === 0) { ${setup.join(' ')} } else {\n${body}${preemption(fx, s)}\n}\n` +
      `while (true) {\n${step1}\n${later}\n}\n}`;
  }
  const next = onEntry(fx, step1);
  return `${onEntry(fx, setup.join(' '))}\n${label}: while (true) {\n${next}\n${body}${preemption(fx, s)}\n}`;
}

/** The per-iteration call `f(s, ctl)` of a generic for. */
function emitIteratorCall(fx: FunctionEmitter, at: { loc: { start: { line: number } } }, f: string, st: string, ctl: string): string {
  const t = fx.temp();
  const s = fx.ce.site(at.loc.start.line, 'for iterator');
  // the transfer copy's iterator has no twin (checked at entry); the temp keeps both forms' temps alike
  if (fx.transfer) fx.temp();
  if (fx.gen) {
    const y = fx.temp();
    fx.yieldSites++;
    return `(typeof ${f} === "function" ? ((${t} = ((${y} = ${f}.$y) !== undefined ? (yield* ${y}(${st}, ${ctl})) : ${f}(${st}, ${ctl}))) === TAIL ? (yield* bounceY()) : ${t}) : (yield* callxY(${f}, M, ${s}, ${st}, ${ctl})))`;
  }
  return `(typeof ${f} === "function" ? ((${t} = ${f}(${st}, ${ctl})) === TAIL ? bounce() : ${t}) : callx(${f}, M, ${s}, ${st}, ${ctl}))`;
}

function emitFunctionStatement(fx: FunctionEmitter, s: FunctionDeclaration): string {
  const fn = emitFunction(fx, s);
  const id = s.identifier!;
  if (s.isLocal && id.type === 'Identifier') {
    const name = fx.jsName(id);
    fx.live.push(name);
    const let_ = fx.hoisted.has(name) ? '' : 'let ';
    // the function sees its own name: the cell exists before the function is made
    if (celledId(fx, id)) return `${let_}${name} = { v: undefined }; ${name}.v = ${fn};`;
    return `${let_}${name} = ${fn};`;
  }
  if (id.type === 'Identifier') {
    return emitTarget(fx, id, NO_LOCALS).assign(fn, 'obj');
  }
  // function a.b.c() / function a:m(): assign into the table.
  const target = emitTarget(fx, { ...id, indexer: '.' }, NO_LOCALS);
  const t = fx.temp();
  return `${target.init ? `${target.init}; ` : ''}${t} = ${fn}; ${target.assign(t, 'obj')}`;
}

function celledId(fx: FunctionEmitter, id: Identifier): boolean {
  const b = fx.ce.analysis.bindings.get(id);
  return b !== undefined && b.kind === 'local' && fx.ce.celled(b.v);
}

/** The value of a new binding of the local `id`: a fresh cell holding `value` when the local lives in one. */
function cellOf(fx: FunctionEmitter, id: Identifier, value: string): string {
  return celledId(fx, id) ? `{ v: ${value} }` : value;
}
