// A Pratt parser for expr-lang source (syntax.ts): precedence climbing over the binary operators, unary operators,
// postfix member access and slices, the `? :` conditional at the lowest level, and closures for the predicate
// builtins. Errors name the token as expr-lang does (`unexpected token Identifier("syntax")`).
import { BINARY, ExprSyntaxError, NEGATABLE, tokenize, type Node, type Token } from './syntax.js';
import { BUILTINS, PREDICATE_BUILTINS, UNSUPPORTED_BUILTINS } from './builtins.js';

// unary precedence (expr-lang parser/operator): `not` binds looser than comparisons' operands, `-` tighter
const UNARY: Record<string, number> = { not: 50, '!': 50, '-': 90, '+': 90 };
const WORD_OPERATORS = new Set(['and', 'or', 'in', 'matches', 'contains', 'startsWith', 'endsWith']);

export function parse(src: string): Node {
  return new Parser(tokenize(src)).program();
}

function describe(t: Token): string {
  switch (t.t) {
    case 'eof':
      return 'EOF';
    case 'num':
      return `Number(${JSON.stringify(t.v)})`;
    case 'str':
      return `String(${JSON.stringify(t.v)})`;
    case 'ident':
      return WORD_OPERATORS.has(t.v) || t.v === 'not' ? `Operator(${JSON.stringify(t.v)})` : `Identifier(${JSON.stringify(t.v)})`;
    default:
      return `${t.v === '(' || t.v === ')' || t.v === '[' || t.v === ']' || t.v === '{' || t.v === '}' ? 'Bracket' : 'Operator'}(${JSON.stringify(t.v)})`;
  }
}

class Parser {
  private i = 0;
  /** how deep in predicate closures: `#` and `.name` mean something only inside one */
  private closures = 0;
  constructor(private readonly toks: Token[]) {}

  private get tok(): Token {
    return this.toks[this.i]!;
  }
  private next(): Token {
    return this.toks[this.i++]!;
  }
  private unexpected(t = this.tok): never {
    throw new ExprSyntaxError(`unexpected token ${describe(t)}`, t.at);
  }
  private isOp(v: string): boolean {
    const t = this.tok;
    return t.t === 'op' && t.v === v;
  }
  private expect(v: string): Token {
    if (!this.isOp(v)) this.unexpected();
    return this.next();
  }

  program(): Node {
    const n = this.expression(0);
    if (this.tok.t !== 'eof') this.unexpected();
    return n;
  }

  /** The binary operator at the current token, if any (word operators are identifiers to the lexer). */
  private binaryOp(): string | undefined {
    const t = this.tok;
    if (t.t === 'op' && t.v in BINARY) return t.v;
    if (t.t === 'ident' && WORD_OPERATORS.has(t.v)) return t.v;
    const next = this.toks[this.i + 1];
    if (t.t === 'ident' && t.v === 'not' && next?.t === 'ident' && NEGATABLE.has(next.v)) return `not ${next.v}`;
    return undefined;
  }

  expression(prec: number): Node {
    let left = this.unary();
    for (;;) {
      const op = this.binaryOp();
      if (op === undefined) break;
      const negated = op.startsWith('not ');
      const p = BINARY[negated ? op.slice(4) : op]!;
      if (p < prec) break;
      const at = this.next().at;
      if (negated) this.next();
      if (op === '|') {
        left = this.pipe(left, at);
        continue;
      }
      const right = this.expression(op === '**' || op === '^' ? p : p + 1);
      left = { k: 'binary', op: op === 'and' ? '&&' : op === 'or' ? '||' : op === '^' ? '**' : op, left, right, at };
    }
    if (prec === 0 && this.isOp('?')) {
      const at = this.next().at;
      const yes = this.expression(0);
      this.expect(':');
      const no = this.expression(0);
      return { k: 'cond', test: left, yes, no, at };
    }
    return left;
  }

  /** `xs | f(args)` is `f(xs, args)`. */
  private pipe(left: Node, at: number): Node {
    const t = this.tok;
    if (t.t !== 'ident' || this.toks[this.i + 1]?.v !== '(') this.unexpected();
    this.next();
    this.next();
    const call = this.callArgs(t.v, t.at, [left]);
    return { ...call, at };
  }

  private unary(): Node {
    const t = this.tok;
    const op = t.t === 'op' && (t.v === '!' || t.v === '-' || t.v === '+') ? t.v : t.t === 'ident' && t.v === 'not' ? 'not' : undefined;
    if (op !== undefined) {
      this.next();
      const arg = this.expression(UNARY[op]!);
      return { k: 'unary', op: op === 'not' ? '!' : op, arg, at: t.at };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.n, at: t.at };
      case 'str':
        return { k: 'lit', v: t.v, at: t.at };
      case 'ident':
        if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true', at: t.at };
        if (t.v === 'nil') return { k: 'lit', v: null, at: t.at };
        // `let x = ...;` and `if c { a } else { b }`: expr-lang has them, moonforge does not
        if ((t.v === 'let' && this.tok.t === 'ident') || (t.v === 'if' && this.tok.t !== 'eof' && this.binaryOp() === undefined && !this.isOp('?') && !this.isOp(')') && !this.isOp(','))) {
          throw new ExprSyntaxError(`moonforge's expr does not support ${t.v === 'let' ? 'let variables' : 'if/else expressions (use ? :)'}`, t.at);
        }
        if (WORD_OPERATORS.has(t.v)) this.unexpected(t);
        if (this.isOp('(')) {
          this.next();
          return this.callArgs(t.v, t.at, []);
        }
        return { k: 'var', name: t.v, at: t.at };
      case 'op':
        break;
      default:
        this.unexpected(t);
    }
    switch (t.v) {
      case '(': {
        const n = this.expression(0);
        this.expect(')');
        return n;
      }
      case '[': {
        const items: Node[] = [];
        while (!this.isOp(']')) {
          items.push(this.expression(0));
          if (!this.isOp(',')) break;
          this.next();
        }
        this.expect(']');
        return { k: 'array', items, at: t.at };
      }
      case '{':
        return this.mapLiteral(t.at);
      case '#': {
        if (this.closures === 0) this.unexpected(t);
        // `#index`, `#acc`: the closure's other variables
        const nt = this.tok;
        if (nt.t === 'ident' && nt.at === t.at + 1) {
          this.next();
          return { k: 'pointer', name: nt.v, at: t.at };
        }
        return { k: 'pointer', name: '', at: t.at };
      }
      case '.': {
        // `.name` inside a closure is `#.name`
        if (this.closures === 0) this.unexpected(t);
        const nt = this.next();
        if (nt.t !== 'ident') this.unexpected(nt);
        return { k: 'member', obj: { k: 'pointer', name: '', at: t.at }, prop: { k: 'lit', v: nt.v, at: nt.at }, optional: false, at: t.at };
      }
      default:
        this.unexpected(t);
    }
  }

  private mapLiteral(at: number): Node {
    const entries: Array<[Node, Node]> = [];
    while (!this.isOp('}')) {
      const kt = this.next();
      let key: Node;
      if (kt.t === 'ident' || kt.t === 'str') key = { k: 'lit', v: kt.v, at: kt.at };
      else if (kt.t === 'num') key = { k: 'lit', v: kt.n, at: kt.at };
      else if (kt.t === 'op' && kt.v === '(') {
        key = this.expression(0);
        this.expect(')');
      } else this.unexpected(kt);
      this.expect(':');
      entries.push([key, this.expression(0)]);
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expect('}');
    return { k: 'map', entries, at };
  }

  private callArgs(name: string, at: number, args: Node[]): Node & { k: 'call' } {
    if (UNSUPPORTED_BUILTINS.has(name)) throw new ExprSyntaxError(`moonforge's expr does not support ${name}() (dates and durations)`, at);
    if (!BUILTINS.has(name)) throw new ExprSyntaxError(`unknown func ${name}`, at);
    const predicate = PREDICATE_BUILTINS.has(name);
    while (!this.isOp(')')) {
      // the argument after the collection of a predicate builtin is a closure, braces optional
      if (predicate && args.length === 1) args.push(this.closure());
      else args.push(this.expression(0));
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expect(')');
    return { k: 'call', name, args, at };
  }

  private closure(): Node {
    const at = this.tok.at;
    this.closures++;
    let body: Node;
    if (this.isOp('{')) {
      this.next();
      body = this.expression(0);
      this.expect('}');
    } else body = this.expression(0);
    this.closures--;
    return { k: 'predicate', body, at };
  }

  private postfix(n: Node): Node {
    for (;;) {
      const t = this.tok;
      if (t.t !== 'op') return n;
      if (t.v === '.' || t.v === '?.') {
        this.next();
        if (t.v === '?.' && this.isOp('[')) {
          this.next();
          const prop = this.expression(0);
          this.expect(']');
          n = { k: 'member', obj: n, prop, optional: true, at: t.at };
          continue;
        }
        const nt = this.next();
        if (nt.t !== 'ident') this.unexpected(nt);
        if (this.isOp('(')) throw new ExprSyntaxError(`method calls are not supported: ${nt.v}()`, nt.at);
        n = { k: 'member', obj: n, prop: { k: 'lit', v: nt.v, at: nt.at }, optional: t.v === '?.', at: t.at };
      } else if (t.v === '[') {
        this.next();
        if (this.isOp(':')) {
          this.next();
          const to = this.isOp(']') ? undefined : this.expression(0);
          this.expect(']');
          n = { k: 'slice', obj: n, from: undefined, to, at: t.at };
          continue;
        }
        const idx = this.expression(0);
        if (this.isOp(':')) {
          this.next();
          const to = this.isOp(']') ? undefined : this.expression(0);
          this.expect(']');
          n = { k: 'slice', obj: n, from: idx, to, at: t.at };
          continue;
        }
        this.expect(']');
        n = { k: 'member', obj: n, prop: idx, optional: false, at: t.at };
      } else return n;
    }
  }
}
