// Evaluates a parsed expr-lang tree (parser.ts) against an environment, with expr-lang's runtime rules: `/` and `**`
// give floats, `%` wants integers, `+` adds numbers or joins strings, comparisons want two numbers or two strings,
// `&&` `||` `!` want booleans, `in` wants an array or a map, arrays index from 0 (negative from the end), a missing map key or variable is nil,
// fetching from nil fails unless through `?.`.
import type { Node } from './syntax.js';
import { BUILTINS, type Closure } from './builtins.js';
import { display, equal, ExprRuntimeError, MEMORY_BUDGET, typeOf, type ExprMap } from './values.js';
import { matchRegexp } from './regexp-op.js';
import { BUDGET } from '../../core/preempt.js';

interface Frame {
  /** the closure's element (`#`), index (`#index`) and accumulator (`#acc`) */
  pointer: unknown;
  index: number;
  acc: unknown;
}

export function evaluate(node: Node, env: ExprMap | null): unknown {
  return new Evaluator(env).eval(node, undefined);
}

const fail = (message: string, at: number): never => {
  throw new ExprRuntimeError(message, at);
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The builtins whose array result expr-lang's VM counts against the budget (made by OpArray / OpSort). */
const COUNTED_RESULTS = new Set(['map', 'filter', 'sortBy']);

class Evaluator {
  /**
   * The elements this evaluation made (ranges, array and map literals, map / filter / sortBy results), held to
   * MEMORY_BUDGET as expr-lang's VM holds its memory count for a whole run: nested `map(1..1000000, ...)` stops at
   * the second range instead of running a trillion steps.
   */
  private memory = 0;

  constructor(private readonly env: ExprMap | null) {}

  private grow(size: number, at: number): void {
    this.memory += size;
    if (this.memory > MEMORY_BUDGET) fail('memory budget exceeded', at);
  }

  eval(n: Node, f: Frame | undefined): unknown {
    // every node is a step: a long evaluation cannot give way, so it answers to the backstop (preempt.ts)
    if (--BUDGET.p < 0) BUDGET.out();
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'var':
        return this.env === null ? null : (this.env.get(n.name) ?? null);
      case 'pointer':
        if (f === undefined) return fail('# outside of a predicate', n.at);
        if (n.name === '') return f.pointer;
        if (n.name === 'index') return f.index;
        if (n.name === 'acc') return f.acc;
        return fail(`unknown pointer #${n.name}`, n.at);
      case 'array': {
        this.grow(n.items.length, n.at);
        return n.items.map((x) => this.eval(x, f));
      }
      case 'map': {
        this.grow(n.entries.length, n.at);
        const m = new Map<unknown, unknown>();
        for (const [k, v] of n.entries) m.set(this.eval(k, f), this.eval(v, f));
        return m;
      }
      case 'member': {
        const obj = this.eval(n.obj, f);
        if ((obj === null || obj === undefined) && n.optional) return null;
        return fetch(obj, this.eval(n.prop, f), n.at);
      }
      case 'slice':
        return this.slice(n, f);
      case 'call': {
        const b = BUILTINS.get(n.name)!;
        const args = n.args.map((a) => (a.k === 'predicate' ? this.closure(a.body, f) : this.eval(a, f)));
        try {
          const r = b(args);
          if (Array.isArray(r) && COUNTED_RESULTS.has(n.name)) this.grow(r.length, n.at);
          return r;
        } catch (e) {
          if (e instanceof ExprRuntimeError && e.at < 0) throw new ExprRuntimeError(e.message, n.at);
          throw e;
        }
      }
      case 'predicate':
        return this.closure(n.body, f);
      case 'unary': {
        const v = this.eval(n.arg, f);
        if (n.op === '!') return typeof v === 'boolean' ? !v : fail(`invalid operation: ! ${typeOf(v)}`, n.at);
        if (typeof v !== 'number') return fail(`invalid operation: ${n.op} ${typeOf(v)}`, n.at);
        return n.op === '-' ? -v : v;
      }
      case 'cond': {
        const t = this.eval(n.test, f);
        if (typeof t !== 'boolean') return fail(`non-bool ${display(t)} (type ${typeOf(t)}) used as condition`, n.at);
        return t ? this.eval(n.yes, f) : this.eval(n.no, f);
      }
      case 'binary':
        return this.binary(n, f);
    }
  }

  private closure(body: Node, outer: Frame | undefined): Closure {
    return (pointer, index, acc) => this.eval(body, { pointer, index, acc: acc ?? outer?.acc ?? null });
  }

  private slice(n: Node & { k: 'slice' }, f: Frame | undefined): unknown {
    const obj = this.eval(n.obj, f);
    if (typeof obj !== 'string' && !Array.isArray(obj)) return fail(`cannot slice ${typeOf(obj)}`, n.at);
    const len = obj.length;
    const bound = (x: Node | undefined, def: number): number => {
      if (x === undefined) return def;
      const v = this.eval(x, f);
      if (!isInt(v)) return fail(`non-integer slice index ${display(v)}`, n.at);
      return Math.min(len, Math.max(0, v < 0 ? len + v : v));
    };
    const from = bound(n.from, 0);
    const to = bound(n.to, len);
    return obj.slice(from, Math.max(from, to));
  }

  private binary(n: Node & { k: 'binary' }, f: Frame | undefined): unknown {
    const op = n.op;
    if (op === '&&' || op === '||') {
      const l = this.eval(n.left, f);
      if (typeof l !== 'boolean') return fail(`invalid operation: ${typeOf(l)} ${op} bool`, n.at);
      if (op === '&&' ? !l : l) return l;
      const r = this.eval(n.right, f);
      if (typeof r !== 'boolean') return fail(`invalid operation: bool ${op} ${typeOf(r)}`, n.at);
      return r;
    }
    if (op.startsWith('not ')) {
      // `a not in b`, `a not contains b`, ...: the operator's result negated
      return !this.binary({ ...n, op: op.slice(4) }, f);
    }
    if (op === '??') {
      const l = this.eval(n.left, f);
      return l === null || l === undefined ? this.eval(n.right, f) : l;
    }
    const l = this.eval(n.left, f);
    const r = this.eval(n.right, f);
    const bad = (): never => fail(`invalid operation: ${typeOf(l)} ${op} ${typeOf(r)}`, n.at);
    switch (op) {
      case '+':
        if (typeof l === 'number' && typeof r === 'number') return l + r;
        if (typeof l === 'string' && typeof r === 'string') return l + r;
        return bad();
      case '-':
        return typeof l === 'number' && typeof r === 'number' ? l - r : bad();
      case '*':
        return typeof l === 'number' && typeof r === 'number' ? l * r : bad();
      case '/':
        return typeof l === 'number' && typeof r === 'number' ? l / r : bad();
      case '%':
        if (!isInt(l) || !isInt(r)) return bad();
        if (r === 0) return fail('integer divide by zero', n.at);
        return l % r;
      case '**':
        return typeof l === 'number' && typeof r === 'number' ? Math.pow(l, r) : bad();
      case '==':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
      case '<':
      case '>':
      case '<=':
      case '>=':
        if (!((typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string'))) return bad();
        return op === '<' ? l < r : op === '>' ? l > r : op === '<=' ? l <= r : l >= r;
      case 'in': {
        let found: boolean;
        if (Array.isArray(r)) found = r.some((x) => equal(x, l));
        else if (r instanceof Map) found = r.has(l);
        else if (r === null) found = false;
        else return fail(`operator "in" not defined on ${typeOf(r)}`, n.at);
        return found;
      }
      case 'contains':
        return typeof l === 'string' && typeof r === 'string' ? l.includes(r) : bad();
      case 'startsWith':
        return typeof l === 'string' && typeof r === 'string' ? l.startsWith(r) : bad();
      case 'endsWith':
        return typeof l === 'string' && typeof r === 'string' ? l.endsWith(r) : bad();
      case 'matches':
        if (typeof l !== 'string' || typeof r !== 'string') return bad();
        return matchRegexp(r, l, n.at);
      case '..': {
        if (!isInt(l) || !isInt(r)) return bad();
        this.grow(Math.max(0, r - l + 1), n.at);
        const out: number[] = [];
        for (let i = l; i <= r; i++) out.push(i);
        return out;
      }
      default:
        return fail(`unknown operator ${op}`, n.at);
    }
  }
}

/** `obj[key]` / `obj.key`. */
export function fetch(obj: unknown, key: unknown, at: number): unknown {
  if (Array.isArray(obj) || typeof obj === 'string') {
    if (!isInt(key)) return fail(`cannot fetch ${display(key)} from ${typeOf(obj)}`, at);
    const i = key < 0 ? obj.length + key : key;
    if (i < 0 || i >= obj.length) return fail(`index out of range: ${key} (array length is ${obj.length})`, at);
    return obj[i];
  }
  if (obj instanceof Map) return obj.get(key) ?? null;
  return fail(`cannot fetch ${display(key)} from ${typeOf(obj)}`, at);
}
