// The recursive-descent recogniser of typed Lua's statements and expressions (grammar: go-lua
// compiler/parse/parser.go.y). It builds no AST: it records the byte ranges that are types (annotations, generic
// parameter lists, casts, `!`, aliases, interfaces) so strip.ts can blank them, and the aliases' type descriptors.
import {
  Lexer, TK_AS, TK_ASSERTS, TK_BREAK, TK_DO, TK_DOTS, TK_ELSE, TK_ELSEIF, TK_END, TK_EOF, TK_EXTENDS, TK_FOR,
  TK_FUN, TK_FUNCTION, TK_GOTO, TK_IF, TK_IN, TK_INTERFACE, TK_IS, TK_KEYOF, TK_LABEL, TK_LOCAL, TK_NAME,
  TK_QCOLON, TK_READONLY, TK_REPEAT, TK_RETURN, TK_THEN, TK_UNTIL, TK_WHILE, C_ASSIGN, C_COLON, C_COMMA, C_DOT,
  C_LPAREN, C_LT, C_RPAREN, C_SEMI,
} from './lexer.js';
import { parseReturnAnnotation, parseType, parseTypeParams } from './types-parser.js';
import { parseExpr, parseExprList, parseSuffixedExpr } from './expressions.js';
import type { TypeDesc } from './type-ast.js';
import type { DiagnosticCode } from '../diagnostics.js';
import { MAX_CALL_ARGS, MAX_SYNTAX_LEVELS, MAX_TREE_DEPTH } from '../limits.js';

/** A syntax error: where, its code (LUA2xxx, or a LUA101x limit) and the message. */
export class StripError {
  constructor(
    readonly offset: number,
    readonly length: number,
    readonly code: DiagnosticCode,
    readonly message: string,
  ) {}
}

export interface RawAlias {
  name: string;
  params: string[];
  type: TypeDesc;
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

/** The reserved words of go-lua's typed dialect that can never be a name. */
export function isTypedReserved(t: number): boolean {
  return t >= TK_FUN && t <= TK_EXTENDS;
}

/** Names allowed after `.` and `:` and as method names (go-lua parser.go.y `var`, `functioncall`, `funcname`). */
export function isMemberName(t: number): boolean {
  return t === TK_NAME || t === TK_INTERFACE || t === TK_READONLY || t === TK_AS || t === TK_ASSERTS || t === TK_IS;
}

/** Names allowed as table-constructor keys `{k = v}` (go-lua parser.go.y `fieldname`). */
export function isFieldKey(t: number): boolean {
  return isMemberName(t) || t === TK_KEYOF || t === TK_EXTENDS;
}

export class Parser {
  readonly lx: Lexer;
  /** [start, end) pairs of type text to blank, in completion order */
  readonly blanks: number[] = [];
  readonly aliases: RawAlias[] = [];
  /**
   * [start, end) of the last annotation written on each local name, so `type T = typeof(name)` can take the local's
   * declared type (go-lua resolves typeof statically: wippyai/runtime tests/app/src/test/types/runtime_is_typeof.lua).
   */
  readonly localAnnotations = new Map<string, [number, number]>();
  /** syntax levels entered, counted where lua5.1 counts them; lua.c's protected call holds the first one */
  depth = 1;
  /** operations chained (binary operators, suffixes) in the expressions being read, each one a tree level */
  chained = 0;
  /** right priorities of the operators whose right operand is being read (expressions.ts parseExpr) */
  readonly pending: number[] = [];

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

  error(code: DiagnosticCode, message: string): never {
    const l = this.lx;
    throw new StripError(l.tokStart, Math.max(1, l.tokEnd - l.tokStart), code, message);
  }

  /** One more syntax level (lua5.1 enterlevel); the caller gives it back with leave(). */
  enter(): void {
    if (++this.depth > MAX_SYNTAX_LEVELS) this.error('LUA1012', 'chunk has too many syntax levels');
    if (this.depth + this.chained > MAX_TREE_DEPTH) this.tooComplex();
  }

  leave(n = 1): void {
    this.depth -= n;
  }

  /** One more chained operation in the current expression (the caller restores `chained` when it ends). */
  chain(): void {
    if (this.depth + ++this.chained > MAX_TREE_DEPTH) this.tooComplex();
  }

  tooComplex(): never {
    this.error('LUA1013', `function or expression too complex ${this.near()}`);
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
    this.enter();
    this.statements();
    this.leave();
  }

  private statements(): void {
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
      case TK_IF: {
        const chainedBefore = this.chained;
        lx.next();
        this.expr();
        this.expect(TK_THEN, 'then');
        this.block();
        while (lx.tok === TK_ELSEIF) {
          // the emitted JS nests each `else if` in the previous one: a tree level like a chained operator (`>=`: the
          // branch is reported before its condition, one level deeper, would be)
          if (this.depth + ++this.chained >= MAX_TREE_DEPTH) this.error('LUA1014', `control structure too long ${this.near()}`);
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
        this.chained = chainedBefore;
        return;
      }
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
      case TK_FUNCTION: {
        lx.next();
        this.expectName('a function name');
        // `function a.b.c()` is a chain of field accesses like `a.b.c` in an expression
        const chainedBefore = this.chained;
        while (lx.tok === C_DOT) {
          this.chain();
          lx.next();
          this.expectName('a function name');
        }
        this.chained = chainedBefore;
        if (lx.tok === C_COLON) {
          lx.next();
          if (!isMemberName(lx.tok)) this.expectName('a method name');
          lx.next();
        }
        this.funcBody(start);
        return;
      }
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

  /** `type Name [<T, U>] = T`: blanked; its descriptor is kept for the runtime. */
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
    const nameStart = lx.tokStart;
    const nameEnd = lx.tokEnd;
    this.expectName(role);
    if (lx.tok === C_COLON) {
      const s = lx.tokStart;
      lx.next();
      const typeStart = lx.tokStart;
      parseType(this, true, false);
      this.blank(s, lx.prevEnd);
      this.localAnnotations.set(lx.src.slice(nameStart, nameEnd), [typeStart, lx.prevEnd]);
    }
  }

  /** The declared type of local `name` (its last annotation), re-read as a type descriptor; undefined when unannotated. */
  annotationOf(name: string): TypeDesc | undefined {
    const range = this.localAnnotations.get(name);
    if (range === undefined) return undefined;
    const sub = new Parser(this.lx.src.slice(0, range[1]));
    sub.lx.pos = range[0];
    sub.lx.next();
    return parseType(sub, true, true) ?? undefined;
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
    for (let n = 0; ; n++) {
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
      // V8 refuses a function of more than 65,534 parameters (a SyntaxError in the emitted module); more than a call
      // can pass (MAX_CALL_ARGS) serve nothing
      if (n === MAX_CALL_ARGS) this.error('LUA1013', `function or expression too complex (more than ${MAX_CALL_ARGS} parameters) ${this.near()}`);
      this.typedName('a parameter name');
      if (lx.tok !== C_COMMA) return;
      lx.next();
    }
  }

  // ---- expressions (expressions.ts) ---------------------------------------------------------------------------

  exprList(): void {
    parseExprList(this);
  }

  expr(): void {
    parseExpr(this);
  }

  suffixedExpr(): void {
    parseSuffixedExpr(this);
  }
}

/** 1-based line of an offset (only for error messages). */
export function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

