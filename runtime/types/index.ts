// Runtime type values of Wippy typed Lua: createTypeValue (from a compiler-embedded descriptor), the built-in types
// (`string(x)`, `integer(x)`, ...) and defineTypeAliases (go-lua binds a chunk's aliases as globals when it loads).
import { LuaTable } from '../core/table.js';
import type { AliasDesc } from '../../abi/index.js';
import { createTypeValue, TypeValue, type AliasResolver } from './type-value.js';
import { qualifiedResolver, type LocalReader } from './qualified.js';

export { TypeValue, createTypeValue, createValidationError, typeMeta, type AliasResolver } from './type-value.js';
export type { TypeDesc, AliasDesc, FieldDesc, ParamDesc, ValidatorDesc, LiteralValue } from '../../abi/index.js';
export { kindOf } from './reflection.js';

/** go-lua's LType singletons (ltype.go: LTypeNil ... LTypeNever): the names that are types in call position. */
const BUILTIN_NAMES = ['nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never'] as const;
const builtins = new Map<string, TypeValue>();
for (const n of BUILTIN_NAMES) builtins.set(n, createTypeValue({ kind: 'name', name: n }, undefined, n));

/** The built-in type value `name` (nil boolean number integer string any unknown never), or undefined. */
export function builtinType(name: string): TypeValue | undefined {
  return builtins.get(name);
}

/**
 * Creates the type values of a chunk's aliases and binds each as a global unless the global is already set
 * (go-lua injects the prototype's aliases into the environment when the chunk loads). Names inside the aliases
 * resolve to the chunk's own aliases first, then to type values found among the globals (other chunks' aliases);
 * a qualified name (`mod.Name`) to the type value in field `Name` of the library table `mod` holds, `mod` being the
 * chunk-level local that `locals[i]` reads for alias i (emit/alias-scopes.ts) or else a global.
 * Returns the chunk's aliases by name (for direct `Name(...)`/`Name:is(...)` uses the compiler resolves).
 */
export function defineTypeAliases(
  globals: LuaTable, aliases: readonly AliasDesc[], locals?: readonly (LocalReader | undefined)[],
): Map<string, TypeValue> {
  const own = new Map<string, TypeValue>();
  const global = (name: string): unknown => globals[name];
  const resolver = (reader: LocalReader | undefined): AliasResolver => {
    const qualified = qualifiedResolver(reader ?? ((n, g) => g(n)), global);
    return (name) => {
      if (name.indexOf('.') > 0) return qualified(name);
      const t = own.get(name);
      if (t !== undefined) return t;
      const g = globals[name];
      return g instanceof TypeValue ? g : undefined;
    };
  };
  const shared = resolver(undefined);
  aliases.forEach((a, i) => {
    const reader = locals?.[i];
    own.set(a.name, createTypeValue(a.type, reader === undefined ? shared : resolver(reader), a.name, a.params));
  });
  for (const [name, t] of own) if (globals[name] === undefined) globals[name] = t;
  return own;
}
