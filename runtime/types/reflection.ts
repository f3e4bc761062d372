// The methods of type values (go-lua ltype.go typeGetField): is, kind, name, elem, key, val, inner, ret, fields,
// variants, params, tparams. Each access returns a closure bound to the type, so `T.is(v)` works like `T:is(v)`.
import { ret1, ret2 } from '../core/results.js';
import { createValidationError, resolveDesc, type TypeValue } from './type-value.js';

type LuaFn = (...args: unknown[]) => unknown;

/** The primitive type names go-lua knows as LType singletons (ltype.go), plus the Lua value kinds. */
const PRIMITIVE_NAMES: ReadonlySet<string> = new Set([
  'nil', 'boolean', 'number', 'integer', 'string', 'any', 'unknown', 'never', 'table', 'function', 'thread',
  'userdata',
]);

const METHODS: Record<string, (t: TypeValue) => LuaFn> = {
  // `T:is(v)` or `T.is(v)`: with two or more arguments the value is the second (go-lua typeMethodIs)
  is: (t) => (...args) => {
    const v = args.length >= 2 ? args[1] : args[0];
    const err = t.check(v);
    return err === null ? ret2(v, undefined) : ret2(undefined, createValidationError(err));
  },
  kind: (t) => () => ret1(kindOf(t)),
  name: (t) => () => ret1(t.name),
  elem: (t) => () => {
    const r = resolveDesc(t);
    return ret1(r?.desc.kind === 'array' ? r.owner.derive(r.desc.elem) : undefined);
  },
  key: (t) => () => {
    const r = resolveDesc(t);
    return ret1(r?.desc.kind === 'map' ? r.owner.derive(r.desc.key) : undefined);
  },
  val: (t) => () => {
    const r = resolveDesc(t);
    return ret1(r?.desc.kind === 'map' ? r.owner.derive(r.desc.value) : undefined);
  },
  inner: (t) => () => {
    const r = resolveDesc(t);
    return ret1(r?.desc.kind === 'optional' ? r.owner.derive(r.desc.inner) : undefined);
  },
  ret: (t) => () => {
    const r = resolveDesc(t);
    if (r?.desc.kind !== 'function' || r.desc.returns === null || r.desc.returns.length === 0) return ret1(undefined);
    const rs = r.desc.returns;
    return ret1(r.owner.derive(rs.length === 1 ? rs[0]! : { kind: 'tuple', items: rs }));
  },
  fields: (t) => () => {
    const r = resolveDesc(t);
    if (r?.desc.kind !== 'record') return ret1(undefined);
    const fields = r.desc.fields;
    const owner = r.owner;
    let i = 0;
    return ret1(() => {
      const f = fields[i++];
      return f === undefined ? ret1(undefined) : ret2(f.name, owner.derive(f.optional ? { kind: 'optional', inner: f.type } : f.type));
    });
  },
  variants: (t) => () => {
    const r = resolveDesc(t);
    if (r?.desc.kind !== 'union') return ret1(undefined);
    const types = r.desc.types;
    const owner = r.owner;
    let i = 0;
    return ret1(() => {
      const v = types[i++];
      return ret1(v === undefined ? undefined : owner.derive(v));
    });
  },
  params: (t) => () => {
    const r = resolveDesc(t);
    if (r?.desc.kind !== 'function') return ret1(undefined);
    const ps = r.desc.params;
    const owner = r.owner;
    let i = 0;
    return ret1(() => {
      const p = ps[i++];
      return ret1(p === undefined ? undefined : owner.derive(p.type));
    });
  },
  tparams: (t) => () => {
    if (t.params.length === 0 || t.bound) return ret1(undefined);
    const ps = t.params;
    let i = 0;
    return ret1(() => {
      const p = ps[i++];
      return p === undefined ? ret1(undefined) : ret2(p, undefined);
    });
  },
};

/** The bound method `key` of `t`, or undefined when `key` is not a method name. */
export function typeMethod(t: TypeValue, key: string): LuaFn | undefined {
  const make = Object.prototype.hasOwnProperty.call(METHODS, key) ? METHODS[key] : undefined;
  if (make === undefined) return undefined;
  let cache = t.methods;
  if (cache === undefined) cache = t.methods = new Map();
  let f = cache.get(key);
  if (f === undefined) {
    f = make(t);
    cache.set(key, f);
  }
  return f;
}

/** go-lua LType.KindString: the structural kind ("record", "array", "union", "number", ...). */
export function kindOf(t: TypeValue): string {
  if (t.params.length > 0 && !t.bound) return 'generic';
  const r = resolveDesc(t);
  if (r === undefined) return 'unknown';
  const d = r.desc;
  switch (d.kind) {
    case 'name':
      return PRIMITIVE_NAMES.has(d.name) ? d.name : 'unknown';
    case 'optional':
    case 'union':
    case 'intersection':
    case 'array':
    case 'map':
    case 'record':
    case 'function':
    case 'tuple':
    case 'literal':
      return d.kind;
    case 'generic': {
      const base = r.owner.lookup(d.name);
      if (base === undefined) return 'unknown';
      return kindOf(base.instantiate(d.args.map((a) => r.owner.derive(a))));
    }
    default:
      return 'unknown';
  }
}

