// Function makers (process mode): a function nested in one that is emitted in several forms (the plain version, the
// generator twin, and for a function with a transfer copy the copy, the copy entered again and the resume form) would
// have its whole text in each of them, and its own nested functions in each of its forms: the text grows as 2-5x per
// level of nesting. A process's main written as a whole program (every helper a local function inside it) grew to
// 1.4 MB of JS (richards), and such mains were refused a copy for it, so their loops ran as generator code.
//
// Instead the function's text is put once in a *maker*, a function declared at the top of the chunk's function
// (`mk$F<index>`), whose parameters are the locals the text names from the functions around it; each form of the
// parent makes the closure by calling the maker with its own variables. That is exact when each of those locals has
// one value for the closure's whole life, or lives in a cell (ChunkEmitter.celled): a local never assigned after its
// declaration (a parameter, a `local x = ...`, a `local function`), a cell, or a local of the chunk's top level, which
// the maker sees itself. A function naming any other local (assigned after its declaration, and shared by plain
// variables between its parent and the closure) is embedded as before. The makers see the chunk's locals and its
// back-offs, so they belong to each run of the chunk, as its local functions do: a process whose chunk has any pays a
// closure for each. (Frames' helpers see nothing and live in the module's factory: functions.ts frameMaker.)
import type { Chunk } from '../lua-ast.js';
import type { FunctionInfo, LocalVar } from '../analyze/bindings.js';
import type { ChunkEmitter } from './context.js';

/** How a nested function is made: its maker's name, the JS names passed to it, and its own name when it names itself. */
export interface Maker {
  name: string;
  args: string[];
  /** the `local function` it is bound to, passed by value: declared in the maker and set to the closure */
  self: string | undefined;
}

interface ChunkFacts {
  /** per function, the locals of the functions around it that it or a function nested in it names */
  free: Map<FunctionInfo, Set<LocalVar>>;
  /** the locals declared at the chunk's top level (not in a block): the makers see them */
  topLevel: Set<LocalVar>;
  makers: Map<FunctionInfo, Maker | undefined>;
}

const facts = new WeakMap<ChunkEmitter, ChunkFacts>();

function chunkFacts(ce: ChunkEmitter): ChunkFacts {
  let f = facts.get(ce);
  if (f !== undefined) return f;
  const { analysis } = ce;
  const free = new Map<FunctionInfo, Set<LocalVar>>();
  // one sweep over the local references in source order, with the stack of functions around each
  const fns = [...analysis.functions.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
  const refs = [...analysis.bindings].filter(([, b]) => b.kind === 'local').sort((a, b) => a[0].range[0] - b[0].range[0]);
  const stack: FunctionInfo[] = [];
  let next = 0;
  for (const [id, b] of refs) {
    if (b.kind !== 'local') continue;
    const pos = id.range[0];
    while (next < fns.length && fns[next]!.node.range[0] <= pos) {
      const fn = fns[next++]!;
      while (stack.length > 0 && stack[stack.length - 1]!.node.range[1] <= fn.node.range[0]) stack.pop();
      stack.push(fn);
    }
    while (stack.length > 0 && stack[stack.length - 1]!.node.range[1] <= pos) stack.pop();
    for (let fn: FunctionInfo | undefined = stack[stack.length - 1]; fn !== undefined && fn !== b.v.owner; fn = fn.parent) {
      let set = free.get(fn);
      if (set === undefined) free.set(fn, (set = new Set()));
      set.add(b.v);
    }
  }
  const topLevel = new Set<LocalVar>();
  const chunk = fns.find((fn) => fn.depth === 0);
  // a chunk with goto is emitted inside a dispatch loop: its locals are not at the function's top level
  if (chunk !== undefined && !chunk.hasGoto) {
    for (const s of (chunk.node as Chunk).body) {
      const ids = s.type === 'LocalStatement' ? s.variables
        : s.type === 'FunctionDeclaration' && s.isLocal && s.identifier?.type === 'Identifier' ? [s.identifier] : [];
      for (const id of ids) {
        // a local statement's names are declarations; a local function's name is bound where it is declared
        const b = analysis.bindings.get(id);
        const v = analysis.declarations.get(id) ?? (b?.kind === 'local' ? b.v : undefined);
        if (v !== undefined) topLevel.add(v);
      }
    }
  }
  f = { free, topLevel, makers: new Map() };
  facts.set(ce, f);
  return f;
}

/** Whether `parent` is emitted in several forms, each of which would hold the text of the functions nested in it. */
function manyForms(ce: ChunkEmitter, parent: FunctionInfo): boolean {
  return ce.opts.processMode && parent.suspendable && parent.depth > 0;
}

/**
 * How `info` is made when its parent has several forms, or undefined when it is embedded in them. `celled`: whether a
 * local lives in a cell (ChunkEmitter.celled; transfer.ts asks with a guess while the plans are being made).
 */
export function makerOf(ce: ChunkEmitter, info: FunctionInfo, celled: (v: LocalVar) => boolean = (v) => ce.celled(v)): Maker | undefined {
  if (info.parent === undefined || !manyForms(ce, info.parent)) return undefined;
  const cf = chunkFacts(ce);
  const args: string[] = [];
  let self: string | undefined;
  let ok = true;
  for (const v of cf.free.get(info) ?? []) {
    if (cf.topLevel.has(v)) continue;
    if (celled(v)) args.push(v.jsName);
    else if (v.reassigned) {
      ok = false;
      break;
    } else if (v.constFunction === info && v.owner === info.parent) self = v.jsName;
    else args.push(v.jsName);
  }
  return ok ? { name: `mk$F${info.index}`, args: args.sort(), self } : undefined;
}

/** The maker of `info` as emitted (with the locals' cells as they are): memoised per chunk. */
export function emittedMaker(ce: ChunkEmitter, info: FunctionInfo): Maker | undefined {
  const cf = chunkFacts(ce);
  if (cf.makers.has(info)) return cf.makers.get(info);
  const m = makerOf(ce, info);
  cf.makers.set(info, m);
  return m;
}

/** The declaration of a maker: `$C` holds the twin and the resume form shared by the closures of one parent call. */
export function makerDeclaration(m: Maker, shared: boolean, text: string): string {
  const params = [...(shared ? ['$C'] : []), ...m.args].join(', ');
  return m.self === undefined
    ? `function ${m.name}(${params}) {\nreturn ${text};\n}`
    : `function ${m.name}(${params}) {\nlet ${m.self};\nreturn ${m.self} = ${text};\n}`;
}
