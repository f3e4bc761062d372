// The typed AST of Wippy type expressions, as stripTypes builds it for `type` aliases. It is plain JSON data: the
// compiler embeds it in the generated module and the runtime turns it into type values (runtime/types).

/** A literal argument of a validator (`@min(0)`, `@pattern("^a")`); null when the argument is not a literal. */
export type LiteralValue = string | number | boolean | null;

export interface Validator {
  name: string;
  args: LiteralValue[];
}

export interface RecordField {
  name: string;
  type: TypeExpr;
  optional: boolean;
  /** validators written after the whole field type (`a?: T? @min(1)`) */
  validators?: Validator[];
}

export interface FunctionParam {
  /** parameter name, when written (`(a: number) -> ()`); "..." for the variadic */
  name?: string;
  type: TypeExpr;
}

interface Base {
  /** `@name(args)` validators attached after a primary type (`number @min(0)`) */
  validators?: Validator[];
}

export type TypeExpr =
  /** a named type: builtin (number, string, ...), alias, type parameter, or qualified `mod.Name` */
  | (Base & { kind: 'name'; name: string })
  | (Base & { kind: 'literal'; value: string | number | boolean })
  | (Base & { kind: 'optional'; inner: TypeExpr })
  | (Base & { kind: 'union'; types: TypeExpr[] })
  | (Base & { kind: 'intersection'; types: TypeExpr[] })
  | (Base & { kind: 'array'; elem: TypeExpr; readonly?: boolean })
  | (Base & { kind: 'map'; key: TypeExpr; value: TypeExpr; readonly?: boolean })
  | (Base & { kind: 'record'; fields: RecordField[]; readonly?: boolean })
  /** returns is null for `fun(...)` written without a return annotation */
  | (Base & { kind: 'function'; params: FunctionParam[]; returns: TypeExpr[] | null })
  | (Base & { kind: 'generic'; name: string; args: TypeExpr[] })
  | (Base & { kind: 'typeof'; expr: string })
  | (Base & { kind: 'keyof'; inner: TypeExpr })
  | (Base & { kind: 'conditional'; check: TypeExpr; extends: TypeExpr; then: TypeExpr; else: TypeExpr })
  | (Base & { kind: 'index'; object: TypeExpr; index: TypeExpr })
  | (Base & { kind: 'asserts'; param: string; type?: TypeExpr });

export interface TypeAlias {
  name: string;
  /** generic parameter names (`type Box<T> = ...`), empty when not generic */
  params: string[];
  type: TypeExpr;
  /** 1-based position of the `type` keyword */
  line: number;
  column: number;
}
