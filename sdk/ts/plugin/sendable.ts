// Whether a value of a TypeScript type can cross processes as a message payload or spawn argument: the checker's
// side of the SDK's `Moonforge.Sendable<T>` (types/core.d.ts), with the reason in words. A payload is copied into the
// receiving process as data: a function (or an object's method) means nothing there, a class instance arrives
// without its class, and runtime objects (channels, messages, timers: `Moonforge.RuntimeObject`) arrive as nil. So a
// type is sendable when it is built of primitives, error values, arrays, tuples, plain objects and Lua tables of
// sendable types. `any` and `unknown` say nothing, so they pass.
import type * as TS from 'typescript';
import type { TsApi } from './rule-context.js';

/**
 * Values with methods that the runtime itself copies across processes (runtime/process/copy.ts): Wippy's error values
 * and payloads (a payload inside a payload arrives as a payload).
 */
const COPIED_BY_THE_RUNTIME = new Set(['Moonforge.Error', 'Moonforge.Payload']);
/** The phantom property of the SDK's runtime objects (`Moonforge.RuntimeObject`). */
const RUNTIME_OBJECT_MARK = '__moonforge_runtime_object';

/** The language extensions' table types (LuaTable, LuaMap, ...): plain tables, whose members are their type arguments. */
const LANGUAGE_EXTENSIONS = /[\\/]@typescript-to-lua[\\/]language-extensions[\\/]/;
/** TypeScript's own lib files (Map, Set, Promise, Date, ... are declared there as interfaces, not classes). */
const TYPESCRIPT_LIB = /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/;

function isDeclaredIn(symbol: TS.Symbol, pattern: RegExp): boolean {
  return (symbol.declarations ?? []).some((d) => pattern.test(d.getSourceFile().fileName));
}

/**
 * Why a value of `type` cannot cross processes, as a phrase about `path` (the payload, or a field of it), or
 * undefined when it can.
 */
export function whyNotSendable(ts: TsApi, checker: TS.TypeChecker, type: TS.Type, path: string): string | undefined {
  return visit(ts, checker, type, path, new Set());
}

function visit(ts: TsApi, checker: TS.TypeChecker, type: TS.Type, path: string, seen: Set<TS.Type>): string | undefined {
  if (seen.has(type)) return undefined; // a recursive type: its other parts are being looked at already
  seen.add(type);
  if (type.isUnionOrIntersection()) {
    for (const part of type.types) {
      const why = visit(ts, checker, part, path, seen);
      if (why) return why;
    }
    return undefined;
  }
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return `${path} is a function`;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol && COPIED_BY_THE_RUNTIME.has(checker.getFullyQualifiedName(symbol))) return undefined;
  if (type.getProperty(RUNTIME_OBJECT_MARK)) {
    return `${path} is ${symbol ? `a ${symbol.name}` : 'a runtime object'}, which arrives as nil in another process`;
  }
  const args = checker.isArrayType(type) || checker.isTupleType(type) ||
    (symbol !== undefined && isDeclaredIn(symbol, LANGUAGE_EXTENSIONS))
    ? checker.getTypeArguments(type as TS.TypeReference)
    : undefined;
  if (args) {
    for (const arg of args) {
      const why = visit(ts, checker, arg, `${path}[]`, seen);
      if (why) return why;
    }
    return undefined;
  }
  const properties = checker.getPropertiesOfType(type);
  const method = properties.find((p) => p.flags & ts.SymbolFlags.Method);
  if (method) {
    if (symbol && symbol.flags & ts.SymbolFlags.Class) return `${path} is an instance of class ${symbol.name}, which has methods ('${method.name}')`;
    if (symbol && isDeclaredIn(symbol, TYPESCRIPT_LIB)) return `${path} is a ${symbol.name}, an object with methods ('${method.name}')`;
    return `${path}.${method.name} is a method`;
  }
  for (const property of properties) {
    const where = `${path}.${property.name}`;
    const why = visit(ts, checker, checker.getTypeOfSymbol(property), where, seen);
    if (why) return why;
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    const why = visit(ts, checker, info.type, `${path}[key]`, seen);
    if (why) return why;
  }
  return undefined;
}
