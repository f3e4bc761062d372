// Expressions to JS. Each operator inlines its common case (numbers for arithmetic, strings for `..`, a table with
// the key present for indexing) and calls a runtime slow path, with a site id for the error message, otherwise.
import type {
  BinaryExpression, CallLike, Expression, Identifier, IndexExpression, LogicalExpression, MemberExpression,
  TableConstructorExpression, UnaryExpression,
} from '../lua-ast.js';
import { decodeStringLiteral } from '../strings.js';
import type { FunctionEmitter } from './context.js';
import { js, jsNumber, jsString, propAny, seq, type Js } from './js.js';
import { emitCall } from './calls.js';
import { emitFunction } from './functions.js';
import { slowOp } from './slow-ops.js';

/** Evaluates `v` once: returns the code that stores it (or '' when already simple) and the reference to use. */
export function bind(fx: FunctionEmitter, v: Js): { init: string; ref: string } {
  if (v.simple) return { init: '', ref: v.code };
  const t = fx.temp();
  return { init: `${t} = ${v.code}`, ref: t };
}

/** One value of an expression (a multi-valued expression is truncated to its first value). */
export function emitExpr(fx: FunctionEmitter, e: Expression): Js {
  switch (e.type) {
    case 'NilLiteral':
      return js('undefined', 'nil', true);
    case 'BooleanLiteral':
      return js(e.value ? 'true' : 'false', 'bool', true);
    case 'NumericLiteral':
      return js(jsNumber(e.value), 'num', true);
    case 'StringLiteral':
      return js(jsString(decodeStringLiteral(e.raw, e.range?.[0])), 'str', true);
    case 'VarargLiteral':
      return js('va[0]');
    case 'Identifier':
      return emitName(fx, e);
    case 'FunctionDeclaration':
      return js(emitFunction(fx, e), 'obj');
    case 'TableConstructorExpression':
      return emitTable(fx, e);
    case 'BinaryExpression':
      return emitBinary(fx, e);
    case 'LogicalExpression':
      return emitLogical(fx, e);
    case 'UnaryExpression':
      return emitUnary(fx, e);
    case 'MemberExpression':
      return emitMember(fx, e);
    case 'IndexExpression':
      return emitIndex(fx, e);
    case 'CallExpression':
    case 'TableCallExpression':
    case 'StringCallExpression':
      return js(emitCall(fx, e, 'one'));
    default: {
      const never: never = e;
      throw new Error(`unknown expression ${(never as { type: string }).type}`);
    }
  }
}

export function emitName(fx: FunctionEmitter, id: Identifier): Js {
  const b = fx.ce.analysis.bindings.get(id);
  if (b !== undefined && b.kind === 'local') {
    // A local that only ever holds numbers (analyze/value-kinds.ts) needs no typeof tests. A table local stays 'any'
    // here (it may have a metatable, so `==` still needs __eq); isTableLocal lets indexing skip its instanceof test.
    const name = fx.ce.celled(b.v) ? `${b.v.jsName}.v` : b.v.jsName;
    return js(name, b.v.valueKind === 'num' ? 'num' : 'any', true);
  }
  const t = fx.temp();
  return js(`((${t} = G${propAny(id.name)}) !== undefined ? ${t} : ${slowOp(fx, 'gget', `G, ${jsString(id.name)}`)})`);
}

/**
 * `v` (the code of `e`) for an item of a list that Lua evaluates into registers one by one (call arguments, table
 * constructor items, concat operands): a local that a closure assigns is then read before the later items run, so
 * a call among them that assigns it must not change what was passed (PUC MOVEs such a local at its turn; binary
 * operators, by contrast, read a local's register when they execute, after both operands). Found by test/fuzz/.
 */
export function readInOrder(fx: FunctionEmitter, e: Expression, v: Js): Js {
  if (!v.simple || e.type !== 'Identifier') return v;
  const b = fx.ce.analysis.bindings.get(e);
  return b !== undefined && b.kind === 'local' && b.v.assignedByClosure ? { ...v, simple: false } : v;
}

/** Evaluating `e` runs no Lua code (a literal or a local's name), so it cannot assign any local. */
function runsNoCode(fx: FunctionEmitter, e: Expression): boolean {
  if (e.type === 'Identifier') return fx.ce.analysis.bindings.get(e)?.kind === 'local';
  return e.type === 'NumericLiteral' || e.type === 'StringLiteral' || e.type === 'BooleanLiteral' || e.type === 'NilLiteral';
}

/**
 * `v` (the code of `e`), the left operand of a binary operator whose right operand is `right`. PUC reads a local of
 * the running function from its register when the operator executes (after `right`), but loads an upvalue into a
 * register first (GETUPVAL): so an upvalue that a closure assigns is read before `right` runs, when `right` can run
 * code. Found by test/fuzz/ (`n + f()` where f assigns the upvalue n).
 */
export function readLeftOperand(fx: FunctionEmitter, e: Expression, v: Js, right: Expression): Js {
  if (!v.simple || e.type !== 'Identifier' || runsNoCode(fx, right)) return v;
  const b = fx.ce.analysis.bindings.get(e);
  return b !== undefined && b.kind === 'local' && b.v.assignedByClosure && b.v.owner !== fx.info ? { ...v, simple: false } : v;
}

/** The expression is a local that only ever holds tables (never reassigned to anything else). */
export function isTableLocal(fx: FunctionEmitter, e: Expression): boolean {
  if (e.type !== 'Identifier') return false;
  const b = fx.ce.analysis.bindings.get(e);
  return b !== undefined && b.kind === 'local' && b.v.valueKind === 'tbl';
}

/** `x instanceof LuaTable && ` for the inline fast paths, or nothing when x is a table local. */
export function tableTest(fx: FunctionEmitter, e: Expression, ref: string): string {
  return isTableLocal(fx, e) ? '' : `${ref} instanceof LuaTable && `;
}

/** A JS boolean for Lua truthiness of `e` (conditions of if/while/repeat, operands of not/and/or in tests). */
export function emitCond(fx: FunctionEmitter, e: Expression): string {
  if (e.type === 'LogicalExpression') {
    const l = emitCond(fx, e.left);
    const r = emitCond(fx, e.right);
    return `(${l} ${e.operator === 'and' ? '&&' : '||'} ${r})`;
  }
  if (e.type === 'UnaryExpression' && e.operator === 'not') return `!${emitCond(fx, e.argument)}`;
  const v = emitExpr(fx, e);
  if (v.kind === 'bool') return v.code;
  if (v.kind === 'nil') return 'false';
  if (v.kind === 'num' || v.kind === 'str') return seq(v.simple ? '' : v.code, 'true');
  const { init, ref } = bind(fx, v);
  return seq(init, `(${ref} !== undefined && ${ref} !== false)`);
}

function emitLogical(fx: FunctionEmitter, e: LogicalExpression): Js {
  const l = emitExpr(fx, e.left);
  const r = emitExpr(fx, e.right);
  if (l.kind === 'bool' && r.kind === 'bool') return js(`(${l.code} ${e.operator === 'and' ? '&&' : '||'} ${r.code})`, 'bool');
  const { init, ref } = bind(fx, l);
  const truthy = l.kind === 'bool' ? ref : `${ref} !== undefined && ${ref} !== false`;
  const code = e.operator === 'and' ? `(${truthy} ? ${r.code} : ${ref})` : `(${truthy} ? ${ref} : ${r.code})`;
  return js(seq(init, code), l.kind === r.kind ? l.kind : 'any');
}

function emitUnary(fx: FunctionEmitter, e: UnaryExpression): Js {
  const line = e.loc.start.line;
  if (e.operator === 'not') return js(`!${emitCond(fx, e.argument)}`, 'bool');
  const a = emitExpr(fx, e.argument);
  const s = fx.ce.site(line, describeOperand(fx, e.argument));
  switch (e.operator) {
    case '-': {
      if (a.kind === 'num') return js(`(-${a.code})`, 'num');
      const { init, ref } = bind(fx, a);
      return js(seq(init, `(typeof ${ref} === "number" ? -${ref} : ${slowOp(fx, 'unm', `${ref}, M, ${s}`)})`));
    }
    case '#': {
      if (a.kind === 'str') return js(`(${a.code}).length`, 'num');
      if (isTableLocal(fx, e.argument)) {
        return js(`(${a.code}[MT] === undefined ? ${a.code}[ARR].length : ${slowOp(fx, 'len', `${a.code}, M, ${s}`)})`);
      }
      // A literal operand gets a temp too: `123.length` is not valid JS.
      const { init, ref } = bind(fx, a.simple && a.kind !== 'any' ? { ...a, simple: false } : a);
      return js(seq(init,
        `(typeof ${ref} === "string" ? ${ref}.length : ${ref} instanceof LuaTable && ${ref}[MT] === undefined ? ${ref}[ARR].length : ${slowOp(fx, 'len', `${ref}, M, ${s}`)})`), 'any');
    }
    case '~':
      return js(`bnot(${a.code}, M, ${s})`, 'num');
    default: {
      const never: never = e.operator;
      throw new Error(`unknown unary ${String(never)}`);
    }
  }
}

const ARITH_JS: Partial<Record<BinaryExpression['operator'], string>> = { '+': '+', '-': '-', '*': '*', '/': '/' };
const BITWISE: Partial<Record<BinaryExpression['operator'], string>> = {
  '&': 'band', '|': 'bor', '~': 'bxor', '<<': 'shl', '>>': 'shr', '//': 'idiv',
};

function emitBinary(fx: FunctionEmitter, e: BinaryExpression): Js {
  const op = e.operator;
  if (op === '..') return emitConcat(fx, e);
  if (op === '==' || op === '~=') return emitEquality(fx, e);
  const line = e.loc.start.line;
  const l = readLeftOperand(fx, e.left, emitExpr(fx, e.left), e.right);
  const r = emitExpr(fx, e.right);
  const s = () => fx.ce.site(line, describeOperand(fx, e.left), describeOperand(fx, e.right));
  const jsOp = ARITH_JS[op];
  if (jsOp !== undefined || op === '%' || op === '^') {
    const L = bind(fx, l);
    const Rb = bind(fx, r);
    const fast = (a: string, b: string) =>
      op === '%' ? modCode(fx, a, b) : op === '^' ? `Math.pow(${a}, ${b})` : `${a} ${jsOp} ${b}`;
    if (l.kind === 'num' && r.kind === 'num') return js(seq([L.init, Rb.init].filter((x) => x !== '').join(', '), `(${fast(L.ref, Rb.ref)})`), 'num');
    const checks: string[] = [];
    if (l.kind !== 'num') checks.push(`typeof ${L.ref} === "number"`);
    if (r.kind !== 'num') checks.push(`typeof ${Rb.ref} === "number"`);
    const init = [L.init, Rb.init].filter((x) => x !== '').join(', ');
    const code = `(${checks.join(' && ')} ? ${fast(L.ref, Rb.ref)} : ${slowOp(fx, 'arith', `${jsString(op)}, ${L.ref}, ${Rb.ref}, M, ${s()}`)})`;
    return js(seq(init, code));
  }
  const bit = BITWISE[op];
  // Always a number or an error (no metamethods, runtime/core/ops.ts), as analyze/value-kinds.ts assumes.
  if (bit !== undefined) return js(`${bit}(${l.code}, ${r.code}, M, ${s()})`, 'num');
  // Comparisons: `a > b` is `b < a` and `a >= b` is `b <= a`, with operands still evaluated left to right.
  const L = bind(fx, l);
  const Rb = bind(fx, r);
  const init = [L.init, Rb.init].filter((x) => x !== '').join(', ');
  const [a, b] = op === '>' || op === '>=' ? [Rb.ref, L.ref] : [L.ref, Rb.ref];
  const jsCmp = op === '<' || op === '>' ? '<' : '<=';
  const helper = jsCmp === '<' ? 'lt' : 'le';
  if (l.kind === 'num' && r.kind === 'num') return js(seq(init, `(${a} ${jsCmp} ${b})`), 'bool');
  if (l.kind === 'str' && r.kind === 'str') return js(seq(init, `(${a} ${jsCmp} ${b})`), 'bool');
  const [ka, kb] = op === '>' || op === '>=' ? [r.kind, l.kind] : [l.kind, r.kind];
  const checks = [ka === 'num' ? '' : `typeof ${a} === "number"`, kb === 'num' ? '' : `typeof ${b} === "number"`]
    .filter((c) => c !== '').join(' && ');
  const code = `((${checks}) ? ${a} ${jsCmp} ${b} : ${slowOp(fx, helper, `${a}, ${b}, M, ${s()}`)})`;
  return js(seq(init, code), 'bool');
}

/** Lua's `%` on two numbers (runtime/core/ops.ts mod: fmod, then the sign of the divisor), inline. */
function modCode(fx: FunctionEmitter, a: string, b: string): string {
  const r = fx.temp();
  if (/^[0-9.e+]+$/.test(b) && Number(b) > 0) return `((${r} = ${a} % ${b}) < 0 ? ${r} + ${b} : ${r})`;
  return `((${r} = ${a} % ${b}) !== 0 && (${r} < 0) !== (${b} < 0) ? ${r} + ${b} : ${r})`;
}

function isConstantPrimitive(v: Js): boolean {
  return v.simple && (v.kind === 'nil' || v.kind === 'bool' || v.kind === 'num' || v.kind === 'str') &&
    !/\$/.test(v.code);
}

function emitEquality(fx: FunctionEmitter, e: BinaryExpression): Js {
  const l = readLeftOperand(fx, e.left, emitExpr(fx, e.left), e.right);
  const r = emitExpr(fx, e.right);
  const neg = e.operator === '~=';
  // Comparing with a literal never involves __eq (Lua 5.1 §2.8: only two tables or two userdata use it).
  if (isConstantPrimitive(l) || isConstantPrimitive(r) || (l.kind !== 'any' && r.kind !== 'any')) {
    return js(`(${l.code} ${neg ? '!==' : '==='} ${r.code})`, 'bool');
  }
  const L = bind(fx, l);
  const Rb = bind(fx, r);
  const init = [L.init, Rb.init].filter((x) => x !== '').join(', ');
  const test = `(${L.ref} === ${Rb.ref} || ${slowOp(fx, 'eqmeta', `${L.ref}, ${Rb.ref}`)})`;
  return js(seq(init, neg ? `!${test}` : test), 'bool');
}

/** `a .. b .. c` is right associative: fold from the right, inlining the string + string case. */
function emitConcat(fx: FunctionEmitter, e: BinaryExpression): Js {
  const operands: Expression[] = [];
  let cur: Expression = e;
  while (cur.type === 'BinaryExpression' && cur.operator === '..') {
    operands.push(cur.left);
    cur = cur.right;
  }
  operands.push(cur);
  const line = e.loc.start.line;
  const vals = operands.map((o) => readInOrder(fx, o, emitExpr(fx, o)));
  const bound = vals.map((v) => (v.kind === 'str' && v.simple ? { init: '', ref: v.code } : bind(fx, v)));
  const inits = bound.map((b) => b.init).filter((x) => x !== '');
  let acc = bound[bound.length - 1]!.ref;
  let accKind = vals[vals.length - 1]!.kind;
  for (let i = bound.length - 2; i >= 0; i--) {
    const a = bound[i]!.ref;
    const s = fx.ce.site(line, describeOperand(fx, operands[i]!), describeOperand(fx, operands[i + 1]!));
    if (vals[i]!.kind === 'str' && accKind === 'str') acc = `${a} + ${acc}`;
    else {
      const t = fx.temp();
      acc = `(${t} = ${acc}, typeof ${a} === "string" && typeof ${t} === "string" ? ${a} + ${t} : ${slowOp(fx, 'concat', `${a}, ${t}, M, ${s}`)})`;
      // A __concat metamethod may return any value, so the result is a string only when both sides were.
      accKind = 'any';
    }
  }
  return js(inits.length === 0 ? `(${acc})` : `(${inits.join(', ')}, ${acc})`, accKind);
}

/** Operand description for error messages, as PUC Lua gives it: "local 'x'", "global 'x'", "field 'x'", ... */
export function describeOperand(fx: FunctionEmitter, e: Expression): string {
  switch (e.type) {
    case 'Identifier':
      return fx.describe(e);
    case 'MemberExpression':
      return e.indexer === ':' ? `method '${e.identifier.name}'` : `field '${e.identifier.name}'`;
    case 'IndexExpression':
      return e.index.type === 'StringLiteral' ? `field '${decodeStringLiteral(e.index.raw, e.index.range?.[0])}'` : '';
    case 'StringLiteral':
    case 'NumericLiteral':
      return 'constant';
    default:
      return '';
  }
}

/** `base.name`, with the present-key case inline. */
function emitMember(fx: FunctionEmitter, e: MemberExpression): Js {
  const base = emitExpr(fx, e.base);
  return js(indexCode(fx, base, jsString(e.identifier.name), propAny(e.identifier.name), e, describeOperand(fx, e.base),
    isTableLocal(fx, e.base)));
}

function emitIndex(fx: FunctionEmitter, e: IndexExpression): Js {
  const base = emitExpr(fx, e.base);
  if (e.index.type === 'StringLiteral') {
    const key = decodeStringLiteral(e.index.raw, e.index.range?.[0]);
    return js(indexCode(fx, base, jsString(key), propAny(key), e, describeOperand(fx, e.base), isTableLocal(fx, e.base)));
  }
  const key = emitExpr(fx, e.index);
  const B = bind(fx, base);
  const K = bind(fx, key);
  const isT = tableTest(fx, e.base, B.ref);
  const s = fx.ce.site(e.loc.start.line, describeOperand(fx, e.base));
  const init = [B.init, K.init].filter((x) => x !== '').join(', ');
  if (key.kind === 'num') {
    const t = fx.temp();
    return js(seq(init,
      // A number missing from the array part of a table without metatable or hash part is nil (a leaf's `t[1]`).
      `((${isT}((${t} = ${B.ref}[ARR][${K.ref} - 1]) !== undefined || (${B.ref}[MT] === undefined && ${B.ref}[HASH] === undefined))) ` +
      `? ${t} : ${slowOp(fx, 'index', `${B.ref}, ${K.ref}, M, ${s}`)})`));
  }
  if (key.kind === 'str') {
    const t = fx.temp();
    return js(seq(init,
      `((${isT}(${t} = ${B.ref}[${K.ref}]) !== undefined) ? ${t} : ${slowOp(fx, 'index', `${B.ref}, ${K.ref}, M, ${s}`)})`));
  }
  if (key.kind === 'any') {
    // Unknown key type: an array slot for numbers (a non-integer or out-of-range index reads undefined and goes to
    // index()), an own property for strings; everything else through index().
    const t = fx.temp();
    return js(seq(init,
      `((${isT}(${t} = (typeof ${K.ref} === "number" ? ${B.ref}[ARR][${K.ref} - 1] : ` +
      `typeof ${K.ref} === "string" ? ${B.ref}[${K.ref}] : undefined)) !== undefined) ? ${t} : ${slowOp(fx, 'index', `${B.ref}, ${K.ref}, M, ${s}`)})`));
  }
  return js(seq(init, `${slowOp(fx, 'index', `${B.ref}, ${K.ref}, M, ${s}`)}`));
}

/** `__index` tables a field read or method call follows inline before it calls index(): the class, its base, its base's base. */
export const INLINE_CLASS_LEVELS = 3;

/**
 * Code reading a constant string key: the own property when the base is a table that has it, else, up the class
 * pattern's chain of `__index` tables (`setmetatable(o, C)`, `setmetatable(C, {__index = Base})`), each table's raw
 * field, all inline so the loads get this site's own inline caches. A table without a metatable ends the walk with
 * nil (an instance field that is nil, `self.link == nil`, resolves here without a call); a function `__index`, a
 * missing one or a deeper chain goes to index(), which starts over from the base. Read fresh each time, so a
 * metatable or `__index` changed between reads is followed.
 */
export function indexCode(
  fx: FunctionEmitter, base: Js, keyLiteral: string, access: string, at: Expression, desc: string, knownTable = false,
): string {
  // A literal base (`(1).x`) is bound to a temp: `1.x` would not be valid JS.
  const B = bind(fx, base.simple && !base.code.includes('$') ? { ...base, simple: false } : base);
  const t = fx.temp();
  const h = fx.temp();
  const s = fx.ce.site(at.loc.start.line, desc);
  // (t = h.k) !== undefined || (h = h[MT]) === undefined || (h = h.__index) instanceof LuaTable && (<deeper>)
  let chain = `(${t} = ${h}${access}) !== undefined || ${h}[MT] === undefined`;
  for (let level = INLINE_CLASS_LEVELS - 1; level >= 1; level--) {
    chain = `(${t} = ${h}${access}) !== undefined || (${h} = ${h}[MT]) === undefined || (${h} = ${h}.__index) instanceof LuaTable && (${chain})`;
  }
  return seq(B.init,
    `((${knownTable ? '' : `${B.ref} instanceof LuaTable && `}((${t} = ${B.ref}${access}) !== undefined || ` +
    `(${h} = ${B.ref}[MT]) === undefined || (${h} = ${h}.__index) instanceof LuaTable && (${chain}))) ? ${t} : ` +
    `${slowOp(fx, 'index', `${B.ref}, ${keyLiteral}, M, ${s}`)})`);
}

function emitTable(fx: FunctionEmitter, e: TableConstructorExpression): Js {
  if (e.fields.length === 0) return js('new LuaTable()', 'obj');
  const positional: string[] = [];
  const keyed: string[] = [];
  const t = fx.temp();
  let spread = '';
  // With keyed fields present, positional values are stored in temps as they come, so every field is evaluated in
  // source order; the items are installed together at the end (setlist).
  const mixed = e.fields.some((f) => f.type !== 'TableValue');
  const lastField = e.fields[e.fields.length - 1]!;
  if (!mixed && lastField.value.type !== 'VarargLiteral' && fx.ce.isMulti(lastField.value)) {
    return emitListEndingInCall(fx, e);
  }
  e.fields.forEach((f, i) => {
    const last = i === e.fields.length - 1;
    if (f.type === 'TableValue') {
      if (last && fx.ce.isMulti(f.value)) {
        spread = emitMultiArray(fx, f.value);
        if (mixed) {
          const ts = fx.temp();
          keyed.push(`${ts} = ${spread}`);
          spread = ts;
        }
        return;
      }
      const v = readInOrder(fx, f.value, emitExpr(fx, f.value));
      // Positional values are evaluated in order with the keyed ones: a temp keeps the order when both mix.
      if (mixed && !v.simple) {
        const tv = fx.temp();
        keyed.push(`${tv} = ${v.code}`);
        positional.push(tv);
      } else positional.push(v.code);
      return;
    }
    const value = emitExpr(fx, f.value);
    if (f.type === 'TableKeyString' || (f.type === 'TableKey' && f.key.type === 'StringLiteral')) {
      const key = f.type === 'TableKeyString' ? f.key.name : decodeStringLiteral((f.key as { raw: string }).raw, f.key.range?.[0]);
      const acc = `${t}${propAny(key)}`;
      if (value.kind === 'nil') return;
      if (value.kind !== 'any') {
        keyed.push(`${acc} = ${value.code}`);
      } else {
        const tv = fx.temp();
        keyed.push(`(${tv} = ${value.code}) !== undefined && (${acc} = ${tv})`);
      }
      return;
    }
    const key = emitExpr(fx, f.key);
    const s = fx.ce.site(f.loc.start.line, '');
    keyed.push(`tset(${t}, ${key.code}, ${value.code}, M, ${s})`);
  });
  if (keyed.length === 0) {
    const items = spread === '' ? `[${positional.join(', ')}]` : `[${positional.join(', ')}${positional.length ? ', ' : ''}...${spread}]`;
    return js(`tableFromArray(${items})`, 'obj');
  }
  // Three or more constant string keys: a record, with room for them in the object (runtime/core/table.ts LuaRecord).
  const named = e.fields.filter((f) => f.type === 'TableKeyString' || (f.type === 'TableKey' && f.key.type === 'StringLiteral')).length;
  const parts = [`${t} = new ${named >= 3 ? 'LuaRecord' : 'LuaTable'}()`, ...keyed];
  if (positional.length > 0 || spread !== '') {
    const items = spread === '' ? `[${positional.join(', ')}]` : `[${positional.join(', ')}${positional.length ? ', ' : ''}...${spread}]`;
    parts.push(`setlist(${t}, ${items})`);
  }
  parts.push(t);
  return js(`(${parts.join(', ')})`, 'obj');
}

/**
 * `{a, b, f()}`: when f returns exactly one value (the common case) the items are built without collecting f's
 * results into an array and spreading it. The leading items go to temps first so evaluation stays left to right.
 */
function emitListEndingInCall(fx: FunctionEmitter, e: TableConstructorExpression): Js {
  const init: string[] = [];
  const items: string[] = [];
  e.fields.forEach((f, i) => {
    if (i === e.fields.length - 1) return;
    const b = bind(fx, readInOrder(fx, f.value, emitExpr(fx, f.value)));
    if (b.init !== '') init.push(b.init);
    items.push(b.ref);
  });
  const c = fx.temp();
  init.push(`${c} = ${emitCall(fx, e.fields[e.fields.length - 1]!.value as CallLike, 'one')}`);
  const lead = items.length === 0 ? '' : `${items.join(', ')}, `;
  return js(`(${init.join(', ')}, R.n === 1 ? tableFromArray([${lead}${c}]) : tableFromArray([${lead}...collect(${c})]))`, 'obj');
}

/** All values of a multi-valued expression (a call or `...`), as a JS array expression. */
export function emitMultiArray(fx: FunctionEmitter, e: Expression): string {
  if (e.type === 'VarargLiteral') return 'va';
  if (e.type === 'CallExpression' || e.type === 'TableCallExpression' || e.type === 'StringCallExpression') {
    return `collect(${emitCall(fx, e, 'one')})`;
  }
  return `[${emitExpr(fx, e).code}]`;
}
