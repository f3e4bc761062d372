// The typed-Lua lexer: one linear scan over char codes (no regex, no substrings), following go-lua's
// compiler/parse/lexer.go for the extra tokens (`->`, `?`, `?:`, `!`, `@`, `::` cast vs `::name::` label, the
// reserved words fun interface as asserts readonly is typeof keyof extends). Single-char tokens use their char code.
import type { TypedDiagnosticCode } from './diagnostic-codes.js';

export const TK_EOF: number = 0;
// 1..255: single-char tokens by char code: + - * / % ^ # & ~ | ( ) { } [ ] ; , . : = < > @ ! ?
export const TK_NAME: number = 256;
export const TK_NUMBER: number = 257;
export const TK_STRING: number = 258;
export const TK_LABEL: number = 259; // `::name::` as one token (go-lua tryLabelLookahead)
export const TK_CAST: number = 260; // `::` not starting a label
export const TK_EQ: number = 261;
export const TK_NE: number = 262;
export const TK_LE: number = 263;
export const TK_GE: number = 264;
export const TK_SHL: number = 265;
export const TK_SHR: number = 266;
export const TK_IDIV: number = 267;
export const TK_CONCAT: number = 268;
export const TK_DOTS: number = 269;
export const TK_ARROW: number = 270;
export const TK_QCOLON: number = 271; // `?:`
export const TK_TURBO: number = 272; // `::<` explicit type arguments of a call (newer go-lua: `f::<T>(x)`)
// single-char tokens the recogniser names
export const C_LPAREN: number = 40;
export const C_RPAREN: number = 41;
export const C_LBRACE: number = 123;
export const C_RBRACE: number = 125;
export const C_LBRACKET: number = 91;
export const C_RBRACKET: number = 93;
export const C_COMMA: number = 44;
export const C_SEMI: number = 59;
export const C_DOT: number = 46;
export const C_COLON: number = 58;
export const C_ASSIGN: number = 61;
export const C_LT: number = 60;
export const C_BANG: number = 33;
export const C_MINUS: number = 45;
export const C_HASH: number = 35;
export const C_TILDE: number = 126;
// Lua keywords
export const TK_AND: number = 300;
export const TK_BREAK: number = 301;
export const TK_DO: number = 302;
export const TK_ELSE: number = 303;
export const TK_ELSEIF: number = 304;
export const TK_END: number = 305;
export const TK_FALSE: number = 306;
export const TK_FOR: number = 307;
export const TK_FUNCTION: number = 308;
export const TK_GOTO: number = 309;
export const TK_IF: number = 310;
export const TK_IN: number = 311;
export const TK_LOCAL: number = 312;
export const TK_NIL: number = 313;
export const TK_NOT: number = 314;
export const TK_OR: number = 315;
export const TK_REPEAT: number = 316;
export const TK_RETURN: number = 317;
export const TK_THEN: number = 318;
export const TK_TRUE: number = 319;
export const TK_UNTIL: number = 320;
export const TK_WHILE: number = 321;
// go-lua's typed reserved words (lexer.go reservedWords); `type` is NOT one of them
export const TK_FUN: number = 330;
export const TK_INTERFACE: number = 331;
export const TK_AS: number = 332;
export const TK_ASSERTS: number = 333;
export const TK_READONLY: number = 334;
export const TK_IS: number = 335;
export const TK_TYPEOF: number = 336;
export const TK_KEYOF: number = 337;
export const TK_EXTENDS: number = 338;

const KEYWORDS: [string, number][] = [
  ['and', TK_AND], ['break', TK_BREAK], ['do', TK_DO], ['else', TK_ELSE], ['elseif', TK_ELSEIF], ['end', TK_END],
  ['false', TK_FALSE], ['for', TK_FOR], ['function', TK_FUNCTION], ['goto', TK_GOTO], ['if', TK_IF], ['in', TK_IN],
  ['local', TK_LOCAL], ['nil', TK_NIL], ['not', TK_NOT], ['or', TK_OR], ['repeat', TK_REPEAT],
  ['return', TK_RETURN], ['then', TK_THEN], ['true', TK_TRUE], ['until', TK_UNTIL], ['while', TK_WHILE],
  ['fun', TK_FUN], ['interface', TK_INTERFACE], ['as', TK_AS], ['asserts', TK_ASSERTS], ['readonly', TK_READONLY],
  ['is', TK_IS], ['typeof', TK_TYPEOF], ['keyof', TK_KEYOF], ['extends', TK_EXTENDS],
];

/** Keywords bucketed by first char code, for a lookup without building the identifier's string. */
const KW_BY_CHAR: ([string, number][] | undefined)[] = [];
for (const kw of KEYWORDS) (KW_BY_CHAR[kw[0].charCodeAt(0)] ??= []).push(kw);

/** A lexical error: offset of the problem, its code and message. */
export class LexError {
  constructor(
    readonly offset: number,
    readonly length: number,
    readonly code: TypedDiagnosticCode,
    readonly message: string,
  ) {}
}

// char class table: 1 = identifier start, 2 = digit (also identifier part)
const CC = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) CC[c] = 1;
  else if (c >= 48 && c <= 57) CC[c] = 2;
}

export class Lexer {
  readonly src: string;
  readonly len: number;
  /** scan position (just after the current token) */
  pos = 0;
  tok = TK_EOF;
  tokStart = 0;
  tokEnd = 0;
  /** end offset of the token consumed before the current one */
  prevEnd = 0;

  constructor(src: string) {
    this.src = src;
    this.len = src.length;
  }

  /** Advances to the next token. */
  next(): void {
    this.prevEnd = this.tokEnd;
    this.scan();
  }

  /** Restarts scanning at `offset` (used to split `>>` in generic argument lists). */
  rescanFrom(offset: number): void {
    this.pos = offset;
    this.scan();
  }

  /** Is the current token the identifier `word`? (no substring built) */
  isWord(word: string): boolean {
    return this.tok === TK_NAME && this.tokEnd - this.tokStart === word.length && this.src.startsWith(word, this.tokStart);
  }

  text(): string {
    return this.src.slice(this.tokStart, this.tokEnd);
  }

  private scan(): void {
    const src = this.src;
    const len = this.len;
    let p = this.pos;
    for (;;) {
      if (p >= len) {
        this.tok = TK_EOF;
        this.tokStart = this.tokEnd = this.pos = len;
        return;
      }
      const c = src.charCodeAt(p);
      // whitespace: space, \t, \n, \v, \f, \r
      if (c === 32 || (c >= 9 && c <= 13)) {
        p++;
        continue;
      }
      if (c === 45 && src.charCodeAt(p + 1) === 45) {
        p = this.skipComment(p);
        continue;
      }
      this.tokStart = p;
      if (c < 256 && CC[c] === 1) {
        let q = p + 1;
        let d = src.charCodeAt(q);
        while (d < 256 && CC[d] !== 0) d = src.charCodeAt(++q);
        this.tok = TK_NAME;
        const bucket = KW_BY_CHAR[c];
        if (bucket !== undefined && q - p <= 9) {
          const n = q - p;
          for (let i = 0; i < bucket.length; i++) {
            const kw = bucket[i]!;
            if (kw[0].length === n && src.startsWith(kw[0], p)) {
              this.tok = kw[1];
              break;
            }
          }
        }
        this.tokEnd = this.pos = q;
        return;
      }
      if (c < 256 && CC[c] === 2) {
        this.tokEnd = this.pos = this.scanNumber(p);
        this.tok = TK_NUMBER;
        return;
      }
      this.scanSymbol(c, p);
      return;
    }
  }

  private scanSymbol(c: number, p: number): void {
    const src = this.src;
    const c1 = src.charCodeAt(p + 1);
    let tok = c;
    let end = p + 1;
    switch (c) {
      case 34: // "
      case 39: // '
        end = this.scanString(c, p);
        tok = TK_STRING;
        break;
      case 91: // [
        if (c1 === 91 || c1 === 61) {
          const e = this.scanLongBracket(p);
          if (e >= 0) {
            end = e;
            tok = TK_STRING;
          }
        }
        break;
      case 45: // -
        if (c1 === 62) {
          tok = TK_ARROW;
          end = p + 2;
        }
        break;
      case 61: // =
        if (c1 === 61) {
          tok = TK_EQ;
          end = p + 2;
        }
        break;
      case 126: // ~
        if (c1 === 61) {
          tok = TK_NE;
          end = p + 2;
        }
        break;
      case 60: // <
        if (c1 === 61) {
          tok = TK_LE;
          end = p + 2;
        } else if (c1 === 60) {
          tok = TK_SHL;
          end = p + 2;
        }
        break;
      case 62: // >
        if (c1 === 61) {
          tok = TK_GE;
          end = p + 2;
        } else if (c1 === 62) {
          tok = TK_SHR;
          end = p + 2;
        }
        break;
      case 47: // /
        if (c1 === 47) {
          tok = TK_IDIV;
          end = p + 2;
        }
        break;
      case 46: // .
        if (c1 === 46) {
          if (src.charCodeAt(p + 2) === 46) {
            tok = TK_DOTS;
            end = p + 3;
          } else {
            tok = TK_CONCAT;
            end = p + 2;
          }
        } else if (c1 >= 48 && c1 <= 57) {
          tok = TK_NUMBER;
          end = this.scanNumber(p);
        }
        break;
      case 58: // :
        if (c1 === 58) {
          const labelEnd = this.labelLookahead(p + 2);
          if (src.charCodeAt(p + 2) === 60) {
            // `::<` (no space allowed: `f:: <T>` is a cast followed by `<`)
            tok = TK_TURBO;
            end = p + 3;
          } else if (labelEnd >= 0) {
            tok = TK_LABEL;
            end = labelEnd;
          } else {
            tok = TK_CAST;
            end = p + 2;
          }
        }
        break;
      case 63: // ?
        if (c1 === 58) {
          tok = TK_QCOLON;
          end = p + 2;
        }
        break;
      case 43: case 42: case 37: case 94: case 35: case 38: case 124: case 40: case 41: case 123: case 125:
      case 93: case 59: case 44: case 64: case 33:
        break;
      default:
        throw new LexError(p, 1, 'LUA2006', `unexpected symbol near '${src[p]}'`);
    }
    this.tok = tok;
    this.tokEnd = this.pos = end;
  }

  /** go-lua tryLabelLookahead: after `::`, [ \t]* identifier [ \t]* `::` makes a label; returns its end or -1. */
  private labelLookahead(p: number): number {
    const src = this.src;
    let c = src.charCodeAt(p);
    while (c === 32 || c === 9) c = src.charCodeAt(++p);
    if (!(c < 256 && CC[c] === 1)) return -1;
    c = src.charCodeAt(++p);
    while (c < 256 && CC[c] !== 0) c = src.charCodeAt(++p);
    while (c === 32 || c === 9) c = src.charCodeAt(++p);
    if (c === 58 && src.charCodeAt(p + 1) === 58) return p + 2;
    return -1;
  }

  /** Lua numerals, scanned liberally (luaparse checks their form): digits, letters, dots, exponent signs. */
  private scanNumber(p: number): number {
    const src = this.src;
    let q = p;
    let c = src.charCodeAt(q);
    const hex = c === 48 && (src.charCodeAt(q + 1) | 32) === 120;
    for (;;) {
      if ((c < 256 && CC[c] !== 0) || c === 46) {
        const lower = c | 32;
        q++;
        if ((hex ? lower === 112 : lower === 101) && (src.charCodeAt(q) === 43 || src.charCodeAt(q) === 45)) q++;
        c = src.charCodeAt(q);
      } else return q;
    }
  }

  private scanString(quote: number, p: number): number {
    const src = this.src;
    const len = this.len;
    let q = p + 1;
    while (q < len) {
      const c = src.charCodeAt(q);
      if (c === quote) return q + 1;
      if (c === 92) {
        // skip the escaped char; `\` + CRLF counts as one escaped newline
        const d = src.charCodeAt(q + 1);
        q += 2;
        if ((d === 13 && src.charCodeAt(q) === 10) || (d === 10 && src.charCodeAt(q) === 13)) q++;
        continue;
      }
      if (c === 10 || c === 13) break;
      q++;
    }
    throw new LexError(p, 1, 'LUA2005', 'unfinished string');
  }

  /** `[=*[ ... ]=*]`: returns the end offset, or -1 when `[` `=`* is not followed by `[` (then `[` is a token). */
  private scanLongBracket(p: number): number {
    const src = this.src;
    let q = p + 1;
    let level = 0;
    while (src.charCodeAt(q) === 61) {
      level++;
      q++;
    }
    if (src.charCodeAt(q) !== 91) {
      if (level === 0) return -1;
      throw new LexError(p, 1, 'LUA2005', 'invalid long string delimiter');
    }
    q++;
    for (;;) {
      const close = src.indexOf(']', q);
      if (close < 0) throw new LexError(p, 2 + level, 'LUA2005', 'unfinished long string');
      let r = close + 1;
      let n = 0;
      while (src.charCodeAt(r) === 61) {
        n++;
        r++;
      }
      if (n === level && src.charCodeAt(r) === 93) return r + 1;
      q = close + 1;
    }
  }

  /** Skips a `--` comment starting at p; returns the offset after it. */
  private skipComment(p: number): number {
    const src = this.src;
    if (src.charCodeAt(p + 2) === 91) {
      const c3 = src.charCodeAt(p + 3);
      if (c3 === 91 || c3 === 61) {
        let q = p + 3;
        while (src.charCodeAt(q) === 61) q++;
        if (src.charCodeAt(q) === 91) {
          const e = this.scanLongBracket(p + 2);
          if (e >= 0) return e;
        }
      }
    }
    let q = p + 2;
    const len = this.len;
    while (q < len) {
      const c = src.charCodeAt(q);
      if (c === 10 || c === 13) return q;
      q++;
    }
    return len;
  }
}
