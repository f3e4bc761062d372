// The serialisable descriptor of a type, as the compiler embeds it (the JSON of compiler/typed's TypeExpr; the
// runtime never imports the compiler, so the shape is restated here), plus the runtime-only `tuple` of `:ret()`.

export type LiteralValue = string | number | boolean | null;

export interface ValidatorDesc {
  name: string;
  args: LiteralValue[];
}

export interface FieldDesc {
  name: string;
  type: TypeDesc;
  optional: boolean;
  validators?: ValidatorDesc[];
}

export interface ParamDesc {
  name?: string;
  type: TypeDesc;
}

interface Base {
  validators?: ValidatorDesc[];
}

export type TypeDesc =
  | (Base & { kind: 'name'; name: string })
  | (Base & { kind: 'literal'; value: string | number | boolean })
  | (Base & { kind: 'optional'; inner: TypeDesc })
  | (Base & { kind: 'union'; types: TypeDesc[] })
  | (Base & { kind: 'intersection'; types: TypeDesc[] })
  | (Base & { kind: 'array'; elem: TypeDesc; readonly?: boolean })
  | (Base & { kind: 'map'; key: TypeDesc; value: TypeDesc; readonly?: boolean })
  | (Base & { kind: 'record'; fields: FieldDesc[]; readonly?: boolean })
  | (Base & { kind: 'function'; params: ParamDesc[]; returns: TypeDesc[] | null })
  | (Base & { kind: 'generic'; name: string; args: TypeDesc[] })
  | (Base & { kind: 'typeof'; expr: string })
  | (Base & { kind: 'keyof'; inner: TypeDesc })
  | (Base & { kind: 'conditional'; check: TypeDesc; extends: TypeDesc; then: TypeDesc; else: TypeDesc })
  | (Base & { kind: 'index'; object: TypeDesc; index: TypeDesc })
  | (Base & { kind: 'asserts'; param: string; type?: TypeDesc })
  | (Base & { kind: 'tuple'; items: TypeDesc[] });

/** One `type` alias of a chunk as the compiler passes it to defineTypeAliases. */
export interface AliasDesc {
  name: string;
  params: string[];
  type: TypeDesc;
}

/** The primitive type names go-lua knows as LType singletons (ltype.go), plus the Lua value kinds. */
export const PRIMITIVE_NAMES: ReadonlySet<string> = new Set([
  'nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never', 'table', 'function', 'thread',
  'userdata',
]);
