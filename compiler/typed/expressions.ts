// Expressions of typed Lua for the recogniser (parser.ts): operands and binary operators alternate (precedence
// never changes where an expression ends); the postfix typed forms `as T`, `:: T`, `!` and `::<T>` are blanked.
import {
  C_ASSIGN, C_BANG, C_COLON, C_COMMA, C_DOT, C_HASH, C_LBRACE, C_LBRACKET, C_LPAREN, C_MINUS, C_RBRACE, C_RBRACKET,
  C_RPAREN, C_SEMI, C_TILDE, TK_AND, TK_AS, TK_CAST, TK_CONCAT, TK_DOTS, TK_EQ, TK_FALSE, TK_FUNCTION, TK_GE,
  TK_IDIV, TK_LE, TK_NAME, TK_NE, TK_NIL, TK_NOT, TK_NUMBER, TK_OR, TK_SHL, TK_SHR, TK_STRING, TK_TRUE, TK_TURBO,
} from './lexer.js';
import { isFieldKey, isMemberName, isTypedReserved, type Parser } from './parser.js';
import { parseType, parseTypeArgs } from './types-parser.js';
import { MAX_CALL_ARGS } from '../limits.js';

/**
 * Binary operators of Lua 5.3 (char-code tokens and multi-char ones) by their left and right priorities (lparser.c's
 * priority table, `right * 16 + left`), 0 for a token that is not one. Only the nesting they imply is used: it is
 * where lua5.1 counts syntax levels (limits.ts).
 */
function binopPriority(t: number): number {
  switch (t) {
    case 43: case 45: return 10 * 16 + 10; // + -
    case 42: case 47: case 37: case TK_IDIV: return 11 * 16 + 11; // * / % //
    case 94: return 13 * 16 + 14; // ^ (right associative)
    case TK_CONCAT: return 8 * 16 + 9; // .. (right associative)
    case TK_SHL: case TK_SHR: return 7 * 16 + 7;
    case 38: return 6 * 16 + 6; // &
    case 126: return 5 * 16 + 5; // ~
    case 124: return 4 * 16 + 4; // |
    case 60: case 62: case TK_EQ: case TK_NE: case TK_LE: case TK_GE: return 3 * 16 + 3;
    case TK_AND: return 2 * 16 + 2;
    case TK_OR: return 1 * 16 + 1;
    default:
      return 0;
  }
}

/** lparser.c UNARY_PRIORITY: a unary operator's operand takes the binary operators of higher priority (`^`). */
const UNARY_RIGHT = 12;

export function parseExprList(p: Parser): void {
  parseExpr(p);
  while (p.lx.tok === C_COMMA) {
    p.lx.next();
    parseExpr(p);
  }
}

/**
 * An expression. Precedence does not change where an expression ends, so operands and binary operators are
 * just alternated; the postfix typed forms (`as T`, `:: T`, `!`) bind tighter than every binary operator, so
 * their type stops before `|`/`&` (go-lua: `x as A | B` is `(x as A) | B`).
 */
export function parseExpr(p: Parser): void {
  const lx = p.lx;
  // Syntax levels as lua5.1's subexpr recursion makes them: one for the expression, one for each operator whose
  // right operand is still being read (a stack of their right priorities: an operator of priority L ends every
  // pending one of right priority >= L, which is how left associativity costs no level).
  p.enter();
  const pending = p.pending;
  const base = pending.length;
  const chainedBefore = p.chained;
  for (;;) {
    let t = lx.tok;
    while (t === TK_NOT || t === C_MINUS || t === C_HASH || t === C_TILDE) {
      p.enter();
      pending.push(UNARY_RIGHT);
      lx.next();
      t = lx.tok;
    }
    simpleExpr(p);
    for (;;) {
      t = lx.tok;
      if (t === TK_AS || t === TK_CAST) {
        const s = lx.tokStart;
        lx.next();
        parseType(p, false, false);
        p.blank(s, lx.prevEnd);
      } else if (t === C_BANG) {
        p.blank(lx.tokStart, lx.tokEnd);
        lx.next();
      } else break;
    }
    const prio = binopPriority(lx.tok);
    if (prio === 0) break;
    const left = prio & 15;
    while (pending.length > base && pending[pending.length - 1]! >= left) {
      pending.pop();
      p.leave();
    }
    p.chain();
    lx.next();
    p.enter();
    pending.push(prio >> 4);
  }
  p.leave(1 + pending.length - base);
  pending.length = base;
  p.chained = chainedBefore;
}

function simpleExpr(p: Parser): void {
  const lx = p.lx;
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
      p.funcBody(s);
      return;
    }
    case C_LBRACE:
      table(p);
      return;
    default:
      parseSuffixedExpr(p);
  }
}

export function parseSuffixedExpr(p: Parser): void {
  const chainedBefore = p.chained;
  suffixedExpr(p);
  p.chained = chainedBefore;
}

/** A primary expression and its suffixes (`.x`, `[k]`, `:m(...)`, calls), each suffix one more tree level. */
function suffixedExpr(p: Parser): void {
  const lx = p.lx;
  const t = lx.tok;
  if (t === TK_NAME) lx.next();
  else if (t === C_LPAREN) {
    lx.next();
    parseExpr(p);
    p.expect(C_RPAREN, ')');
  } else if (isTypedReserved(t)) {
    p.error('LUA2002', `'${lx.text()}' is a reserved word and cannot be used as a name`);
  } else p.syntaxError('unexpected symbol');
  for (;;) {
    const u = lx.tok;
    if (u === C_DOT || u === C_LBRACKET || u === C_COLON || u === TK_TURBO || u === C_LPAREN || u === TK_STRING || u === C_LBRACE) p.chain();
    switch (u) {
      case C_DOT:
        lx.next();
        if (!isMemberName(lx.tok)) p.expectName('a field name');
        lx.next();
        break;
      case C_LBRACKET:
        lx.next();
        parseExpr(p);
        p.expect(C_RBRACKET, ']');
        break;
      case C_COLON:
        lx.next();
        if (!isMemberName(lx.tok)) p.expectName('a method name');
        lx.next();
        if (lx.tok === TK_TURBO) turbofish(p);
        callArgs(p);
        break;
      case TK_TURBO:
        turbofish(p);
        callArgs(p);
        break;
      case C_LPAREN:
      case TK_STRING:
      case C_LBRACE:
        callArgs(p);
        break;
      default:
        return;
    }
  }
}

/** `::<T, U>` explicit type arguments before call arguments (go-lua generic_interface_test.go): blanked. */
function turbofish(p: Parser): void {
  const lx = p.lx;
  const s = lx.tokStart;
  lx.next();
  parseTypeArgs(p, false);
  p.blank(s, lx.prevEnd);
  const t = lx.tok;
  if (t !== C_LPAREN && t !== TK_STRING && t !== C_LBRACE) p.syntaxError('function arguments expected');
}

function callArgs(p: Parser): void {
  const lx = p.lx;
  if (lx.tok === TK_STRING) {
    lx.next();
  } else if (lx.tok === C_LBRACE) {
    table(p);
  } else {
    p.expect(C_LPAREN, '(');
    if (lx.tok !== C_RPAREN) {
      parseExpr(p);
      for (let n = 1; lx.tok === C_COMMA; n++) {
        lx.next();
        if (n === MAX_CALL_ARGS) p.tooComplex();
        parseExpr(p);
      }
    }
    p.expect(C_RPAREN, ')');
  }
}

function table(p: Parser): void {
  const lx = p.lx;
  const open = lx.tokStart;
  lx.next();
  while (lx.tok !== C_RBRACE) {
    if (lx.tok === C_LBRACKET) {
      lx.next();
      parseExpr(p);
      p.expect(C_RBRACKET, ']');
      p.expect(C_ASSIGN, '=');
      parseExpr(p);
    } else if (isFieldKey(lx.tok) && p.peek() === C_ASSIGN) {
      lx.next();
      lx.next();
      parseExpr(p);
    } else parseExpr(p);
    if (lx.tok === C_COMMA || lx.tok === C_SEMI) lx.next();
    else break;
  }
  p.expectClose(C_RBRACE, '}', '{', open);
}
