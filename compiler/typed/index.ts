// The typed front end's public API: stripTypes (typed Lua -> plain Lua with positions kept, plus the aliases'
// TypeExpr for the runtime) and the TypeExpr shapes.
export { stripTypes, type StripResult } from './strip.js';
export type { TypeAlias, TypeExpr, RecordField, FunctionParam, Validator, LiteralValue } from './type-ast.js';
export { TYPED_DIAGNOSTIC_CODES, type TypedDiagnosticCode } from './diagnostic-codes.js';
