// Type expressions of Wippy typed Lua (go-lua compiler/parse/parser.go.y: typeexpr, simpletypeexpr,
// primarytypeexpr, returntypeannot, typeparams, annotations). With `build` false the type is only skipped (the
// common case: annotations are blanked); with `build` true a type descriptor is returned (for `type` aliases).
import {
  TK_ARROW, TK_ASSERTS, TK_AS, TK_DOTS, TK_EXTENDS, TK_FALSE, TK_FUN, TK_INTERFACE, TK_IS, TK_KEYOF, TK_NAME,
  TK_NIL, TK_NUMBER, TK_QCOLON, TK_READONLY, TK_SHR, TK_STRING, TK_TRUE, TK_TYPEOF, C_COLON, C_COMMA, C_LBRACE,
  C_LBRACKET, C_LPAREN, C_LT, C_RBRACE, C_RBRACKET, C_RPAREN,
} from './lexer.js';
import type { Parser } from './parser.js';
import type { ParamDesc, LiteralValue, FieldDesc, TypeDesc, ValidatorDesc } from './type-ast.js';
import { decodeStringLiteral, parseNumberLiteral } from './literals.js';

const C_PIPE: number = 124;
const C_AMP: number = 38;
const C_QUESTION: number = 63;
const C_AT: number = 64;
const C_GT: number = 62;
const C_MINUS: number = 45;

/** Placeholder returned when not building. */
const SKIPPED = { kind: 'name', name: '' } as TypeDesc;

/** Field names allowed in record types besides plain names (go-lua `typefieldname`). */
function isTypeFieldName(t: number): boolean {
  return (
    t === TK_NAME || t === TK_INTERFACE || t === TK_READONLY || t === TK_AS || t === TK_ASSERTS || t === TK_IS ||
    t === TK_KEYOF || t === TK_EXTENDS || t === TK_TYPEOF
  );
}

/** Tokens that can start a type (to tell `A extends B ? X : Y` from the optional `B?`). */
function startsType(t: number): boolean {
  return (
    t === TK_NAME || t === TK_NIL || t === TK_TRUE || t === TK_FALSE || t === TK_STRING || t === TK_NUMBER ||
    t === C_LBRACE || t === C_LPAREN || t === TK_FUN || t === TK_INTERFACE || t === TK_READONLY ||
    t === TK_ASSERTS || t === TK_TYPEOF || t === TK_KEYOF
  );
}

function typeError(p: Parser, what = 'type expected'): never {
  p.error('LUA2003', `${what} ${p.near()}`);
}

/**
 * typeexpr: unions/intersections of simple types, or a conditional type. `allowUnion` is false for the type of a
 * cast (`x as A | B` is `(x as A) | B`, go-lua's precedence of `as`/`::` over `|` and `&`).
 */
export function parseType(p: Parser, allowUnion: boolean, build: boolean): TypeDesc | null {
  // a type nests like an expression (`{{{...}}}`, `fun(fun(...))`): the same level limit keeps the recursion short
  p.enter();
  const t = typeExpr(p, allowUnion, build);
  p.leave();
  return t;
}

function typeExpr(p: Parser, allowUnion: boolean, build: boolean): TypeDesc | null {
  const first = parseSimple(p, build, false);
  const lx = p.lx;
  if (lx.tok === TK_EXTENDS) {
    lx.next();
    const ext = parseSimple(p, build, true);
    if (lx.tok !== C_QUESTION) typeError(p, "'?' expected");
    lx.next();
    const thenT = parseType(p, true, build);
    if (lx.tok !== C_COLON) typeError(p, "':' expected");
    lx.next();
    const elseT = parseType(p, true, build);
    return build ? { kind: 'conditional', check: first!, extends: ext!, then: thenT!, else: elseT! } : SKIPPED;
  }
  if (!allowUnion) return first;
  let t = first;
  for (;;) {
    const op = lx.tok;
    if (op !== C_PIPE && op !== C_AMP) return t;
    lx.next();
    const rhs = parseSimple(p, build, false);
    if (!build) continue;
    const kind = op === C_PIPE ? 'union' : 'intersection';
    if (t!.kind === kind && t!.validators === undefined) (t as { types: TypeDesc[] }).types.push(rhs!);
    else t = kind === 'union' ? { kind, types: [t!, rhs!] } : { kind, types: [t!, rhs!] };
  }
}

/** simpletypeexpr: primary [validators] {?} */
function parseSimple(p: Parser, build: boolean, beforeCondQ: boolean): TypeDesc | null {
  const lx = p.lx;
  let t = parsePrimary(p, build);
  if (lx.tok === C_AT) {
    const v = parseValidators(p, build);
    if (build) t = { ...t!, validators: v };
  }
  while (lx.tok === C_QUESTION) {
    if (beforeCondQ && startsType(p.peek())) break;
    lx.next();
    if (build) t = { kind: 'optional', inner: t! };
  }
  return t;
}

function parsePrimary(p: Parser, build: boolean): TypeDesc | null {
  const lx = p.lx;
  let t: TypeDesc | null = SKIPPED;
  switch (lx.tok) {
    case TK_NIL:
      lx.next();
      if (build) t = { kind: 'name', name: 'nil' };
      break;
    case TK_TRUE:
    case TK_FALSE:
      if (build) t = { kind: 'literal', value: lx.tok === TK_TRUE };
      lx.next();
      break;
    case TK_STRING:
      if (build) t = { kind: 'literal', value: decodeStringLiteral(lx.src, lx.tokStart, lx.tokEnd) };
      lx.next();
      break;
    case TK_NUMBER:
      if (build) t = { kind: 'literal', value: parseNumberLiteral(lx.text()) };
      lx.next();
      break;
    case TK_NAME: {
      // a name, qualified `pkg.deep.Name`, optionally generic `Name<T, U>`
      let name = build ? lx.text() : '';
      lx.next();
      while (lx.tok === 46 /* . */) {
        lx.next();
        if (lx.tok !== TK_NAME) typeError(p, '<name> expected');
        if (build) name += '.' + lx.text();
        lx.next();
      }
      if (lx.tok === C_LT) {
        const args = parseTypeArgs(p, build);
        if (build) t = { kind: 'generic', name, args };
      } else if (build) t = { kind: 'name', name };
      break;
    }
    case C_LBRACE:
      t = parseBraces(p, build, false);
      break;
    case TK_READONLY:
      lx.next();
      if (lx.tok !== C_LBRACE) typeError(p, "'{' expected");
      t = parseBraces(p, build, true);
      break;
    case TK_INTERFACE:
      lx.next();
      if (lx.tok !== C_LBRACE) typeError(p, "'{' expected");
      t = parseBraces(p, build, false);
      break;
    case C_LPAREN:
      t = parseParenType(p, build);
      break;
    case TK_FUN: {
      lx.next();
      if (lx.tok !== C_LPAREN) typeError(p, "'(' expected");
      const params = parseParamGroup(p, build);
      let returns: TypeDesc[] | null = null;
      if (lx.tok === C_COLON) {
        lx.next();
        returns = parseReturns(p, build);
      }
      if (build) t = { kind: 'function', params, returns };
      break;
    }
    case TK_ASSERTS: {
      lx.next();
      if (lx.tok !== TK_NAME) typeError(p, '<name> expected');
      const param = lx.text();
      lx.next();
      let narrow: TypeDesc | null = null;
      if (lx.tok === TK_IS) {
        lx.next();
        narrow = parseType(p, true, build);
      }
      if (build) t = narrow === null ? { kind: 'asserts', param } : { kind: 'asserts', param, type: narrow };
      break;
    }
    case TK_TYPEOF: {
      lx.next();
      if (lx.tok !== C_LPAREN) typeError(p, "'(' expected");
      lx.next();
      const s = lx.tokStart;
      p.expr();
      const text = lx.src.slice(s, lx.prevEnd);
      p.expect(C_RPAREN, ')');
      // typeof of an annotated local is its declared type (what go-lua's checker gives); anything else stays opaque
      if (build) t = p.annotationOf(text) ?? { kind: 'typeof', expr: text };
      break;
    }
    case TK_KEYOF: {
      lx.next();
      if (lx.tok !== C_LPAREN) typeError(p, "'(' expected");
      lx.next();
      const inner = parseType(p, true, build);
      p.expect(C_RPAREN, ')');
      if (build) t = { kind: 'keyof', inner: inner! };
      break;
    }
    default:
      typeError(p);
  }
  // T[] (array shorthand, repeatable) and T[K] (indexed access)
  while (lx.tok === C_LBRACKET) {
    lx.next();
    if (lx.tok === C_RBRACKET) {
      lx.next();
      if (build) t = { kind: 'array', elem: t! };
    } else {
      const index = parseType(p, true, build);
      if (lx.tok !== C_RBRACKET) typeError(p, "']' expected");
      lx.next();
      if (build) t = { kind: 'index', object: t!, index: index! };
    }
  }
  return t;
}

/** `<T, U>` type arguments (of a generic type, or `f::<T>` after the `::<` token); the current token is `<` or just after `::<`. */
export function parseTypeArgs(p: Parser, build: boolean): TypeDesc[] {
  const lx = p.lx;
  if (lx.tok === C_LT) lx.next();
  const args: TypeDesc[] = [];
  for (;;) {
    const a = parseType(p, true, build);
    if (build) args.push(a!);
    if (lx.tok !== C_COMMA) break;
    lx.next();
  }
  closeAngle(p);
  return args;
}

/** `>` closing generic arguments; `>>` is split (go-lua closegt + Lexer.PendingGT). */
function closeAngle(p: Parser): void {
  const lx = p.lx;
  if (lx.tok === C_GT) lx.next();
  else if (lx.tok === TK_SHR) {
    const at = lx.tokStart + 1;
    lx.tokEnd = at;
    lx.prevEnd = at;
    lx.rescanFrom(at);
    lx.prevEnd = at;
  } else typeError(p, "'>' expected");
}

/** `{}` record, `{T}` array, `{[K]: V}` map, `{a: T, b?: U}` record. */
function parseBraces(p: Parser, build: boolean, readonly: boolean): TypeDesc | null {
  const lx = p.lx;
  lx.next();
  let t: TypeDesc | null = SKIPPED;
  if (lx.tok === C_RBRACE) {
    if (build) t = { kind: 'record', fields: [] };
  } else if (lx.tok === C_LBRACKET) {
    lx.next();
    const key = parseType(p, true, build);
    if (lx.tok !== C_RBRACKET) typeError(p, "']' expected");
    lx.next();
    if (lx.tok !== C_COLON) typeError(p, "':' expected");
    lx.next();
    const value = parseType(p, true, build);
    if (build) t = { kind: 'map', key: key!, value: value! };
  } else if (isTypeFieldName(lx.tok) && isFieldColon(p.peek())) {
    const fields: FieldDesc[] = [];
    while (lx.tok !== C_RBRACE) {
      if (!isTypeFieldName(lx.tok)) typeError(p, '<field name> expected');
      const name = build ? lx.text() : '';
      lx.next();
      const optional = lx.tok === TK_QCOLON;
      if (!optional && lx.tok !== C_COLON) typeError(p, "':' expected");
      lx.next();
      const type = parseType(p, true, build);
      let validators: ValidatorDesc[] | undefined;
      if (lx.tok === C_AT) validators = parseValidators(p, build);
      if (build) {
        const f: FieldDesc = { name, type: type!, optional };
        if (validators !== undefined) f.validators = validators;
        fields.push(f);
      }
      if (lx.tok !== C_COMMA) break;
      lx.next();
    }
    if (build) t = { kind: 'record', fields };
  } else {
    const elem = parseType(p, true, build);
    if (build) t = { kind: 'array', elem: elem! };
  }
  if (lx.tok !== C_RBRACE) typeError(p, "'}' expected");
  lx.next();
  if (build && readonly) (t as { readonly?: boolean }).readonly = true;
  return t;
}

function isFieldColon(t: number): boolean {
  return t === C_COLON || t === TK_QCOLON;
}

/** `( [name:] T, ..., ...T )` of a function type; the current token is `(`. */
function parseParamGroup(p: Parser, build: boolean): ParamDesc[] {
  const lx = p.lx;
  const params: ParamDesc[] = [];
  lx.next();
  while (lx.tok !== C_RPAREN) {
    if (lx.tok === TK_DOTS) {
      lx.next();
      let type: TypeDesc | null = { kind: 'name', name: 'any' };
      if (lx.tok !== C_RPAREN && lx.tok !== C_COMMA) type = parseType(p, true, build);
      params.push({ name: '...', type: type ?? SKIPPED });
    } else if (isTypeFieldName(lx.tok) && p.peek() === C_COLON) {
      const name = build ? lx.text() : '?';
      lx.next();
      lx.next();
      const type = parseType(p, true, build);
      params.push({ name, type: type ?? SKIPPED });
    } else {
      const type = parseType(p, true, build);
      params.push({ type: type ?? SKIPPED });
    }
    if (lx.tok !== C_COMMA) break;
    lx.next();
  }
  if (lx.tok !== C_RPAREN) typeError(p, "')' expected");
  lx.next();
  return params;
}

/** `(params) -> R` function type, or a parenthesised function type `((T) -> R)`. */
function parseParenType(p: Parser, build: boolean): TypeDesc | null {
  const lx = p.lx;
  const firstInner = p.peek();
  const params = parseParamGroup(p, build);
  if (lx.tok === TK_ARROW) {
    lx.next();
    const returns = parseReturns(p, build);
    return build ? { kind: 'function', params, returns } : SKIPPED;
  }
  // a single unnamed type in parentheses groups it: `((T) -> R)?`, `(A | B)[]` (newer go-lua: `(number)` parses as
  // `number`, generic_interface_test.go)
  if (firstInner !== TK_DOTS && params.length === 1 && params[0]!.name === undefined) return params[0]!.type;
  typeError(p, "'->' expected");
}

/**
 * Results after `->` or `fun(...):`: one type, `()` (none) or a parenthesised list of at least two. A `(`
 * that turns out to start a function type (`-> (T) -> R`) is re-read as a type (the only back-tracking).
 */
function parseReturns(p: Parser, build: boolean): TypeDesc[] {
  const lx = p.lx;
  if (lx.tok === C_LPAREN) {
    const saved = p.save();
    const items = parseParamGroup(p, build);
    if (lx.tok !== TK_ARROW && items.length !== 1) return items.map((i) => i.type);
    // `(T)` alone is only valid as the start of a function type: re-read it as a type
    p.restore(saved);
  }
  return [parseType(p, true, build)!];
}

/**
 * A function's return annotation after `:` (go-lua returntypeannot): `: T`, `: T, U`, `: ()`, `: (T, U)`.
 * The current token is `:`.
 */
export function parseReturnAnnotation(p: Parser): void {
  const lx = p.lx;
  lx.next();
  if (lx.tok === C_LPAREN) {
    const saved = p.save();
    const items = parseParamGroup(p, false);
    if (lx.tok !== TK_ARROW) {
      if (items.length !== 1) return;
      // `: (T)` alone is not a list: it must be a function type, so re-read it as one (errors at the right place)
    }
    p.restore(saved);
  }
  parseType(p, true, false);
  while (lx.tok === C_COMMA) {
    lx.next();
    parseType(p, true, false);
  }
}

/** `<T, U: Constraint>` generic parameters; the current token is `<`. Returns the names when `build`. */
export function parseTypeParams(p: Parser, build: boolean): string[] {
  const lx = p.lx;
  const names: string[] = [];
  lx.next();
  if (lx.tok === C_GT) p.error('LUA2004', `empty type parameter list ${p.near()}`);
  for (;;) {
    if (lx.tok !== TK_NAME) {
      if (lx.tok >= TK_FUN && lx.tok <= TK_EXTENDS) {
        p.error('LUA2002', `'${lx.text()}' is a reserved word and cannot be used as a type parameter`);
      }
      typeError(p, '<name> expected');
    }
    if (build) names.push(lx.text());
    lx.next();
    if (lx.tok === C_COLON) {
      lx.next();
      parseType(p, true, false);
    }
    if (lx.tok !== C_COMMA) break;
    lx.next();
  }
  closeAngle(p);
  return names;
}

/** `@name`, `@name()`, `@name(expr, ...)`, repeated. Arguments are Lua expressions; literals are kept. */
function parseValidators(p: Parser, build: boolean): ValidatorDesc[] {
  const lx = p.lx;
  const out: ValidatorDesc[] = [];
  while (lx.tok === C_AT) {
    lx.next();
    if (lx.tok !== TK_NAME) typeError(p, '<validator name> expected');
    const name = build ? lx.text() : '';
    lx.next();
    const args: LiteralValue[] = [];
    if (lx.tok === C_LPAREN) {
      lx.next();
      while (lx.tok !== C_RPAREN) {
        const first = lx.tok;
        const s = lx.tokStart;
        const firstEnd = lx.tokEnd;
        let negative = false;
        let litEnd = firstEnd;
        if (first === C_MINUS) {
          negative = true;
          const save = p.save();
          lx.next();
          const numTok = lx.tok;
          litEnd = lx.tokEnd;
          p.restore(save);
          if (numTok !== TK_NUMBER) litEnd = -1;
        }
        p.expr();
        if (build) args.push(literalArg(lx.src, first, s, firstEnd, negative, litEnd, lx.prevEnd));
        if (lx.tok !== C_COMMA) break;
        lx.next();
      }
      p.expect(C_RPAREN, ')');
    }
    if (build) out.push({ name, args });
  }
  return out;
}

/** The value of a validator argument when it is one literal token (or `-number`), else null. */
function literalArg(src: string, tok: number, s: number, firstEnd: number, negative: boolean, litEnd: number, end: number): LiteralValue {
  if (negative) {
    if (litEnd !== end) return null;
    return -parseNumberLiteral(src.slice(s + 1, end).trim());
  }
  if (firstEnd !== end) return null;
  switch (tok) {
    case TK_NUMBER:
      return parseNumberLiteral(src.slice(s, end));
    case TK_STRING:
      return decodeStringLiteral(src, s, end);
    case TK_TRUE:
      return true;
    case TK_FALSE:
      return false;
    default:
      return null;
  }
}

