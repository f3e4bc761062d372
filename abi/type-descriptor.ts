// The type descriptor typed Lua compiles to: the plain JSON the compiler builds for a `type` alias (compiler/typed)
// and embeds in the generated module (`defineTypeAliases(G, [...], readers?)`, readers giving the chunk-level locals
// a qualified name `mod.Name` may start from: compiler/emit/alias-scopes.ts), and the runtime turns into type values
// (runtime/types).

/** A literal argument of a validator (`@min(0)`, `@pattern("^a")`); null when the argument is not a literal. */
export type LiteralValue = string | number | boolean | null;

export interface ValidatorDesc {
  name: string;
  args: LiteralValue[];
}

export interface FieldDesc {
  name: string;
  type: TypeDesc;
  optional: boolean;
  /** validators written after the whole field type (`a?: T? @min(1)`) */
  validators?: ValidatorDesc[];
}

export interface ParamDesc {
  /** parameter name, when written (`(a: number) -> ()`); "..." for the variadic */
  name?: string;
  type: TypeDesc;
}

interface Base {
  /** `@name(args)` validators attached after a primary type (`number @min(0)`) */
  validators?: ValidatorDesc[];
}

export type TypeDesc =
  /** a named type: builtin (number, string, ...), alias, type parameter, or qualified `mod.Name` */
  | (Base & { kind: 'name'; name: string })
  | (Base & { kind: 'literal'; value: string | number | boolean })
  | (Base & { kind: 'optional'; inner: TypeDesc })
  | (Base & { kind: 'union'; types: TypeDesc[] })
  | (Base & { kind: 'intersection'; types: TypeDesc[] })
  | (Base & { kind: 'array'; elem: TypeDesc; readonly?: boolean })
  | (Base & { kind: 'map'; key: TypeDesc; value: TypeDesc; readonly?: boolean })
  | (Base & { kind: 'record'; fields: FieldDesc[]; readonly?: boolean })
  /** returns is null for `fun(...)` written without a return annotation */
  | (Base & { kind: 'function'; params: ParamDesc[]; returns: TypeDesc[] | null })
  | (Base & { kind: 'generic'; name: string; args: TypeDesc[] })
  | (Base & { kind: 'typeof'; expr: string })
  | (Base & { kind: 'keyof'; inner: TypeDesc })
  | (Base & { kind: 'conditional'; check: TypeDesc; extends: TypeDesc; then: TypeDesc; else: TypeDesc })
  | (Base & { kind: 'index'; object: TypeDesc; index: TypeDesc })
  | (Base & { kind: 'asserts'; param: string; type?: TypeDesc })
  /** never compiled: the runtime builds it for a function type's several results (`:ret()`, runtime/types) */
  | (Base & { kind: 'tuple'; items: TypeDesc[] });

/** One `type` alias of a chunk as the compiler passes it to defineTypeAliases. */
export interface AliasDesc {
  name: string;
  /** generic parameter names (`type Box<T> = ...`), empty when not generic */
  params: string[];
  type: TypeDesc;
}

