// goto and labels (Lua 5.2+ rules, which go-lua follows). JS has no goto, so each label of a block becomes a JS
// labelled region: the statements from the first forward `goto L` up to `::L::` are wrapped in `L_f: { ... }` and a
// forward goto is `break L_f`; the statements after `::L::` up to the last backward `goto L` are wrapped in
// `L_b: while (true) { ...; break; }` and a backward goto is `continue L_b`. Regions of different labels must nest;
// a block whose regions cross is reported (LUA1011) rather than compiled wrongly. Locals declared at the top level of
// a region are declared before it (their statements assign), so code after the region still sees them.
import type { Statement } from '../lua-ast.js';
import type { FunctionEmitter } from './context.js';
import { emitStatement } from './statements.js';
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
  lo: number;
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

export function emitGotoBlock(fx: FunctionEmitter, body: Statement[]): string {
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
            throw new GotoError(
              `<goto ${name}> at line ${findGotoLine(body[first]!, name)} jumps into the scope of local '${localName}'`,
              'LUA1002', body[first]!,
            );
          }
        }
      }
      regions.push({ lo: first, hi: j - 1, open: `${frame.fwd}: {`, close: '}' });
    }
    if (last >= 0) {
      frame.back = fx.newLabel(`G_${name}_b`);
      regions.push({ lo: j + 1, hi: last, open: `${frame.back}: while (true) {`, close: 'break;\n}' });
    }
    own.push(frame);
  });
  for (const a of regions) {
    for (const b of regions) {
      const disjoint = a.hi < b.lo || b.hi < a.lo;
      const nested = (a.lo <= b.lo && b.hi <= a.hi) || (b.lo <= a.lo && a.hi <= b.hi);
      if (!disjoint && !nested) {
        throw new GotoError('this combination of goto statements and labels is not supported (crossing jumps)', 'LUA1011', body[Math.max(a.lo, b.lo)]!);
      }
    }
  }
  // Locals declared at the top level of a region must outlive it.
  const hoist: string[] = [];
  for (const r of regions) {
    for (let k = r.lo; k <= r.hi; k++) {
      const s = body[k]!;
      const ids = s.type === 'LocalStatement' ? s.variables : s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier' ? [s.identifier] : [];
      for (const id of ids) {
        const n = fx.jsName(id);
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
        out.push(`${r.open}\n${emitRange(r.lo, r.hi, inner)}\n${r.close}`);
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
    return `${marker(s.loc.start.line, s.loc.start.column + 1)}${forward ? 'break' : 'continue'} ${label};`;
  }
  throw new GotoError(`no visible label '${s.label.name}' for goto`, 'LUA1004', s);
}

/** A goto problem found while emitting; compile() turns it into a diagnostic. */
export class GotoError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly at: Statement,
    /** characters the caret underlines */
    readonly length = 4,
  ) {
    super(message);
  }
}
