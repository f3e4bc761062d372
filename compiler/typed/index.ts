// The typed front end's public API: stripTypes (typed Lua -> plain Lua with positions kept, plus the aliases'
// type descriptors for the runtime) and the descriptor shapes.
export { stripTypes, type StripResult } from './strip.js';
export type { TypeAlias, TypeDesc, FieldDesc, ParamDesc, ValidatorDesc, LiteralValue } from './type-ast.js';
export { TYPED_DIAGNOSTIC_CODES, type TypedDiagnosticCode } from './diagnostic-codes.js';
