// Structural subtyping of type values for `A <= B` / `A < B` (go-lua ltype.go TypeIsSubtype, types/subtype): a
// conservative check: never and literals below their primitive, integer below number, width subtyping of records,
// covariant arrays/maps/optionals, unions on either side; what it cannot decide is not a subtype.
import type { TypeDesc } from '../../abi/index.js';
import { typeText } from './format.js';
import { resolveDesc, type TypeValue } from './type-value.js';

const MAX_DEPTH = 32;

function literalBase(v: string | number | boolean): string {
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : Number.isInteger(v) ? 'integer' : 'number';
}

interface Side {
  desc: TypeDesc;
  owner: TypeValue;
}

function side(owner: TypeValue, desc: TypeDesc): Side {
  const r = resolveDesc(owner.derive(desc));
  return r === undefined ? { desc, owner } : { desc: r.desc, owner: r.owner };
}

function sub(a: Side, b: Side, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const da = a.desc;
  const db = b.desc;
  if (typeText(da, (n) => a.owner.param(n)?.label()) === typeText(db, (n) => b.owner.param(n)?.label())) return true;
  if (db.kind === 'name' && (db.name === 'any' || db.name === 'unknown')) return true;
  if (da.kind === 'name' && da.name === 'never') return true;
  if (da.kind === 'union') return da.types.every((t) => sub(side(a.owner, t), b, depth + 1));
  if (db.kind === 'union') return db.types.some((t) => sub(a, side(b.owner, t), depth + 1));
  if (db.kind === 'optional') {
    if (da.kind === 'name' && da.name === 'nil') return true;
    if (da.kind === 'optional') return sub(side(a.owner, da.inner), side(b.owner, db.inner), depth + 1);
    return sub(a, side(b.owner, db.inner), depth + 1);
  }
  if (db.kind === 'intersection') return db.types.every((t) => sub(a, side(b.owner, t), depth + 1));
  if (da.kind === 'intersection') return da.types.some((t) => sub(side(a.owner, t), b, depth + 1));
  if (db.kind === 'name') {
    if (da.kind === 'name') return da.name === db.name || (da.name === 'integer' && db.name === 'number');
    if (da.kind === 'literal') {
      const base = literalBase(da.value);
      return base === db.name || (base === 'integer' && db.name === 'number');
    }
    return db.name === 'table' && (da.kind === 'record' || da.kind === 'array' || da.kind === 'map');
  }
  if (da.kind === 'literal' && db.kind === 'literal') return da.value === db.value;
  if (da.kind === 'array' && db.kind === 'array') return sub(side(a.owner, da.elem), side(b.owner, db.elem), depth + 1);
  if (da.kind === 'map' && db.kind === 'map') {
    return sub(side(a.owner, da.key), side(b.owner, db.key), depth + 1) && sub(side(a.owner, da.value), side(b.owner, db.value), depth + 1);
  }
  if (da.kind === 'record' && db.kind === 'record') {
    return db.fields.every((fb) => {
      const fa = da.fields.find((f) => f.name === fb.name);
      if (fa === undefined) return fb.optional;
      const ta: TypeDesc = fa.optional ? { kind: 'optional', inner: fa.type } : fa.type;
      const tb: TypeDesc = fb.optional ? { kind: 'optional', inner: fb.type } : fb.type;
      return sub(side(a.owner, ta), side(b.owner, tb), depth + 1);
    });
  }
  if (da.kind === 'function' && db.kind === 'function') return true;
  return false;
}

/** Is `a` a subtype of `b`? */
export function isSubtype(a: TypeValue, b: TypeValue): boolean {
  return sub(side(a, a.desc), side(b, b.desc), 0);
}
