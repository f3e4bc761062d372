// The `expr` module (wippyai/runtime runtime/lua/modules/expr/module.go and spec.md; docs en/lua/dynamic/expression.md):
// expr.eval(src, env?) -> value, err and expr.compile(src, env?) -> program, err with program:run(env?) -> value, err.
// An empty expression is Invalid "expression cannot be empty"; a syntax error is Internal "compile failed: ...", an
// evaluation error Internal "eval failed: ..." (eval) or "run failed: ..." (run), with expr-lang's position and
// source excerpt. eval keeps the last 1000 compiled expressions, as Wippy's LRU cache does.
import { LuaTable } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { ret2 } from '../../core/results.js';
import { argError, checkStr, typeError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { PlatformModule } from '../module-host.js';
import { parse } from './parser.js';
import { ExprSyntaxError, type Node } from './syntax.js';
import { evaluate } from './evaluate.js';
import { ExprRuntimeError, type ExprMap } from './values.js';
import { fromLua, toLua } from './convert.js';

const CACHE_CAPACITY = 1000;
/**
 * The longest expression eval keeps compiled. The cache belongs to the runtime, not to a process: a thousand
 * megabyte-long expressions kept their trees (gigabytes) after the process that made them ended, out of the memory
 * guard's reach, until the node refused every process. Longer expressions are compiled at each eval.
 */
const MAX_CACHED_SOURCE = 2048;

class ProgramValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly source: string,
    readonly tree: Node,
  ) {
    super(mt);
  }
}

/**
 * expr-lang's error text (file/error.go): the message, `(line:column)`, the source line (tabs as spaces) and a caret
 * under the column, left out when a multi-byte character comes before it.
 */
function located(message: string, src: string, at: number): string {
  const before = src.slice(0, Math.max(0, at));
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const col = at - lineStart;
  const lineEnd = src.indexOf('\n', lineStart);
  const text = src.slice(lineStart, lineEnd < 0 ? src.length : lineEnd).replace(/\t/g, ' ');
  const caret = /[\x80-\xff]/.test(text.slice(0, col + 1)) ? '' : `\n | ${'.'.repeat(col)}^`;
  return `${message} (${line}:${col + 1})\n | ${text}${caret}`;
}

const failure = (kind: string, message: string, context?: string): unknown => {
  const e = createError({ kind, message, retryable: false });
  return ret2(undefined, context === undefined ? e : wrapError(e, context));
};

function compileTree(src: string): Node | string {
  try {
    return parse(src);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return located(e.reason, src, e.at);
    // a nesting too deep for the JS stack
    if (e instanceof RangeError) return 'expression is nested too deeply';
    throw e;
  }
}

function envOf(v: unknown, fname: string): ExprMap | null | string {
  if (v === undefined) return null;
  try {
    const env = fromLua(v);
    // a non-table env is a value expr cannot look names up in: every name is nil
    return env instanceof Map ? env : Array.isArray(env) ? new Map() : null;
  } catch (e) {
    if (e instanceof ExprRuntimeError) return e.message;
    if (e instanceof RangeError) return `the environment of ${fname} is nested too deeply`;
    throw e;
  }
}

function run(tree: Node, src: string, envArg: unknown, context: string, fname: string): unknown {
  const env = envOf(envArg, fname);
  if (typeof env === 'string') return failure(ERROR_KINDS.INTERNAL, env, context);
  try {
    return ret2(toLua(evaluate(tree, env)), undefined);
  } catch (e) {
    if (e instanceof ExprRuntimeError) return failure(ERROR_KINDS.INTERNAL, located(e.message, src, e.at), context);
    if (e instanceof RangeError) return failure(ERROR_KINDS.INTERNAL, 'expression evaluation is nested too deeply', context);
    throw e;
  }
}

function createExprModule(): LuaTable {
  const cache = new Map<string, Node>();
  const methods = new LuaTable();
  const mt = new LuaTable();

  methods.run = (self: unknown, env: unknown) => {
    if (!(self instanceof ProgramValue)) {
      if (self instanceof LuaUserdata) throw argError(1, 'run', 'expected expr.Program');
      throw typeError(1, 'run', 'userdata', self);
    }
    return run(self.tree, self.source, env, 'run failed', 'run');
  };
  mt.__index = readOnly(methods);
  mt.__name = 'expr.Program';
  readOnly(mt);

  const mod = new LuaTable();
  mod.compile = (expression: unknown) => {
    const src = checkStr(expression, 1, 'compile');
    if (src === '') return failure(ERROR_KINDS.INVALID, 'expression cannot be empty');
    // the env of compile is a type hint for expr-lang's checker; moonforge checks types when the program runs
    const tree = compileTree(src);
    if (typeof tree === 'string') return failure(ERROR_KINDS.INTERNAL, tree, 'compile failed');
    return ret2(new ProgramValue(mt, src, tree), undefined);
  };
  mod.eval = (expression: unknown, env: unknown) => {
    const src = checkStr(expression, 1, 'eval');
    if (src === '') return failure(ERROR_KINDS.INVALID, 'expression cannot be empty');
    let tree = cache.get(src);
    if (tree === undefined) {
      const t = compileTree(src);
      if (typeof t === 'string') return failure(ERROR_KINDS.INTERNAL, t, 'compile failed');
      tree = t;
      if (src.length <= MAX_CACHED_SOURCE) {
        if (cache.size >= CACHE_CAPACITY) cache.delete(cache.keys().next().value!);
        cache.set(src, tree);
      }
    } else {
      // most recently used last: the oldest is evicted first
      cache.delete(src);
      cache.set(src, tree);
    }
    return run(tree, src, env, 'eval failed', 'eval');
  };
  return readOnly(mod);
}

export const EXPR_MODULE: PlatformModule = { name: 'expr', create: () => createExprModule() };
