// Calls. The callee is called directly when it is a JS function (every Lua function is one); anything else goes to
// callx (`__call`, or the "attempt to call" error). In a generator twin the callee's own twin (`$y`) is preferred so a
// suspension anywhere below can travel up, unless analysis proved the call never suspends. Results equal to TAIL are
// deferred tail calls and are bounced here (docs/architecture.md, "Proper tail calls").
import type { CallLike, Expression } from '../lua-ast.js';
import type { FunctionInfo } from '../analyze/bindings.js';
import { positionOf } from '../diagnostics.js';
import { decodeStringLiteral } from '../strings.js';
import { marker, type FunctionEmitter } from './context.js';
import { bind, describeOperand, emitExpr, indexCode, INLINE_CLASS_LEVELS, isTableLocal, readInOrder } from './expressions.js';
import { js, jsString, propAny, type Js } from './js.js';
import { slowOp } from './slow-ops.js';
import { transferPlan } from './transfer.js';
import { earlyExit } from './peel.js';

/** 'one': the first result; 'stmt': results discarded; 'tail': a `return f(...)` (the caller adds `return`). */
export type CallWant = 'one' | 'stmt' | 'tail';

/** Maximum tail calls nested on the JS stack before one is deferred (runtime/core/call.ts TAIL_DEPTH). */
const TAIL_DEPTH = 150;

function argumentExpressions(e: CallLike): Expression[] {
  if (e.type === 'CallExpression') return e.arguments;
  if (e.type === 'TableCallExpression') return [e.arguments];
  return [e.argument];
}

interface Callee {
  /** code evaluating the callee (and the receiver for method calls) into temps */
  init: string[];
  fn: string;
  /** receiver for `o:m()` calls: first argument */
  self: string | undefined;
  desc: string;
}

/** The reflection methods of type values (go-lua ltype.go); only these make `T.m` / `T:m` a type call. */
const TYPE_METHODS = new Set(['is', 'kind', 'name', 'elem', 'key', 'val', 'inner', 'ret', 'fields', 'variants', 'params', 'tparams']);

/** go-lua's built-in type names, which are type values in call and method-call position (typed-lua-grammar.md §5). */
const BUILTIN_TYPES = new Set(['nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never']);

/** The type value a global name stands for in call position (`string(x)`, `Point(v)`, `Point:is(v)`), if any. */
function typeValueOf(fx: FunctionEmitter, e: Expression): string | undefined {
  if (e.type !== 'Identifier') return undefined;
  const b = fx.ce.analysis.bindings.get(e);
  if (b === undefined || b.kind !== 'global') return undefined;
  if (fx.ce.extras.aliases.some((a) => a.name === e.name)) return `TA.get(${jsString(e.name)})`;
  if (BUILTIN_TYPES.has(e.name)) return `builtinType(${jsString(e.name)})`;
  return undefined;
}

function emitCallee(fx: FunctionEmitter, e: CallLike): Callee {
  const base = e.base;
  const asType = typeValueOf(fx, base);
  if (asType !== undefined) {
    const f = fx.temp();
    return { init: [`${f} = ${asType}`], fn: f, self: undefined, desc: describeOperand(fx, base) };
  }
  // go-lua's binder (runtimeTypeCallBase): `T.m(...)`, `T["m"](...)` and `T:m(...)` call a type value's method when
  // m is one of its reflection methods, so `string.is(v)` and `string:kind()` reach the type, `string.len` the library.
  if (base.type === 'MemberExpression' && TYPE_METHODS.has(base.identifier.name)) {
    const typeObj = typeValueOf(fx, base.base);
    if (typeObj !== undefined) {
      const obj = fx.temp();
      const name = base.identifier.name;
      const f = fx.temp();
      const lookup = indexCode(fx, js(obj, 'any', true), jsString(name), propAny(name), base, describeOperand(fx, base.base));
      const method = base.indexer === ':';
      return {
        init: [`${obj} = ${typeObj}`, `${f} = ${lookup}`],
        fn: f,
        self: method ? obj : undefined,
        desc: `${method ? 'method' : 'field'} '${name}'`,
      };
    }
  }
  if (base.type === 'MemberExpression' && base.indexer === ':') {
    const objJs = readInOrder(fx, base.base, emitExpr(fx, base.base));
    // A literal receiver (`("x"):rep(2)`) is bound to a temp: `"x".rep` must not reach a JS String method.
    const obj = bind(fx, objJs.simple && !objJs.code.includes('$') ? { ...objJs, simple: false } : objJs);
    const name = base.identifier.name;
    const f = fx.temp();
    const lookup = methodCode(fx, obj.ref, name, base, describeOperand(fx, base.base), isTableLocal(fx, base.base));
    return { init: [obj.init, `${f} = ${lookup}`].filter((x) => x !== ''), fn: f, self: obj.ref, desc: `method '${name}'` };
  }
  const callee = readInOrder(fx, base, emitExpr(fx, base));
  const b = bind(fx, callee);
  return { init: b.init === '' ? [] : [b.init], fn: b.ref, self: undefined, desc: describeOperand(fx, base) };
}

/**
 * A trailing call argument `f(a, g())`: `first` holds g's first result and `rest` is undefined when g returned exactly
 * one value (the common case: no array, no spread), else every result of g as an array.
 */
interface MultiTail {
  first: string;
  rest: string;
}

/**
 * The method of `o:name()`: a table's own field, else (the class pattern, `setmetatable(o, C)` with `C.__index = C`,
 * and userdata methods) the raw field of its metatable's `__index` table, and of that table's own `__index` table
 * and so on (inherited methods: `setmetatable(Derived, {__index = Base})`), all inline so each site's property loads
 * get their own inline caches; a miss anywhere (a function `__index`, a deeper chain) goes to index(), which starts
 * over from `o`. Metatable fields are read raw, as lvm.c does.
 */
function methodCode(fx: FunctionEmitter, o: string, name: string, at: Expression, desc: string, knownTable: boolean): string {
  const t = fx.temp();
  const r = fx.temp();
  const acc = propAny(name);
  const s = fx.ce.site(at.loc.start.line, desc);
  // (t = t[MT]) !== undefined && (t = t.__index) instanceof LuaTable && ((r = t.name) !== undefined || <deeper>)
  let chain = '';
  for (let level = INLINE_CLASS_LEVELS; level >= 1; level--) {
    const from = level === 1 ? o : t;
    const found = `(${r} = ${t}${acc}) !== undefined`;
    chain = `(${t} = ${from}[MT]) !== undefined && (${t} = ${t}.__index) instanceof LuaTable && ${chain === '' ? found : `(${found} || ${chain})`}`;
  }
  if (knownTable) return `((((${r} = ${o}${acc}) !== undefined) || (${chain})) ? ${r} : ${slowOp(fx, 'index', `${o}, ${jsString(name)}, M, ${s}`)})`;
  // Userdata (an object with its metatable at [MT] and no Lua fields of its own) takes the metatable steps only; a
  // string the raw field of its metatable's __index table (the string library, `s:sub(1, 2)`).
  return `(((${o} instanceof LuaTable && (${r} = ${o}${acc}) !== undefined) || (typeof ${o} === "object" && ${o} !== null && ` +
    `${chain}) || (typeof ${o} === "string" && (${t} = SMETA.mt) !== undefined && (${t} = ${t}.__index) instanceof LuaTable && ` +
    `(${r} = ${t}${acc}) !== undefined)) ? ${r} : ${slowOp(fx, 'index', `${o}, ${jsString(name)}, M, ${s}`)})`;
}

/** Arguments as simple JS expressions (bound to temps when needed); the last may be a spread `...array`. */
function emitArgs(fx: FunctionEmitter, e: CallLike, self: string | undefined, init: string[]): { out: string[]; multi: MultiTail | undefined } {
  const exprs = argumentExpressions(e);
  const out: string[] = self === undefined ? [] : [self];
  let multi: MultiTail | undefined;
  exprs.forEach((a, i) => {
    const last = i === exprs.length - 1;
    if (last && fx.ce.isMulti(a, exprs.length === 1 && e.type === 'CallExpression')) {
      if (a.type === 'VarargLiteral') {
        out.push('...va');
        return;
      }
      const first = fx.temp();
      const rest = fx.temp();
      // R.n is read right after the call, before anything else can run.
      init.push(`${first} = ${emitCall(fx, a as CallLike, 'one')}`, `${rest} = R.n === 1 ? undefined : collect(${first})`);
      multi = { first, rest };
      return;
    }
    if (a.type === 'StringLiteral') {
      out.push(jsString(decodeStringLiteral(a.raw, a.range?.[0])));
      return;
    }
    const v: Js = readInOrder(fx, a, emitExpr(fx, a));
    const b = bind(fx, v);
    if (b.init !== '') init.push(b.init);
    out.push(b.ref);
  });
  return { out, multi };
}

export function emitCall(fx: FunctionEmitter, e: CallLike, want: CallWant): string {
  if (e.type === 'CallExpression') checkAmbiguousCall(fx, e);
  const callee = emitCallee(fx, e);
  const init = [...callee.init];
  // a nested site (transfer.ts): the copy calls the callee's copy plain
  const site = fx.transfer || fx.resume ? fx.sites?.get(e) : undefined;
  const known = knownCallee(fx, e);
  // An unknown callee (a method, a closure) at a nested site, in the copy: what to call is decided before the
  // arguments are evaluated (its copy, or itself when it has no twin), and the copy leaves there when it has a twin
  // only, or is not a function (the resume form calls it), so that the statement run again from its start or after
  // the site before repeats nothing (transfer.ts safeSites). The temps match the twin's.
  let target: string | undefined;
  if (site !== undefined && fx.transfer && known === undefined) {
    const f = callee.fn;
    target = fx.temp();
    fx.temp();
    const away = `bailAt(${fx.leaveTarget()}, ${fx.frameRef()})`;
    init.push(`(typeof ${f} !== "function" ? ${away} : (${target} = ${f}.$y) === undefined ? (${target} = ${f}) : (${target} = ${f}.$t) === undefined && ${away})`);
  }
  const { out, multi } = emitArgs(fx, e, callee.self, init);
  const withArgs = (list: string[]) => list.join(', ');
  // With a trailing multi-valued call, the one-result case passes it as a plain argument (no array, no spread).
  const args = multi === undefined ? withArgs(out) : withArgs([...out, `...(${multi.rest} === undefined ? [${multi.first}] : ${multi.rest})`]);
  const f = callee.fn;
  const s = fx.ce.site(e.loc.start.line, callee.desc);
  const mark = marker(e.loc.start.line, e.loc.start.column + 1);
  const sep = args === '' ? '' : ', ';
  const t = fx.temp();
  const suspends = fx.gen && !fx.ce.analysis.plainCalls.has(e);
  let directWith: (a: string) => string;
  let other: string;
  const leave = fx.transfer ? `bailAt(${fx.leaveTarget()}, ${fx.frameRef()})` : '';
  if (site !== undefined && fx.transfer && known !== undefined) {
    directWith = (a) => `${f}.$t(${a})`;
    other = '';
  } else if (target !== undefined) {
    directWith = (a) => `${target}(${a})`;
    other = leave;
  } else if (fx.transfer && !fx.ce.analysis.plainCalls.has(e)) {
    // The transfer copy (transfer.ts) leaves before a call that would run a twin; the resume form makes it (known
    // functions with a twin are not called from a copy). The temps match the twin's.
    const y = fx.temp();
    fx.temp();
    directWith = (a) => `((${y} = ${f}.$y) !== undefined ? ${leave} : ${f}(${a}))`;
    other = leave;
  } else if (fx.transfer && fx.ce.analysis.metaCalls.has(e)) {
    const m = fx.temp();
    const r = fx.temp();
    directWith = (a) => `((${m} = ${f}.$m) !== undefined ? ((${r} = ${m}(${a})) === DEFER ? ${leave} : ${r}) : ${f}(${a}))`;
    other = `callx(${f}, M, ${s}${sep}${args})`;
  } else if (suspends && known !== undefined && known.suspendable && known.pure && transferPlan(fx.ce, known) === undefined) {
    // A pure function runs plain; an attempt that had to give way or reach a metamethod left nothing behind and is
    // run again as the twin (runtime/core/pure-call.ts). One with a transfer copy goes on where it left instead.
    directWith = (a) => `((${t} = tryPure(${f}${a === '' ? '' : ', '}${a})) === RETRY ? (yield* ${f}.$y(${a})) : ${t})`;
    other = '';
  } else if (suspends && known !== undefined && known.suspendable) {
    // A function with a transfer copy runs it plain; when it had to give way, the rest of the call runs as its
    // resume form, or the whole call as its twin while it backs off (runtime/core/transfer.ts transferY).
    // positional up to its parameters (what it ignores was evaluated already)
    const given = known.isVararg ? out : out.slice(0, known.params.length);
    const exit = multi === undefined && !given.some((a) => a.startsWith('...')) ? earlyExit(fx.ce.analysis, known) : undefined;
    const params = known.params.map((_, i) => given[i] ?? 'undefined');
    // Inside a coroutine the coroutine's driver makes the call (runtime/core/trampoline.ts): a yield from deep in a
    // recursion then leaves and comes back in one step instead of through a `yield*` per level.
    const twin = (a: string) => `(TRAMP.co !== undefined ? (yield trCall(${f}.$y(${a}), M, ${s})) : (yield* ${f}.$y(${a})))`;
    directWith = transferPlan(fx.ce, known) === undefined
      ? exit === undefined
        ? twin
        // a call that surely returns at once makes no generator (peel.ts)
        : (a) => `(${exit.when(params)} ? ${exit.results(params)} : ${twin(a)})`
      : (a) => `(yield* ${transferCall(f, a, given, multi)})`;
    other = '';
  } else if (suspends) {
    const y = fx.temp();
    const d = fx.temp();
    // coroutine.yield itself suspends right here: yield its arguments to the resumer (runtime/core/coroutine.ts).
    // A blocking built-in with a direct form (`$y.$d`, runtime/process/task.ts) either answers at once or parks the
    // task and returns PARK; the code yields PARK itself and hands the wake-up value to `$y.$r` for the results, so
    // a message costs no delegated iterator (yield*) on the way out and back in.
    // One value yielded goes in the one array every such yield reuses (runtime/core/coroutine.ts yield1).
    const one = out.length === 1 && multi === undefined && !out[0]!.startsWith('...');
    // A callee with a transfer copy (a method, a closure passed as a value) runs it plain through transferY, as known
    // local functions do: the copies it calls at their nested sites run plain too (runtime/core/transfer.ts). Up to
    // four arguments and no spread only: transferYV's rest parameter and spread cost more than the generator saved.
    const viaCopy = fx.ce.opts.processMode && multi === undefined && out.length <= 4 && !out.some((x) => x.startsWith('...'))
      ? (a: string) => `((${d} = ${f}.$t) !== undefined ? ${transferCall(f, a, out, multi)} : ${y}(${a}))`
      : (a: string) => `${y}(${a})`;
    directWith = (a) =>
      `((${y} = ${f}.$y) !== undefined ? (${y} === YIELD ? yieldBack(yield ${one ? `yield1(${a})` : `[${a}]`}) : (${d} = ${y}.$d) !== undefined ? ` +
      `((${d} = ${d}(${a})) === PARK ? ${y}.$r(yield PARK) : ${d}) : (yield* ${viaCopy(a)})) : ${f}(${a}))`;
    other = `(yield* callxY(${f}, M, ${s}${sep}${args}))`;
  } else if (fx.gen && fx.ce.analysis.metaCalls.has(e)) {
    // tostring, print, string.format in process-mode generator code: their may-defer form (`$m`) returns DEFER when
    // a `__tostring` handler must run as its twin (runtime/lib/meta-twins.ts); anything else in that place is plain.
    const m = fx.temp();
    const r = fx.temp();
    directWith = (a) =>
      `((${m} = ${f}.$m) !== undefined ? ((${r} = ${m}(${a})) === DEFER ? (yield* runDeferred()) : ${r}) : ${f}(${a}))`;
    other = `callx(${f}, M, ${s}${sep}${args})`;
  } else {
    directWith = (a) => `${f}(${a})`;
    other = `callx(${f}, M, ${s}${sep}${args})`;
  }
  const direct = multi === undefined
    ? directWith(args)
    : `(${multi.rest} === undefined ? ${directWith(withArgs([...out, multi.first]))} : ${directWith(withArgs([...out, `...${multi.rest}`]))})`;
  // A copy's nested site bounces through the callees' copies (runtime/core/transfer.ts bounceT): a deferred tail call
  // of a function with a twin must not run its plain version, which never gives way; bounceT leaves at this site
  // (`$site`) where the callee has a twin only. Elsewhere the copy bounces plain, as the plain version does.
  const bounce = fx.gen ? '(yield* bounceY())' : fx.transfer && site !== undefined ? 'bounceT()' : 'bounce()';
  const bounces = want !== 'tail' && (known === undefined || known.hasTailCall);
  if (fx.gen && (suspends || fx.ce.analysis.metaCalls.has(e) || bounces)) fx.yieldSites++;
  let code: string;
  if (want === 'tail') {
    // past the depth the call is deferred; in a copy too, where the site that bounces it runs the callee's copy
    // (bounceT below), so a copy's tail call leaves nowhere
    const deferred = `tail(${f}, [${args}])`;
    code = `(R.td++ < ${TAIL_DEPTH} ? (${t} = ${direct}, R.td--, ${t}) : ${deferred})`;
    // A callable table in tail position is always deferred: the trampoline resolves its __call and stays a tail
    // call (lvm.c OP_TAILCALL), so `return self(n - 1)` through __call runs in constant stack.
    // Anything else keeps the call site's own path (its error names the variable). (The copy has no such path at a
    // site: a callee that is not a function left before its arguments, and the resume form calls it.)
    if (target === undefined) other = `(hasCallMeta(${f}) ? ${deferred} : ${other})`;
  } else if (!bounces) {
    // A local function without `return f(...)` never returns TAIL.
    code = direct;
  } else {
    code = `((${t} = ${direct}) === TAIL ? ${bounce} : ${t})`;
  }
  // A known local function is a function: no callx path.
  if (known === undefined) code = `(typeof ${f} === "function" ? ${code} : ${other})`;
  // `select(n, ...)` (the usual vararg loop): when the callee is the standard select, the varargs array is read in
  // place, with the same results and errors, instead of spread into a rest parameter and sliced.
  if (known === undefined && want !== 'tail' && out.length === 2 && multi === undefined && out[1] === '...va') {
    code = `(${f} === SELECT ? selectVa(${out[0]}, va) : ${code})`;
  }
  // The call itself comes after its arguments' code (a function literal's whole body, say): it gets the call's
  // position again, so a traceback through it does not resolve into the last argument's code.
  const evaluated = (c: string) => (init.length === 0 ? c : `(${init.join(', ')}, ${mark}${c})`);
  if (site !== undefined) return mark + nestedSite(fx, site, code, evaluated, want !== 'tail' && bounces ? t : undefined);
  return mark + evaluated(code);
}

/**
 * A nested site `k` (transfer.ts): its first result kept in `$c<k>`. The copy notes the site before the call (its
 * catch adds the frame at that site when the callee's copy leaves: functions.ts). The resume form entered at `k` takes
 * the rest of the inner call (`$in`, a generator; `bounceWith`: the temp with which a TAIL it returns is bounced) in
 * place of the call, and entered at `k + 1`, or at a later site, the call's saved result; either way without
 * evaluating the callee and the arguments again (`evaluated` puts them before the call), which only the call consumes.
 * Entered below `k` (at a site in the arguments), it evaluates them and makes the call.
 */
function nestedSite(fx: FunctionEmitter, k: number, call: string, evaluated: (c: string) => string, bounceWith: string | undefined): string {
  const c = `$c${k}`;
  fx.lastSite = k;
  if (fx.transfer) {
    fx.siteLive.set(k, [...fx.live]);
    return evaluated(`($site = ${k}, ${c} = ${call})`);
  }
  const inner = bounceWith === undefined ? '(yield* $in)' : `((${bounceWith} = (yield* $in)) === TAIL ? (yield* bounceY()) : ${bounceWith})`;
  return `($rs < ${k} ? ${evaluated(`(${c} = ${call})`)} : $rs === ${k} ? ($rs = 0, ${c} = ${inner}) : ($rs === ${k + 1} && ($rs = 0), ${c}))`;
}

/** The function a call's callee always holds: a local function (or `local f = function`) never reassigned. */
function knownCallee(fx: FunctionEmitter, e: CallLike): FunctionInfo | undefined {
  if (e.base.type !== 'Identifier') return undefined;
  const b = fx.ce.analysis.bindings.get(e.base);
  if (b === undefined || b.kind !== 'local' || b.v.reassigned) return undefined;
  return b.v.constFunction;
}

/** Lua 5.1 and go-lua reject `f` newline `(x)`: the `(` of a call must be on the line where its callee ends. */
function checkAmbiguousCall(fx: FunctionEmitter, e: CallLike): void {
  const src = fx.ce.opts.source;
  let i = e.base.range[1];
  let sawNewline = false;
  while (i < src.length && src[i] !== '(') {
    if (src[i] === '\n') sawNewline = true;
    i++;
  }
  if (sawNewline && src[i] === '(') {
    // Reported at the '(' as Lua 5.1 does ("near '('").
    const { line, column } = positionOf(src, i);
    fx.ce.report('LUA1006', 'ambiguous syntax (function call x new statement)', line, column, 1);
  }
}

/**
 * The generator a twin delegates to for a call of a function with a transfer copy (runtime/core/transfer.ts): transferY
 * with up to four simple arguments (no array per call), else transferYV with the argument list `a`.
 */
function transferCall(f: string, a: string, args: string[], multi: MultiTail | undefined): string {
  if (multi === undefined && args.length <= 4 && !args.includes('...va')) return `transferY(${[f, String(args.length), ...args].join(', ')})`;
  return `transferYV(${f}${a === '' ? '' : ', '}${a})`;
}
