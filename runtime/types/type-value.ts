// Runtime type values (Lua `type()` "type"): go-lua's LType (ltype.go) as a userdata whose metatable gives
// `T(v)` (validate, or instantiate a generic with type arguments), `T:is(v)`, the reflection methods, `Rec.field`,
// structural `==` and tostring.
import { LuaUserdata } from '../core/value.js';
import { LUATYPE } from '../core/symbols.js';
import { LuaTable } from '../core/table.js';
import { luaError, type LuaError } from '../core/errors.js';
import { getStringMetatable } from '../core/meta.js';
import { ret1 } from '../core/results.js';
import { typeName } from '../core/value.js';
import type { TypeDesc } from '../../abi/index.js';
import { typeText } from './format.js';
import { checkValue, type TypeRef } from './validate.js';
import { typeMethod } from './reflection.js';
import { isSubtype } from './subtype.js';
import { readOnly } from '../core/read-only.js';

/** Resolves an alias name to its type value (the chunk's aliases, then the globals), or undefined. */
export type AliasResolver = (name: string) => TypeValue | undefined;

const noAliases: AliasResolver = () => undefined;

export class TypeValue extends LuaUserdata implements TypeRef {
  readonly desc: TypeDesc;
  /** alias or builtin name (`:name()`); undefined for anonymous types */
  readonly name: string | undefined;
  readonly params: readonly string[];
  /** generic parameter bindings once instantiated (`Box(number)`, `Box<number>`) */
  readonly env: ReadonlyMap<string, TypeValue> | undefined;
  readonly resolveAlias: AliasResolver;
  /** bound method closures, created on first access (go-lua createTypeMethod) */
  methods: Map<string, (...args: unknown[]) => unknown> | undefined;

  constructor(desc: TypeDesc, resolveAlias: AliasResolver, name?: string, params: readonly string[] = [], env?: ReadonlyMap<string, TypeValue>) {
    super(typeMeta);
    this.desc = desc;
    this.name = name;
    this.params = params;
    this.env = env;
    this.resolveAlias = resolveAlias;
    this.methods = undefined;
  }

  get bound(): boolean {
    return this.env !== undefined;
  }

  param(name: string): TypeValue | undefined {
    return this.env?.get(name);
  }

  lookup(name: string): TypeValue | undefined {
    return this.resolveAlias(name);
  }

  derive(desc: TypeDesc): TypeValue {
    return new TypeValue(desc, this.resolveAlias, undefined, [], this.env);
  }

  instantiate(args: TypeRef[]): TypeValue {
    const env = new Map<string, TypeValue>();
    this.params.forEach((p, i) => env.set(p, args[i] as TypeValue));
    return new TypeValue(this.desc, this.resolveAlias, this.name, this.params, env);
  }

  /** The written-out type, type parameters replaced by their bindings. */
  text(): string {
    const env = this.env;
    return typeText(this.desc, env === undefined ? undefined : (n) => env.get(n)?.label());
  }

  label(): string {
    return this.name ?? this.text();
  }

  /** null when `v` matches, else go-lua's message ("y: expected number, got nil"). */
  check(v: unknown): string | null {
    if (this.params.length > 0 && !this.bound) return `expected ${this.label()}, got ${typeName(v)}`;
    return checkValue(v, this.desc, this, '');
  }
}
(TypeValue.prototype as unknown as Record<symbol, string>)[LUATYPE] = 'type';

/** Creates a type value from a compiler-embedded descriptor. */
export function createTypeValue(desc: TypeDesc, resolveAlias: AliasResolver = noAliases, name?: string, params: readonly string[] = []): TypeValue {
  return new TypeValue(desc, resolveAlias, name, params);
}

/**
 * The error value of a failed `T:is(v)`. go-lua returns an error object of kind Invalid (older builds: a string);
 * until the errors module exists this is the message string. Swap the representation here only.
 */
export function createValidationError(message: string): unknown {
  return message;
}

/**
 * An error raised by calling a type. go-lua's typeCall raises with `ls.RaiseError`, whose prefix is `where(0)`: the
 * position of the Lua code making the call (a type has no frame of its own), as in "main.lua:7: expected string, got
 * number". luaError cannot see that frame (the `__call` dispatch is a call boundary), so the innermost Lua frame of
 * the captured stack gives the prefix.
 */
function typeCallError(message: string): LuaError {
  const e = luaError(message, 0);
  const f = e.luaFrames()[0];
  if (f !== undefined) e.value = `${f.chunk}:${f.line}: ${message}`;
  return e;
}

/** `T(v)`: validation (exactly one value) or generic instantiation (all arguments types); ltype.go typeCall. */
function callType(self: unknown, ...args: unknown[]): unknown {
  const t = self as TypeValue;
  const n = args.length;
  if (n === 0) throw typeCallError(`type ${t.label()} expects at least 1 argument`);
  let typeArgs = 0;
  for (const a of args) if (a instanceof TypeValue) typeArgs++;
  if (typeArgs === n) {
    if (t.params.length === 0 || t.bound) throw typeCallError(`type ${t.label()} is not generic`);
    if (n !== t.params.length) throw typeCallError(`generic ${t.label()} expects ${t.params.length} type arguments, got ${n}`);
    return ret1(t.instantiate(args as TypeValue[]));
  }
  if (typeArgs !== 0) throw typeCallError(`type ${t.label()} does not accept mixed type/value arguments`);
  if (n !== 1) throw typeCallError(`type ${t.label()} validation expects 1 value, got ${n}`);
  const v = args[0];
  const err = t.check(v);
  if (err !== null) {
    // go-lua's message ("expected Point, got table"), with the failing path when it is deeper than the value
    const head = `expected ${t.label()}, got ${typeName(v)}`;
    throw typeCallError(err === head || err.startsWith('expected ') ? head : `${head} (${err})`);
  }
  return ret1(v);
}

function indexType(self: unknown, key: unknown): unknown {
  const t = self as TypeValue;
  if (typeof key !== 'string') return ret1(undefined);
  const m = typeMethod(t, key);
  if (m !== undefined) return ret1(m);
  // `Rec.field` is the field's type (methods win, go-lua typeGetField)
  const d = resolveDesc(t);
  if (d !== undefined && d.desc.kind === 'record') {
    for (const f of d.desc.fields) if (f.name === key) return ret1(d.owner.derive(f.type));
  }
  // the `string` type delegates other keys to the string library (ltype.go typeGetField: string.upper, ...)
  if (t.name === 'string' && t.desc.kind === 'name' && t.desc.name === 'string') {
    const lib = getStringMetatable()?.__index;
    if (lib instanceof LuaTable) return ret1(lib[key]);
  }
  return ret1(undefined);
}

/** Follows a type value through alias names to the descriptor that gives it shape. */
export function resolveDesc(t: TypeValue): { desc: TypeDesc; owner: TypeValue } | undefined {
  let cur: TypeValue = t;
  for (let hops = 0; hops < 32; hops++) {
    const d = cur.desc;
    if (d.kind !== 'name') return { desc: d, owner: cur };
    const next = cur.param(d.name) ?? (PRIMITIVE_KINDS.has(d.name) ? undefined : cur.lookup(d.name));
    if (next === undefined) return { desc: d, owner: cur };
    cur = next;
  }
  return undefined;
}

const PRIMITIVE_KINDS = new Set(['nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never']);

function eqType(a: unknown, b: unknown): unknown {
  if (!(a instanceof TypeValue) || !(b instanceof TypeValue)) return ret1(false);
  const da = resolveDesc(a);
  const db = resolveDesc(b);
  const ta = da === undefined ? a.text() : da.owner.derive(da.desc).text();
  const tb = db === undefined ? b.text() : db.owner.derive(db.desc).text();
  return ret1(ta === tb);
}

/** `A <= B`: A is a subtype of B; `A < B`: a proper subtype (go-lua TypeIsSubtype). */
function leType(a: unknown, b: unknown): unknown {
  return ret1(a instanceof TypeValue && b instanceof TypeValue && isSubtype(a, b));
}

function ltType(a: unknown, b: unknown): unknown {
  return ret1(a instanceof TypeValue && b instanceof TypeValue && isSubtype(a, b) && !isSubtype(b, a));
}

function tostringType(self: unknown): unknown {
  return ret1((self as TypeValue).label());
}

/** The one metatable shared by every type value. */
export const typeMeta: LuaTable = new LuaTable();
typeMeta.__call = callType;
typeMeta.__index = indexType;
typeMeta.__eq = eqType;
typeMeta.__tostring = tostringType;
typeMeta.__le = leType;
typeMeta.__lt = ltType;
typeMeta.__name = 'type';
// shared by the type values of every process (and every runtime in this realm): read-only
readOnly(typeMeta);
