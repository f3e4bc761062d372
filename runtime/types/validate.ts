// Validation of a Lua value against a type descriptor, with go-lua's messages (ltype.go validateWithErrorResolver:
// "expected T, got <luatype>", prefixed by the path of the failing field or element, "y: expected number, got nil")
// and Wippy's validators (@min @max @min_len @max_len @pattern).
import { ARR, HASH } from '../core/symbols.js';
import { LuaTable, ownStringKeys } from '../core/table.js';
import { typeName } from '../core/value.js';
import { numberToString } from '../core/number-format.js';
import type { LiteralValue, TypeDesc, ValidatorDesc } from '../../abi/index.js';
import { typeText } from './format.js';

/** What validation needs of a type value: its descriptor and the scope its names resolve in. */
export interface TypeRef {
  readonly desc: TypeDesc;
  /** generic parameter names; with `bound` false the type is an uninstantiated generic (validates nothing) */
  readonly params: readonly string[];
  readonly bound: boolean;
  /** the type bound to a generic parameter name in this type's scope */
  param(name: string): TypeRef | undefined;
  /** resolves an alias name (the chunk's aliases, then type values among the globals) */
  lookup(name: string): TypeRef | undefined;
  /** an anonymous type value for a sub-descriptor, in this type's scope */
  derive(desc: TypeDesc): TypeRef;
  instantiate(args: TypeRef[]): TypeRef;
  /** the type's text in messages (alias name, or the type written out) */
  label(): string;
}

/** Recursion limit for recursive aliases and cyclic tables (go-lua resolveRuntimeType stops at depth 32 per hop). */
const MAX_DEPTH = 200;

function fail(path: string, expected: string, got: string): string {
  return path === '' ? `expected ${expected}, got ${got}` : `${path}: expected ${expected}, got ${got}`;
}

function fieldPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function keyText(k: unknown): string {
  if (typeof k === 'number') return numberToString(k);
  if (typeof k === 'string') return k;
  return typeName(k);
}

/** Checks a primitive type name; undefined when `name` is not primitive. */
export function checkPrimitive(v: unknown, name: string): boolean | undefined {
  switch (name) {
    case 'nil':
      return v === undefined;
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number';
    case 'integer':
      // go-lua: LInteger, or an LNumber with an integral value (7.0 passes)
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'any':
    case 'unknown':
      return true;
    case 'never':
      return false;
    case 'table':
      return v instanceof LuaTable;
    case 'function':
      return typeof v === 'function';
    case 'thread':
      return typeName(v) === 'thread';
    case 'userdata':
      return typeName(v) === 'userdata';
    default:
      return undefined;
  }
}

/** Validates `v` against `desc` (resolved in `scope`); returns null on success, else the error message. */
export function checkValue(v: unknown, desc: TypeDesc, scope: TypeRef, path: string, depth = 0): string | null {
  if (depth > MAX_DEPTH) return fail(path, typeText(desc), typeName(v));
  const err = checkShape(v, desc, scope, path, depth);
  if (err !== null || desc.validators === undefined) return err;
  return checkValidators(v, desc.validators, path);
}

function checkShape(v: unknown, desc: TypeDesc, scope: TypeRef, path: string, depth: number): string | null {
  switch (desc.kind) {
    case 'name': {
      const param = scope.param(desc.name);
      if (param !== undefined) return checkRef(v, param, path, depth);
      const prim = checkPrimitive(v, desc.name);
      if (prim !== undefined) return prim ? null : fail(path, desc.name, typeName(v));
      const alias = scope.lookup(desc.name);
      return alias !== undefined ? checkRef(v, alias, path, depth) : fail(path, desc.name, typeName(v));
    }
    case 'literal': {
      const ok = v === desc.value;
      return ok ? null : fail(path, typeText(desc), typeName(v));
    }
    case 'optional':
      return v === undefined ? null : checkValue(v, desc.inner, scope, path, depth + 1);
    case 'union':
      for (const m of desc.types) if (checkValue(v, m, scope, path, depth + 1) === null) return null;
      return fail(path, typeText(desc), typeName(v));
    case 'intersection':
      for (const m of desc.types) {
        const e = checkValue(v, m, scope, path, depth + 1);
        if (e !== null) return e;
      }
      return null;
    case 'array': {
      if (!(v instanceof LuaTable)) return fail(path, 'table', typeName(v));
      const arr = v[ARR];
      for (let i = 0; i < arr.length; i++) {
        const x = arr[i];
        if (x === undefined) continue;
        const e = checkValue(x, desc.elem, scope, `${path}[${i + 1}]`, depth + 1);
        if (e !== null) return e;
      }
      return null;
    }
    case 'map':
      return v instanceof LuaTable ? checkMap(v, desc.key, desc.value, scope, path, depth) : fail(path, 'table', typeName(v));
    case 'record': {
      if (!(v instanceof LuaTable)) return fail(path, 'table', typeName(v));
      for (const f of desc.fields) {
        const x = v[f.name];
        const p = fieldPath(path, f.name);
        if (x === undefined && f.optional) continue;
        const e = checkValue(x, f.type, scope, p, depth + 1);
        if (e !== null) return e;
        if (f.validators !== undefined) {
          const ve = checkValidators(x, f.validators, p);
          if (ve !== null) return ve;
        }
      }
      return null;
    }
    case 'function':
      return typeof v === 'function' ? null : fail(path, 'function', typeName(v));
    case 'tuple': {
      if (!(v instanceof LuaTable)) return fail(path, 'table', typeName(v));
      for (let i = 0; i < desc.items.length; i++) {
        const e = checkValue(v[ARR][i], desc.items[i]!, scope, `${path}[${i + 1}]`, depth + 1);
        if (e !== null) return e;
      }
      return null;
    }
    case 'generic': {
      const base = scope.lookup(desc.name);
      if (base === undefined || base.params.length !== desc.args.length) return fail(path, typeText(desc), typeName(v));
      const inst = base.instantiate(desc.args.map((a) => scope.derive(a)));
      return checkRef(v, inst, path, depth);
    }
    // Type-level constructs with no runtime shape accept every value (they are checked statically).
    case 'typeof':
    case 'keyof':
    case 'conditional':
    case 'index':
    case 'asserts':
      return null;
  }
}

function checkRef(v: unknown, ref: TypeRef, path: string, depth: number): string | null {
  // go-lua: an uninstantiated generic validates nothing
  if (ref.params.length > 0 && !ref.bound) return fail(path, ref.label(), typeName(v));
  return checkValue(v, ref.desc, ref, path, depth + 1);
}

function checkMap(t: LuaTable, key: TypeDesc, value: TypeDesc, scope: TypeRef, path: string, depth: number): string | null {
  const entry = (k: unknown, x: unknown, p: string): string | null => {
    if (checkValue(k, key, scope, `${path}[key]`, depth + 1) !== null) return fail(`${path}[key]`, typeText(key), typeName(k));
    return checkValue(x, value, scope, p, depth + 1);
  };
  const arr = t[ARR];
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] === undefined) continue;
    const e = entry(i + 1, arr[i], `${path}[${i + 1}]`);
    if (e !== null) return e;
  }
  for (const k of ownStringKeys(t)) {
    const e = entry(k, t[k], fieldPath(path, k));
    if (e !== null) return e;
  }
  const h = t[HASH];
  if (h !== undefined) {
    for (const [k, x] of h) {
      const e = entry(k, x, `${path}[${keyText(k)}]`);
      if (e !== null) return e;
    }
  }
  return null;
}

const patternCache = new Map<string, RegExp | null>();

function compilePattern(src: string): RegExp | null {
  let re = patternCache.get(src);
  if (re === undefined) {
    try {
      re = new RegExp(src);
    } catch {
      re = null;
    }
    patternCache.set(src, re);
  }
  return re;
}

function num(a: LiteralValue | undefined): number | undefined {
  return typeof a === 'number' ? a : undefined;
}

/** Wippy's validators: inclusive @min/@max on numbers, @min_len/@max_len on string/array lengths, @pattern search. */
export function checkValidators(v: unknown, vs: ValidatorDesc[], path: string): string | null {
  const at = path === '' ? '' : `${path}: `;
  for (const val of vs) {
    const arg = val.args[0];
    switch (val.name) {
      case 'min': {
        const n = num(arg);
        if (n !== undefined && typeof v === 'number' && !(v >= n)) {
          return `${at}value ${numberToString(v)} is below minimum ${numberToString(n)}`;
        }
        break;
      }
      case 'max': {
        const n = num(arg);
        if (n !== undefined && typeof v === 'number' && !(v <= n)) {
          return `${at}value ${numberToString(v)} exceeds maximum ${numberToString(n)}`;
        }
        break;
      }
      case 'min_len':
      case 'max_len': {
        const n = num(arg);
        const len = typeof v === 'string' ? v.length : v instanceof LuaTable ? v[ARR].length : undefined;
        if (n === undefined || len === undefined) break;
        if (val.name === 'min_len' && len < n) return `${at}length ${len} is below minimum length ${numberToString(n)}`;
        if (val.name === 'max_len' && len > n) return `${at}length ${len} exceeds maximum length ${numberToString(n)}`;
        break;
      }
      case 'pattern': {
        if (typeof arg !== 'string' || typeof v !== 'string') break;
        const re = compilePattern(arg);
        if (re !== null && !re.test(v)) return `${at}value does not match pattern ${JSON.stringify(arg)}`;
        break;
      }
      default:
        break;
    }
  }
  return null;
}
