// Function values. A function that may suspend is emitted twice, as a plain JS function and as its generator twin
// (`mkY(plain, twin)` stores the twin at `plain.$y`); the text of each nested function is built once and embedded in
// both bodies. The JS function names carry `$F<index>` so a JS stack frame leads back to the Lua function.
import type { Chunk, FunctionDeclaration } from '../lua-ast.js';
import type { FunctionInfo } from '../analyze/bindings.js';
import { ChunkEmitter, FunctionEmitter, marker, type Mode } from './context.js';
import { emitBlock } from './statements.js';
import { aliasLocalReaders } from './alias-scopes.js';
import { transferPlan, type TransferPlan } from './transfer.js';
import { emittedMaker, makerDeclaration } from './function-makers.js';

export function emitFunction(fx: FunctionEmitter, node: FunctionDeclaration): string {
  const info = fx.ce.functionInfo(node);
  // The twin (and resume form) shared by the closures of one call of the parent (sharesTwin), kept in variables
  // declared in each body of the parent that makes the closure.
  const shared = info.suspendable && sharesTwin(info);
  if (shared) fx.declareVar(`$Y${info.index}`);
  const maker = emittedMaker(fx.ce, info);
  if (maker !== undefined) {
    // made by its maker (function-makers.ts), with this form's variables (the per-pass cells of this pass too); the
    // maker keeps the shared twin and resume form in the parent's `$Y` object
    if (!fx.ce.functionText.has(node)) {
      const text = functionText(fx.ce, info, shared ? '$C.y' : undefined, shared ? '$C.r' : undefined);
      fx.ce.functionText.set(node, text);
      fx.ce.makers.push(makerDeclaration(maker, shared, text));
    }
    return `${maker.name}(${[...(shared ? [`$Y${info.index} || ($Y${info.index} = { y: undefined, r: undefined })`] : []), ...maker.args].join(', ')})`;
  }
  if (shared && transferPlan(fx.ce, info) !== undefined) fx.declareVar(`$R${info.index}`);
  let text = fx.ce.functionText.get(node);
  if (text === undefined) {
    text = functionText(fx.ce, info, shared ? `$Y${info.index}` : undefined, shared ? `$R${info.index}` : undefined);
    fx.ce.functionText.set(node, text);
  }
  // The forms with hoisted locals (the transfer copy, entered again, the resume form) hold a per-pass local's cell in
  // one function-level variable, set afresh at each pass; a closure made there takes the cells of this pass as
  // parameters of its own, so it keeps them (the plain version and the twin declare such a local in the loop's body).
  if (!fx.transfer && !fx.resume) return text;
  const cells = passCells(fx, node);
  return cells.length === 0 ? text : `((${cells.join(', ')}) => ${text})(${cells.join(', ')})`;
}

/**
 * The locals of the function being emitted, in cells and made afresh at each pass of a loop (ChunkEmitter.celled),
 * that `node` (or a function nested in it) names.
 */
function passCells(fx: FunctionEmitter, node: FunctionDeclaration): string[] {
  let names = fx.ce.passCells.get(node);
  if (names === undefined) {
    const found = new Set<string>();
    const [lo, hi] = node.range;
    for (const [id, b] of fx.ce.analysis.bindings) {
      if (b.kind !== 'local' || b.v.owner !== fx.info || !b.v.inLoop || id.range[0] < lo || id.range[1] > hi) continue;
      if (fx.ce.celled(b.v)) found.add(b.v.jsName);
    }
    names = [...found];
    fx.ce.passCells.set(node, names);
  }
  return names;
}

/**
 * The text of a function value: its plain version and, for one that may suspend, its twin (and transfer forms, `mkT`)
 * attached by `mkY`; `twinCache`/`resumeCache`: where the twin and the resume form shared by the closures of one call
 * of the parent are kept (sharesTwin), undefined when each closure makes its own.
 */
function functionText(ce: ChunkEmitter, info: FunctionInfo, twinCache: string | undefined, resumeCache: string | undefined): string {
  const plain = emitFunctionBody(ce, info, 'plain');
  if (!info.suspendable) return plain;
  const gen = emitFunctionBody(ce, info, 'gen');
  // V8 gives every generator function closure its own initial map, so a twin made afresh for each closure makes
  // each generator object a new shape; one twin per parent call keeps them monomorphic.
  const twin = twinCache !== undefined ? `${twinCache} || (${twinCache} = ${gen})` : gen;
  const plan = transferPlan(ce, info);
  // the rule that refused the copy, for whoever reads the generated code (docs/architecture.md 'Frame transfer')
  const why = ce.transferRefusals.get(info);
  if (plan === undefined) return `mkY(${plain}, ${twin}${why === undefined ? '' : ` /* no transfer copy: ${why.replace(/\*\//g, '* /')} */`})`;
  const { transfer, reenter, resume } = emitTransferForms(ce, info, plan);
  return `mkT(${plain}, ${twin}, ${transfer}, ${reenter}, ${resumeCache !== undefined ? `${resumeCache} || (${resumeCache} = ${resume})` : resume}, TB, ${info.index})`;
}

function jsFunctionName(info: FunctionInfo): string {
  const base = /^function '([A-Za-z_][A-Za-z0-9_]*)/.exec(info.displayName)?.[1] ?? 'anon';
  return `${base}$F${info.index}`;
}

export function emitFunctionBody(ce: ChunkEmitter, info: FunctionInfo, mode: Mode): string {
  const fx = new FunctionEmitter(ce, info, mode);
  const params = info.params.map((p) => p.jsName);
  if (info.isVararg) params.push('...va');
  const node = info.node;
  const body = emitBlock(fx, node.body);
  const name = jsFunctionName(info) + (mode === 'gen' ? '$y' : '');
  const start = marker(node.loc.start.line, node.loc.start.column + 1);
  const decls = fx.tempDeclarations();
  // Process mode: every call of a twin counts against the budget, as loop back-edges do (statements.ts), so recursion
  // without loops (fib, endless tail calls: see preemptRecursion in context.ts) gives way too; the plain version of a
  // function that has a twin counts as well, for the backstop (runtime/core/preempt.ts).
  const entry = !ce.opts.processMode || !info.suspendable
    ? ''
    : mode === 'gen' ? 'if (--BUDGET.n < 0) yield* preemptY();\n' : `${start}if (--BUDGET.p < 0) BUDGET.out();\n`;
  return `${start}(function${mode === 'gen' ? '*' : ''} ${name}(${params.join(', ')}) {\n${decls}${decls ? '\n' : ''}${entry}${body}\nR.n = 0;\n})`;
}

/**
 * The transfer copy, the copy entered again and the resume form of a function with a transfer plan (transfer.ts). The
 * frame is an object of the parameters (and the varargs) and the hoisted locals and loop temps in scope where the copy
 * leaves, by JS name (those out of scope read back as `undefined`); the resume form, or the copy entered again,
 * restores it whole and walks down to the statement or loop end `$rs`, going on from there. The copy entered again is
 * named `$u` in stack traces and profiles (the copy `$t`, the resume form `$r`).
 */
function emitTransferForms(ce: ChunkEmitter, info: FunctionInfo, plan: TransferPlan): { transfer: string; reenter: string; resume: string } {
  const tx = new FunctionEmitter(ce, info, 'transfer', plan);
  const ex = new FunctionEmitter(ce, info, 'reenter', plan);
  const rx = new FunctionEmitter(ce, info, 'resume', plan);
  const tBody = emitBlock(tx, info.node.body);
  const eBody = emitBlock(ex, info.node.body);
  const rBody = emitBlock(rx, info.node.body);
  const temps = tx.loopTemps.join();
  if (ex.loopTemps.join() !== temps || rx.loopTemps.join() !== temps) {
    throw new Error(`internal: transfer forms of ${info.displayName} disagree on loop temps`);
  }
  const loopTemps = [...new Set(tx.loopTemps.filter((t) => /^\$\d+$/.test(t)))];
  const params = info.params.map((p) => p.jsName);
  // the saved results of the nested sites (transfer.ts): read again by the resume form entered at a later site
  const results = [...plan.sites.values()].sort((a, b) => a - b).map((k) => `$c${k}`);
  const frame = [...params, ...plan.locals, ...loopTemps, ...results, ...(info.isVararg ? ['va'] : [])];
  const always = new Set([...params, ...results, 'va']);
  // an object of the variables in scope (runtime/core/transfer.ts Frame): a field that always holds a float keeps a
  // float's representation in the object's map, which an array's elements would not
  // at a store point, the saved stores too (`$st`: statements.ts emitAssignment)
  // Made by a helper in the module's factory (`$fr<function>_<n>(...)`, one per list of fields): an object literal naming
  // every local in the forms' code, even on a branch never taken, cost nbody's copy ~8% of its CPU (0.30 s against
  // 0.33 s, the generated code edited by hand).
  const frameOf = (live: ReadonlySet<string>, stores?: string) => {
    const fields = frame.filter((n) => always.has(n) || live.has(n));
    if (stores === undefined) return `${frameMaker(ce, info, fields)}(${fields.join(', ')})`;
    return `${frameMaker(ce, info, [...fields, '$st'])}(${[...fields, stores].join(', ')})`;
  };
  const start = marker(info.node.loc.start.line, info.node.loc.start.column + 1);
  const name = jsFunctionName(info);
  const nested = results.length > 0;
  // the frame where the copy leaves and the form leaving (bailAt, bailB); a copy that calls copies notes that it is
  // not in a call (`$site`), so its catch adds no frame of its own
  const withFrames = (fx: FunctionEmitter, body: string, self: string | undefined) => {
    const frames = fx.frames.map((f, i) => {
      const at = frameOf(new Set(f), fx.frameStores[i]);
      // the resume form's frames are toCopy's (no form: its driver knows the function)
      return self === undefined ? at : `${nested ? `($site = 0, ${at})` : at}, ${self}`;
    });
    return body.replace(/\x03(\d+)\x03/g, (_, i: string) => frames[Number(i)]!);
  };
  // A copy that calls copies runs its body in a try: when a copy it calls leaves, its catch adds its frame at that
  // call (runtime/core/transfer.ts nest) and lets the exception go on.
  const guarded = (fx: FunctionEmitter, body: string, self: string) => {
    if (!nested) return body;
    let atSite = '';
    for (const [k, live] of [...fx.siteLive].sort((a, b) => b[0] - a[0])) {
      atSite = atSite === '' ? frameOf(new Set(live)) : `$site === ${k} ? ${frameOf(new Set(live))} : ${atSite}`;
    }
    return `try {
${body}
} catch ($e) {
if ($site !== 0) nest($e, ${self}, $site, ${atSite});
throw $e;
}`;
  };
  const restore = frame.map((n) => `${n} = $S.${n};`).join(' ');
  const hoisted = [...plan.locals, ...results, ...(nested ? ['$site = 0'] : [])].length > 0
    ? `let ${[...plan.locals, ...results, ...(nested ? ['$site = 0'] : [])].join(', ')};` : '';
  const decls = (fx: FunctionEmitter, more: string) => [fx.tempDeclarations(), more].filter((d) => d !== '').join('\n');
  // Left at its entry, the call goes on at the first statement once it has given way.
  const tParams = [...params, ...(info.isVararg ? ['...va'] : [])];
  const transfer = `${start}(function ${name}$t(${tParams.join(', ')}) {\n${decls(tx, hoisted)}\n` +
    `if (--BUDGET.n < 0 && leaveDue()) bailB(1, ${frameOf(new Set())}, ${name}$t);\n${guarded(tx, withFrames(tx, tBody, `${name}$t`), `${name}$t`)}\nR.n = 0;\n})`;
  const own = [...params, ...plan.locals, ...results, ...(info.isVararg ? ['va'] : [])];
  const ownDecls = own.length > 0 ? `let ${own.join(', ')};` : '';
  const reenter = `${start}(function ${name}$u($rs, $S) {\n${decls(ex, nested ? `${ownDecls}\nlet $site = 0;` : ownDecls)}\n${restore}\n` +
    `${guarded(ex, withFrames(ex, eBody, `${name}$u`), `${name}$u`)}\nR.n = 0;\n})`;
  // entered at a nested site, `$in` is the rest of the inner call; at a back-edge it may hand over to its copy (toCopy)
  const resume = `${start}(function* ${name}$r($rs, $S, $in) {\n${decls(rx, ownDecls)}\n${restore}\n` +
    `if (BUDGET.n < 0) yield* preemptY();\n${withFrames(rx, rBody, undefined)}\nR.n = 0;\n})`;
  return { transfer, reenter, resume };
}

/**
 * The helper that makes a frame of `fields` for `info`'s forms (emitTransferForms). Declared in the module's factory,
 * which runs once per module, not in the chunk's function, which every process runs: declared there, an idle process
 * carried the helpers' closures (1,120 B of heap instead of 1,015 B).
 */
function frameMaker(ce: ChunkEmitter, info: FunctionInfo, fields: string[]): string {
  const key = `${info.index}:${fields.join(',')}`;
  let name = ce.frameMakers.get(key);
  if (name === undefined) {
    name = `$fr${info.index}_${ce.frameMakers.size}`;
    ce.frameMakers.set(key, name);
    ce.frameHelpers.push(`function ${name}(${fields.join(', ')}) { return { ${fields.join(', ')} }; }`);
  }
  return name;
}

/** The chunk's main function: plain only (a chunk runs to completion when loaded). */
export function emitChunkFunction(ce: ChunkEmitter, info: FunctionInfo): string {
  const fx = new FunctionEmitter(ce, info, 'plain');
  const body = emitBlock(fx, info.node.body);
  const decls = fx.tempDeclarations();
  // Type aliases are values bound as globals when the chunk loads (go-lua injectProtoTypes); TA maps their names.
  // TA belongs to this run of the chunk, not to the module: in process mode every process runs the chunk, and an
  // alias resolves the names it does not define in the globals of the process that made it.
  // A qualified name (`mod.Name`) may start from a local of the chunk: each alias gets a reader of those it can see.
  const aliases = ce.extras.aliases;
  const readers = aliasLocalReaders(ce, info.node as Chunk, aliases);
  const locals = readers.some((r) => r !== undefined) ? `, [${readers.map((r) => r ?? 'undefined').join(', ')}]` : '';
  const types = aliases.length === 0
    ? ''
    : `const TA = defineTypeAliases(G, ${JSON.stringify(aliases.map((a) => ({ name: a.name, params: a.params, type: a.type })))}${locals});\n`;
  // the back-offs of the functions with a transfer copy (runtime/core/transfer.ts mkT), one array per run of the chunk
  const backOffs = ce.opts.processMode ? 'const TB = [];\n' : '';
  // the makers of functions nested in functions with several forms (function-makers.ts)
  const makers = ce.makers.length === 0 ? '' : `${ce.makers.join('\n')}\n`;
  return `function main$F0(G, ...va) {\n${decls}${decls ? '\n' : ''}${backOffs}${makers}${types}${body}\nR.n = 0;\n}`;
}

/** The twin captures nothing that changes within one call of the parent (see FunctionInfo.twinShareable). */
function sharesTwin(info: FunctionInfo): boolean {
  return info.twinShareable && info.parent !== undefined && !info.parent.hasGoto;
}
