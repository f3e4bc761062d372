// The recursive-descent recogniser of typed Lua's statements and expressions (grammar: go-lua
// compiler/parse/parser.go.y). It builds no AST: it records the byte ranges that are types (annotations, generic
// parameter lists, casts, `!`, aliases, interfaces) so strip.ts can blank them, and the aliases' TypeExpr.
import {
  Lexer, TK_AND, TK_ARROW, TK_AS, TK_ASSERTS, TK_BREAK, TK_CAST, TK_CONCAT, TK_DO, TK_DOTS, TK_ELSE, TK_ELSEIF,
  TK_END, TK_EOF, TK_EQ, TK_EXTENDS, TK_FALSE, TK_FOR, TK_FUN, TK_FUNCTION, TK_GE, TK_GOTO, TK_IDIV, TK_IF, TK_IN,
  TK_INTERFACE, TK_IS, TK_KEYOF, TK_LABEL, TK_LE, TK_LOCAL, TK_NAME, TK_NE, TK_NIL, TK_NOT, TK_NUMBER, TK_OR,
  TK_QCOLON, TK_READONLY, TK_REPEAT, TK_RETURN, TK_SHL, TK_SHR, TK_STRING, TK_THEN, TK_TRUE, TK_TYPEOF, TK_UNTIL,
  TK_WHILE, TK_TURBO,
} from './lexer.js';
import { parseReturnAnnotation, parseType, parseTypeArgs, parseTypeParams } from './types-parser.js';
import type { TypeExpr } from './type-ast.js';

/** A syntax error: where, its LUA2xxx code and the message. */
export class StripError {
  constructor(
    readonly offset: number,
    readonly length: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

export interface RawAlias {
  name: string;
  params: string[];
  type: TypeExpr;
  offset: number;
}

/** Saved lexer state for the rare back-tracking of type lists. */
export interface LexState {
  pos: number;
  tok: number;
  tokStart: number;
  tokEnd: number;
  prevEnd: number;
}

const C_LPAREN: number = 40;
const C_RPAREN: number = 41;
const C_LBRACE: number = 123;
const C_RBRACE: number = 125;
const C_LBRACKET: number = 91;
const C_RBRACKET: number = 93;
const C_COMMA: number = 44;
const C_SEMI: number = 59;
const C_DOT: number = 46;
const C_COLON: number = 58;
const C_ASSIGN: number = 61;
const C_LT: number = 60;
const C_BANG: number = 33;
const C_MINUS: number = 45;
const C_HASH: number = 35;
const C_TILDE: number = 126;

/** Binary operators of Lua 5.3 (char-code tokens and multi-char ones). */
function isBinop(t: number): boolean {
  switch (t) {
    case 43: case 45: case 42: case 47: case 37: case 94: case 38: case 124: case 126: case 60: case 62:
    case TK_EQ: case TK_NE: case TK_LE: case TK_GE: case TK_SHL: case TK_SHR: case TK_IDIV: case TK_CONCAT:
    case TK_AND: case TK_OR:
      return true;
    default:
      return false;
  }
}

/** The reserved words of go-lua's typed dialect that can never be a name. */
export function isTypedReserved(t: number): boolean {
  return t >= TK_FUN && t <= TK_EXTENDS;
}

/** Names allowed after `.` and `:` and as method names (go-lua parser.go.y `var`, `functioncall`, `funcname`). */
function isMemberName(t: number): boolean {
  return t === TK_NAME || t === TK_INTERFACE || t === TK_READONLY || t === TK_AS || t === TK_ASSERTS || t === TK_IS;
}

/** Names allowed as table-constructor keys `{k = v}` (go-lua parser.go.y `fieldname`). */
function isFieldKey(t: number): boolean {
  return isMemberName(t) || t === TK_KEYOF || t === TK_EXTENDS;
}

export class Parser {
  readonly lx: Lexer;
  /** [start, end) pairs of type text to blank, in completion order */
  readonly blanks: number[] = [];
  readonly aliases: RawAlias[] = [];

  constructor(src: string) {
    this.lx = new Lexer(src);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  get tok(): number {
    return this.lx.tok;
  }

  next(): void {
    this.lx.next();
  }

  blank(start: number, end: number): void {
    if (end > start) this.blanks.push(start, end);
  }

  save(): LexState {
    const l = this.lx;
    return { pos: l.pos, tok: l.tok, tokStart: l.tokStart, tokEnd: l.tokEnd, prevEnd: l.prevEnd };
  }

  restore(s: LexState): void {
    const l = this.lx;
    l.pos = s.pos;
    l.tok = s.tok;
    l.tokStart = s.tokStart;
    l.tokEnd = s.tokEnd;
    l.prevEnd = s.prevEnd;
  }

  /** Type of the token after the current one, without consuming anything (no allocation: it is hot). */
  peek(): number {
    const l = this.lx;
    const pos = l.pos;
    const tok = l.tok;
    const tokStart = l.tokStart;
    const tokEnd = l.tokEnd;
    const prevEnd = l.prevEnd;
    l.next();
    const t = l.tok;
    l.pos = pos;
    l.tok = tok;
    l.tokStart = tokStart;
    l.tokEnd = tokEnd;
    l.prevEnd = prevEnd;
    return t;
  }

  near(): string {
    return this.lx.tok === TK_EOF ? "near '<eof>'" : `near '${this.lx.text()}'`;
  }

  error(code: string, message: string): never {
    const l = this.lx;
    throw new StripError(l.tokStart, Math.max(1, l.tokEnd - l.tokStart), code, message);
  }

  syntaxError(what: string): never {
    this.error('LUA2001', `${what} ${this.near()}`);
  }

  expect(t: number, what: string): void {
    if (this.lx.tok !== t) this.syntaxError(`'${what}' expected`);
    this.lx.next();
  }

  /** `end` (or until) closing a block opened at `openAt`. */
  expectClose(t: number, what: string, opener: string, openAt: number): void {
    if (this.lx.tok === t) {
      this.lx.next();
      return;
    }
    const line = lineOf(this.lx.src, openAt);
    this.syntaxError(`'${what}' expected (to close '${opener}' at line ${line})`);
  }

  /** A plain name (local, parameter, for variable, function name, label): rejects go-lua's typed reserved words. */
  expectName(role: string): void {
    const t = this.lx.tok;
    if (t === TK_NAME) {
      this.lx.next();
      return;
    }
    if (isTypedReserved(t)) {
      this.error('LUA2002', `'${this.lx.text()}' is a reserved word and cannot be used as ${role}`);
    }
    this.syntaxError('<name> expected');
  }

  // ---- statements ----------------------------------------------------------------------------------------------

  parseChunk(): void {
    // a first line starting with '#' (shebang) is skipped, as lua.c and luaparse do
    const src = this.lx.src;
    if (src.charCodeAt(0) === 35) {
      const nl = src.indexOf('\n');
      this.lx.pos = nl < 0 ? src.length : nl;
    }
    this.lx.next();
    this.block();
    if (this.lx.tok !== TK_EOF) this.syntaxError("'<eof>' expected");
  }

  block(): void {
    for (;;) {
      const t = this.lx.tok;
      if (t === TK_EOF || t === TK_END || t === TK_ELSE || t === TK_ELSEIF || t === TK_UNTIL) return;
      if (t === TK_RETURN) {
        this.lx.next();
        const u = this.lx.tok;
        if (u !== TK_EOF && u !== TK_END && u !== TK_ELSE && u !== TK_ELSEIF && u !== TK_UNTIL && u !== C_SEMI) {
          this.exprList();
        }
        if (this.lx.tok === C_SEMI) this.lx.next();
        return;
      }
      this.statement();
    }
  }

  statement(): void {
    const lx = this.lx;
    const start = lx.tokStart;
    switch (lx.tok) {
      case C_SEMI:
      case TK_LABEL:
      case TK_BREAK:
        lx.next();
        return;
      case TK_IF:
        lx.next();
        this.expr();
        this.expect(TK_THEN, 'then');
        this.block();
        while (lx.tok === TK_ELSEIF) {
          lx.next();
          this.expr();
          this.expect(TK_THEN, 'then');
          this.block();
        }
        if (lx.tok === TK_ELSE) {
          lx.next();
          this.block();
        }
        this.expectClose(TK_END, 'end', 'if', start);
        return;
      case TK_WHILE:
        lx.next();
        this.expr();
        this.expect(TK_DO, 'do');
        this.block();
        this.expectClose(TK_END, 'end', 'while', start);
        return;
      case TK_DO:
        lx.next();
        this.block();
        this.expectClose(TK_END, 'end', 'do', start);
        return;
      case TK_FOR:
        lx.next();
        this.expectName('a for-loop variable');
        if (lx.tok === C_ASSIGN) {
          lx.next();
          this.expr();
          this.expect(C_COMMA, ',');
          this.expr();
          if (lx.tok === C_COMMA) {
            lx.next();
            this.expr();
          }
        } else {
          while (lx.tok === C_COMMA) {
            lx.next();
            this.expectName('a for-loop variable');
          }
          this.expect(TK_IN, 'in');
          this.exprList();
        }
        this.expect(TK_DO, 'do');
        this.block();
        this.expectClose(TK_END, 'end', 'for', start);
        return;
      case TK_REPEAT:
        lx.next();
        this.block();
        this.expectClose(TK_UNTIL, 'until', 'repeat', start);
        this.expr();
        return;
      case TK_FUNCTION:
        lx.next();
        this.expectName('a function name');
        while (lx.tok === C_DOT) {
          lx.next();
          this.expectName('a function name');
        }
        if (lx.tok === C_COLON) {
          lx.next();
          if (!isMemberName(lx.tok)) this.expectName('a method name');
          lx.next();
        }
        this.funcBody(start);
        return;
      case TK_LOCAL:
        lx.next();
        if (lx.tok === TK_FUNCTION) {
          lx.next();
          this.expectName('a function name');
          this.funcBody(start);
          return;
        }
        this.typedName('a local name');
        while (lx.tok === C_COMMA) {
          lx.next();
          this.typedName('a local name');
        }
        if (lx.tok === C_ASSIGN) {
          lx.next();
          this.exprList();
        }
        return;
      case TK_GOTO:
        lx.next();
        this.expectName('a label');
        return;
      case TK_INTERFACE:
        this.interfaceStatement();
        return;
      case TK_NAME:
        // `type Name ...` is an alias statement (go-lua: TIdent TIdent with the first one "type")
        if (lx.isWord('type') && this.peek() === TK_NAME) {
          this.aliasStatement();
          return;
        }
        break;
    }
    this.exprStatement();
  }

  private exprStatement(): void {
    const lx = this.lx;
    this.suffixedExpr();
    if (lx.tok === C_ASSIGN || lx.tok === C_COMMA) {
      while (lx.tok === C_COMMA) {
        lx.next();
        this.suffixedExpr();
      }
      this.expect(C_ASSIGN, '=');
      this.exprList();
    }
  }

  /** `type Name [<T, U>] = T`: blanked; its TypeExpr is kept for the runtime. */
  private aliasStatement(): void {
    const lx = this.lx;
    const start = lx.tokStart;
    lx.next();
    const name = lx.text();
    lx.next();
    let params: string[] = [];
    if (lx.tok === C_LT) params = parseTypeParams(this, true);
    this.expect(C_ASSIGN, '=');
    const type = parseType(this, true, true)!;
    this.blank(start, lx.prevEnd);
    this.aliases.push({ name, params, type, offset: start });
  }

  /**
   * `interface Name [: Base {, Base}] {member} end`, members being method signatures `function m<T>(params): R`
   * and fields `name[?]: T` (newer go-lua, generic_interface_test.go). Type-level only: blanked whole.
   */
  private interfaceStatement(): void {
    const lx = this.lx;
    const start = lx.tokStart;
    lx.next();
    if (lx.tok !== TK_NAME) this.expectName('an interface name');
    lx.next();
    if (lx.tok === C_COLON) {
      do {
        lx.next();
        this.expectName('an interface name');
        while (lx.tok === C_DOT) {
          lx.next();
          this.expectName('an interface name');
        }
      } while (lx.tok === C_COMMA);
    }
    while (lx.tok !== TK_END) {
      if (lx.tok === TK_FUNCTION) {
        lx.next();
        if (!isMemberName(lx.tok)) this.expectName('a method name');
        lx.next();
        if (lx.tok === C_LT) parseTypeParams(this, false);
        this.expect(C_LPAREN, '(');
        if (lx.tok !== C_RPAREN) this.parList();
        this.expect(C_RPAREN, ')');
        if (lx.tok === C_COLON) parseReturnAnnotation(this);
      } else if ((lx.tok === TK_NAME || isTypedReserved(lx.tok)) && (this.peek() === C_COLON || this.peek() === TK_QCOLON)) {
        lx.next();
        lx.next();
        parseType(this, true, false);
      } else break;
    }
    this.expectClose(TK_END, 'end', 'interface', start);
    this.blank(start, lx.prevEnd);
  }

  /** `name [: T]` in local statements and parameter lists; the annotation is blanked. */
  private typedName(role: string): void {
    const lx = this.lx;
    this.expectName(role);
    if (lx.tok === C_COLON) {
      const s = lx.tokStart;
      lx.next();
      parseType(this, true, false);
      this.blank(s, lx.prevEnd);
    }
  }

  /** [<T>] ( params ) [: returns] block end */
  funcBody(openAt: number): void {
    const lx = this.lx;
    if (lx.tok === C_LT) {
      const s = lx.tokStart;
      parseTypeParams(this, false);
      this.blank(s, lx.prevEnd);
    }
    this.expect(C_LPAREN, '(');
    if (lx.tok !== C_RPAREN) this.parList();
    this.expect(C_RPAREN, ')');
    if (lx.tok === C_COLON) {
      const s = lx.tokStart;
      parseReturnAnnotation(this);
      this.blank(s, lx.prevEnd);
    }
    this.block();
    this.expectClose(TK_END, 'end', 'function', openAt);
  }

  private parList(): void {
    const lx = this.lx;
    for (;;) {
      if (lx.tok === TK_DOTS) {
        lx.next();
        if (lx.tok === C_COLON) {
          const s = lx.tokStart;
          lx.next();
          parseType(this, true, false);
          this.blank(s, lx.prevEnd);
        }
        return;
      }
      this.typedName('a parameter name');
      if (lx.tok !== C_COMMA) return;
      lx.next();
    }
  }

  // ---- expressions ---------------------------------------------------------------------------------------------

  exprList(): void {
    this.expr();
    while (this.lx.tok === C_COMMA) {
      this.lx.next();
      this.expr();
    }
  }

  /**
   * An expression. Precedence does not change where an expression ends, so operands and binary operators are
   * just alternated; the postfix typed forms (`as T`, `:: T`, `!`) bind tighter than every binary operator, so
   * their type stops before `|`/`&` (go-lua: `x as A | B` is `(x as A) | B`).
   */
  expr(): void {
    const lx = this.lx;
    for (;;) {
      let t = lx.tok;
      while (t === TK_NOT || t === C_MINUS || t === C_HASH || t === C_TILDE) {
        lx.next();
        t = lx.tok;
      }
      this.simpleExpr();
      for (;;) {
        t = lx.tok;
        if (t === TK_AS || t === TK_CAST) {
          const s = lx.tokStart;
          lx.next();
          parseType(this, false, false);
          this.blank(s, lx.prevEnd);
        } else if (t === C_BANG) {
          this.blank(lx.tokStart, lx.tokEnd);
          lx.next();
        } else break;
      }
      if (!isBinop(lx.tok)) return;
      lx.next();
    }
  }

  private simpleExpr(): void {
    const lx = this.lx;
    switch (lx.tok) {
      case TK_NUMBER:
      case TK_STRING:
      case TK_NIL:
      case TK_TRUE:
      case TK_FALSE:
      case TK_DOTS:
        lx.next();
        return;
      case TK_FUNCTION: {
        const s = lx.tokStart;
        lx.next();
        this.funcBody(s);
        return;
      }
      case C_LBRACE:
        this.table();
        return;
      default:
        this.suffixedExpr();
    }
  }

  private suffixedExpr(): void {
    const lx = this.lx;
    const t = lx.tok;
    if (t === TK_NAME) lx.next();
    else if (t === C_LPAREN) {
      lx.next();
      this.expr();
      this.expect(C_RPAREN, ')');
    } else if (isTypedReserved(t)) {
      this.error('LUA2002', `'${lx.text()}' is a reserved word and cannot be used as a name`);
    } else this.syntaxError('unexpected symbol');
    for (;;) {
      switch (lx.tok) {
        case C_DOT:
          lx.next();
          if (!isMemberName(lx.tok)) this.expectName('a field name');
          lx.next();
          break;
        case C_LBRACKET:
          lx.next();
          this.expr();
          this.expect(C_RBRACKET, ']');
          break;
        case C_COLON:
          lx.next();
          if (!isMemberName(lx.tok)) this.expectName('a method name');
          lx.next();
          if (lx.tok === TK_TURBO) this.turbofish();
          this.callArgs();
          break;
        case TK_TURBO:
          this.turbofish();
          this.callArgs();
          break;
        case C_LPAREN:
        case TK_STRING:
        case C_LBRACE:
          this.callArgs();
          break;
        default:
          return;
      }
    }
  }

  /** `::<T, U>` explicit type arguments before call arguments (go-lua generic_interface_test.go): blanked. */
  private turbofish(): void {
    const lx = this.lx;
    const s = lx.tokStart;
    lx.next();
    parseTypeArgs(this, false);
    this.blank(s, lx.prevEnd);
    const t = lx.tok;
    if (t !== C_LPAREN && t !== TK_STRING && t !== C_LBRACE) this.syntaxError('function arguments expected');
  }

  private callArgs(): void {
    const lx = this.lx;
    if (lx.tok === TK_STRING) {
      lx.next();
    } else if (lx.tok === C_LBRACE) {
      this.table();
    } else {
      this.expect(C_LPAREN, '(');
      if (lx.tok !== C_RPAREN) this.exprList();
      this.expect(C_RPAREN, ')');
    }
  }

  private table(): void {
    const lx = this.lx;
    const open = lx.tokStart;
    lx.next();
    while (lx.tok !== C_RBRACE) {
      if (lx.tok === C_LBRACKET) {
        lx.next();
        this.expr();
        this.expect(C_RBRACKET, ']');
        this.expect(C_ASSIGN, '=');
        this.expr();
      } else if (isFieldKey(lx.tok) && this.peek() === C_ASSIGN) {
        lx.next();
        lx.next();
        this.expr();
      } else this.expr();
      if (lx.tok === C_COMMA || lx.tok === C_SEMI) lx.next();
      else break;
    }
    this.expectClose(C_RBRACE, '}', '{', open);
  }
}

/** 1-based line of an offset (only for error messages). */
export function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

export { C_LPAREN, C_RPAREN, C_LBRACE, C_RBRACE, C_LBRACKET, C_RBRACKET, C_COMMA, C_COLON, C_ASSIGN, C_LT };
export { TK_ARROW, TK_ASSERTS, TK_EXTENDS, TK_QCOLON, TK_READONLY, TK_TYPEOF, TK_INTERFACE, TK_FUN, TK_IS, TK_KEYOF };
