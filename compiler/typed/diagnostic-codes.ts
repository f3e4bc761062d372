// The catalogue of the typed front end's diagnostic codes (LUA2xxx): every syntax error stripTypes reports.
// Messages here are the fixed part; the reporter adds the offending token ("near 'x'").

export const TYPED_DIAGNOSTIC_CODES = {
  /** a Lua syntax error found while recognising the typed dialect (unexpected token, missing 'end', ...) */
  LUA2001: 'syntax error',
  /** a word go-lua reserves (fun interface as asserts readonly is typeof keyof extends) used as a name */
  LUA2002: 'reserved word used as a name',
  /** a malformed type expression (annotation, alias, cast) */
  LUA2003: 'malformed type expression',
  /** an empty generic parameter list `<>` */
  LUA2004: 'empty type parameter list',
  /** an unfinished string, long string or long comment */
  LUA2005: 'unfinished string or comment',
  /** a character that starts no token */
  LUA2006: 'invalid character',
} as const;

export type TypedDiagnosticCode = keyof typeof TYPED_DIAGNOSTIC_CODES;
