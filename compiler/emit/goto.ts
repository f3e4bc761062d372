// goto and labels (Lua 5.2+ rules, which go-lua follows). JS has no goto, so each label of a block becomes a JS
// labelled region: the statements from the first forward `goto L` up to `::L::` are wrapped in `L_f: { ... }` and a
// forward goto is `break L_f`; the statements after `::L::` up to the last backward `goto L` are wrapped in
// `L_b: while (true) { ...; break; }` and a backward goto is `continue L_b`. Regions of different labels must nest;
// a block whose regions cross is reported (LUA1011) rather than compiled wrongly. Locals declared at the top level of
// a region are declared before it (their statements assign), so code after the region still sees them.
import type { Expression, Identifier, Statement } from '../lua-ast.js';
import type { FunctionEmitter } from './context.js';
import type { DiagnosticCode } from '../diagnostics.js';
import { emitStatement, preemption } from './statements.js';
import { marker } from './context.js';

export function hasLabels(body: Statement[]): boolean {
  for (const s of body) if (s.type === 'LabelStatement') return true;
  return false;
}

interface LabelFrame {
  name: string;
  index: number;
  fwd: string | undefined;
  back: string | undefined;
  /** the block emitter's current top-level statement index */
  cursor: { i: number };
}

interface Region {
  /** a backward region (a `while (true)` re-entered by `continue`) */
  back: boolean;
  lo: number;
  /** code run at the end of the region, before its closing `break` (a repeat's `until` test taken in) */
  suffix?: string;
  hi: number;
  open: string;
  close: string;
}

/** Labels visible to gotos being emitted, innermost block last (kept on the function's emitter). */
function frameStack(fx: FunctionEmitter): LabelFrame[] {
  return fx.gotoFrames as LabelFrame[];
}

/** Does the statement (not crossing into nested functions) contain `goto name`? */
function containsGoto(s: Statement, name: string): boolean {
  switch (s.type) {
    case 'GotoStatement':
      return s.label.name === name;
    case 'IfStatement':
      return s.clauses.some((c) => c.body.some((b) => containsGoto(b, name)));
    case 'WhileStatement':
    case 'RepeatStatement':
    case 'DoStatement':
    case 'ForNumericStatement':
    case 'ForGenericStatement':
      return s.body.some((b) => containsGoto(b, name));
    default:
      return false;
  }
}

function declaresLocal(s: Statement): boolean {
  return s.type === 'LocalStatement' || (s.type === 'FunctionDeclaration' && s.isLocal);
}

/**
 * Code run after the block in its scope: a repeat's `until` test. When it reads a local of a backward region, the
 * region takes it in (`emit` is then called and `done` set) so that it reads the last pass's variable.
 */
export interface BlockTail {
  cond: Expression;
  emit: () => string;
  done: boolean;
}

export function emitGotoBlock(fx: FunctionEmitter, body: Statement[], tail?: BlockTail): string {
  const cursor = { i: 0 };
  const regions: Region[] = [];
  const own: LabelFrame[] = [];
  body.forEach((s, j) => {
    if (s.type !== 'LabelStatement') return;
    const name = s.label.name;
    let first = -1;
    for (let i = 0; i < j; i++) if (containsGoto(body[i]!, name)) { first = i; break; }
    let last = -1;
    for (let i = body.length - 1; i > j; i--) if (containsGoto(body[i]!, name)) { last = i; break; }
    const frame: LabelFrame = { name, index: j, fwd: undefined, back: undefined, cursor };
    if (first >= 0) {
      frame.fwd = fx.newLabel(`G_${name}_f`);
      const atEnd = body.slice(j + 1).every((b) => b.type === 'LabelStatement');
      if (!atEnd) {
        for (let k = first + 1; k < j; k++) {
          if (declaresLocal(body[k]!)) {
            const local = body[k]!;
            const localName = local.type === 'LocalStatement' ? local.variables[0]!.name : (local as { identifier: { name: string } }).identifier.name;
            report(
              fx,
              'LUA1002',
              `<goto ${name}> at line ${findGotoLine(body[first]!, name)} jumps into the scope of local '${localName}'`,
              body[first]!,
            );
            break;
          }
        }
      }
      regions.push({ back: false, lo: first, hi: j - 1, open: `${frame.fwd}: {`, close: '}' });
    }
    if (last >= 0) {
      frame.back = fx.newLabel(`G_${name}_b`);
      regions.push({ back: true, lo: j + 1, hi: last, open: `${frame.back}: while (true) {`, close: 'break;\n}' });
    }
    own.push(frame);
  });
  extendBackRegions(fx, body, regions, tail);
  crossing: for (const a of regions) {
    for (const b of regions) {
      const disjoint = a.hi < b.lo || b.hi < a.lo;
      const nested = (a.lo <= b.lo && b.hi <= a.hi) || (b.lo <= a.lo && a.hi <= b.hi);
      if (!disjoint && !nested) {
        report(fx, 'LUA1011', 'this combination of goto statements and labels is not supported (crossing jumps)', body[Math.max(a.lo, b.lo)]!);
        // Crossing regions cannot be laid out as JS blocks. The compile fails, so the block's statements are
        // emitted without them: only to find the problems further on.
        regions.length = 0;
        break crossing;
      }
    }
  }
  // A local declared at the top level of a region and still used after it must outlive it: its `let` is hoisted
  // above the region. (Backward regions were extended over such uses above, so this is left to forward regions,
  // whose label ends them.) A local not used after its region keeps its `let` inside it, fresh on every pass.
  const hoist: string[] = [];
  for (const r of regions) {
    for (let k = r.lo; k <= r.hi; k++) {
      for (const id of declaredIds(body[k]!)) {
        const n = fx.jsName(id);
        if (lastUse(fx, body, new Set([n]), r.hi + 1) < 0 && (tail === undefined || tail.done || !mentions(fx, tail.cond, new Set([n])))) continue;
        if (!fx.hoisted.has(n)) {
          fx.hoisted.add(n);
          hoist.push(n);
        }
      }
    }
  }
  const stack = frameStack(fx);
  stack.push(...own);
  // Outer regions first: sort by start, then by length descending.
  regions.sort((a, b) => a.lo - b.lo || b.hi - a.hi);
  const emitRange = (lo: number, hi: number, rs: Region[]): string => {
    const out: string[] = [];
    let i = lo;
    let ri = 0;
    while (i <= hi) {
      const r = rs[ri];
      if (r !== undefined && r.lo === i) {
        const inner = rs.filter((x) => x !== r && x.lo >= r.lo && x.hi <= r.hi);
        const rest = rs.filter((x) => x !== r && !inner.includes(x));
        out.push(`${r.open}\n${emitRange(r.lo, r.hi, inner)}\n${r.suffix ?? ''}${r.close}`);
        i = r.hi + 1;
        rs = rest;
        ri = 0;
        continue;
      }
      if (r !== undefined && r.lo < i) {
        ri++;
        continue;
      }
      cursor.i = i;
      const s = body[i]!;
      if (s.type !== 'LabelStatement') out.push(emitStatement(fx, s));
      i++;
    }
    return out.join('\n');
  };
  const code = emitRange(0, body.length - 1, regions);
  stack.splice(stack.length - own.length, own.length);
  return `${hoist.length ? `let ${hoist.join(', ')};\n` : ''}${code}`;
}

/** The locals a top-level statement declares. */
function declaredIds(s: Statement): Identifier[] {
  if (s.type === 'LocalStatement') return s.variables;
  if (s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier') return [s.identifier];
  return [];
}

/** Does the node (nested functions included: a closure's capture is a use) mention one of the locals `names`? */
function mentions(fx: FunctionEmitter, node: unknown, names: Set<string>): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((n) => mentions(fx, n, names));
  const n = node as { type?: string };
  if (n.type === 'Identifier') {
    const b = fx.ce.analysis.bindings.get(node as Identifier);
    return b !== undefined && b.kind === 'local' && names.has(b.v.jsName);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k !== 'loc' && k !== 'range' && mentions(fx, v, names)) return true;
  }
  return false;
}

/** The index of the last top-level statement from `from` on that mentions one of `names`, or -1. */
function lastUse(fx: FunctionEmitter, body: Statement[], names: Set<string>, from: number): number {
  for (let i = body.length - 1; i >= from; i--) if (mentions(fx, body[i], names)) return i;
  return -1;
}

/**
 * Lua gives each execution of `local x` a fresh variable, so a closure made on one pass of a backward goto keeps that
 * pass's value (Lua 5.2+; go-lua closes the upvalues at the jump, see test/goto/). A JS `let` inside the
 * `while (true)` of the backward region is fresh per pass too, but only while every use of the local is inside the
 * region: so a backward region whose locals are used after its last goto is extended over those uses (the extra
 * statements run once, after the last pass, exactly as before), and over any region the extension would cut.
 */
function extendBackRegions(fx: FunctionEmitter, body: Statement[], regions: Region[], tail: BlockTail | undefined): void {
  const localsOf = (r: Region): Set<string> => {
    const names = new Set<string>();
    for (let k = r.lo; k <= r.hi; k++) for (const id of declaredIds(body[k]!)) names.add(fx.jsName(id));
    return names;
  };
  for (const r of regions) {
    if (!r.back) continue;
    for (;;) {
      const names = localsOf(r);
      let hi = names.size === 0 ? r.hi : Math.max(r.hi, lastUse(fx, body, names, r.hi + 1));
      // A region starting inside and ending after the new end would cross it: take it in.
      for (const o of regions) if (o !== r && o.lo > r.lo && o.lo <= hi && o.hi > hi) hi = o.hi;
      if (hi === r.hi) break;
      r.hi = hi;
    }
  }
  if (tail === undefined) return;
  // The `until` test runs after the last statement: a backward region whose locals it reads runs to the end of the
  // block and ends with the test, unless a region that starts before it ends inside (the locals are then hoisted).
  const end = body.length - 1;
  for (const r of regions) {
    if (!r.back || tail.done || !mentions(fx, tail.cond, localsOf(r))) continue;
    if (regions.some((o) => o !== r && o.lo < r.lo && o.hi >= r.lo && o.hi < end)) continue;
    r.hi = end;
    r.suffix = tail.emit();
    tail.done = true;
  }
}

function findGotoLine(s: Statement, name: string): number {
  if (s.type === 'GotoStatement' && s.label.name === name) return s.loc.start.line;
  return s.loc.start.line;
}

/** A goto statement: `break` out of the forward region or `continue` the backward one. */
export function emitGoto(fx: FunctionEmitter, s: Statement & { type: 'GotoStatement' }): string {
  const stack = frameStack(fx);
  for (let k = stack.length - 1; k >= 0; k--) {
    const f = stack[k]!;
    if (f.name !== s.label.name) continue;
    const forward = f.cursor.i < f.index;
    const label = forward ? f.fwd : f.back;
    if (label === undefined) break;
    const at = marker(s.loc.start.line, s.loc.start.column + 1);
    if (forward) return `${at}break ${label};`;
    // A backward goto is a loop back-edge: in process mode it counts the budget as loops do, so `::top:: goto top`
    // gives way to other processes and can be terminated.
    const check = preemption(fx, s);
    return check === '' ? `${at}continue ${label};` : `${at}{${check}\ncontinue ${label};\n}`;
  }
  report(fx, 'LUA1004', `no visible label '${s.label.name}' for goto`, s);
  return '';
}

/** Reports a goto problem at statement `at`, the caret under its first four characters (`goto`, or the label's `::na`). */
function report(fx: FunctionEmitter, code: DiagnosticCode, message: string, at: Statement): void {
  fx.ce.report(code, message, at.loc.start.line, at.loc.start.column + 1, 4);
}
