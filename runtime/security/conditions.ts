// Policy conditions compiled to predicates, with the semantics of wippyai/runtime
// service/security/policy/condition_evaluator.go: field paths (actor.id, actor.meta.*, action, resource, meta.*,
// any other path read as a meta key), `value` or `value_from`, and the operators eq ne lt gt lte gte in nin exists
// nexists contains ncontains matches nmatches. A field that cannot be read makes the condition false.
import { attrEquals, isRecord, toFloat, toGoString, toSlice, type AttrRecord, type AttrValue } from './values.js';

export interface Actor {
  readonly id: string;
  readonly meta: AttrRecord | undefined;
}

/** What a condition sees of one request. */
export interface Request {
  actor: Actor;
  action: string;
  resource: string;
  meta: AttrRecord | undefined;
}

export const OPERATORS = [
  'eq', 'ne', 'lt', 'gt', 'lte', 'gte', 'in', 'nin', 'exists', 'nexists', 'contains', 'ncontains', 'matches', 'nmatches',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ConditionSpec {
  field: string;
  operator: Operator;
  value?: AttrValue;
  valueFrom?: string;
}

/** Field lookup failed for a reason other than "not found": the whole condition is false (Go returns an error). */
const FAIL: unique symbol = Symbol('fail');
type Extracted = AttrValue | typeof FAIL;
type Extractor = (r: Request) => Extracted;

function nested(v: AttrValue, parts: readonly string[]): AttrValue {
  let cur = v;
  for (const p of parts) {
    if (!isRecord(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** Compiles a field path once (the Go code splits it on every evaluation). */
export function compileField(path: string): Extractor {
  const parts = path.split('.');
  switch (parts[0]) {
    case 'actor': {
      if (parts.length < 2) return () => FAIL;
      const emptyActor = (a: Actor): boolean => a.id === '' && a.meta === undefined;
      if (parts[1] === 'id') return (r) => (emptyActor(r.actor) ? FAIL : r.actor.id);
      if (parts[1] === 'meta') {
        const rest = parts.slice(2);
        return (r) => (emptyActor(r.actor) ? FAIL : rest.length === 0 ? r.actor.meta : nested(r.actor.meta, rest));
      }
      return () => FAIL; // unknown actor field
    }
    case 'meta': {
      if (parts.length < 2) return () => FAIL;
      const rest = parts.slice(1);
      if (rest.length === 1) {
        const k = rest[0];
        return (r) => r.meta?.[k];
      }
      return (r) => nested(r.meta, rest);
    }
    case 'action':
      return (r) => r.action;
    case 'resource':
      return (r) => r.resource;
    default:
      return (r) => r.meta?.[path];
  }
}

/** Whether the field path reads the request's meta (so a caller may skip building it). */
export function readsMeta(path: string): boolean {
  const head = path.split('.')[0];
  return head !== 'actor' && head !== 'action' && head !== 'resource';
}

function isIn(field: AttrValue, cmp: AttrValue): boolean {
  if (typeof cmp === 'string') return attrEquals(field, cmp);
  if (!Array.isArray(cmp)) return false; // Go: error "in requires a slice"
  for (const item of cmp) if (attrEquals(field, item)) return true;
  return false;
}

/** contains; undefined when Go reports an error (neither strings nor a list). */
function contains(field: AttrValue, cmp: AttrValue): boolean | undefined {
  const fs = toGoString(field);
  const cs = toGoString(cmp);
  if (fs !== undefined && cs !== undefined) return fs.includes(cs);
  const list = toSlice(field);
  if (list === undefined) return undefined;
  for (const item of list) if (attrEquals(item, cmp)) return true;
  return false;
}

/** Go RE2 inline flags at the start ("(?i)") become JS flags; the match is unanchored like MatchString. */
export function compileRegex(pattern: string): RegExp {
  let flags = '';
  let src = pattern;
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m !== null && !m[1].includes('U')) {
    flags = [...new Set(m[1])].join('');
    src = src.slice(m[0].length);
  }
  return new RegExp(src, flags);
}

/**
 * Compiles one condition into a predicate. `patterns` holds the regexes compiled at load from literal `value`s
 * (a `value_from` pattern is never precompiled in Go, so it only matches a pattern some literal also used).
 */
export function compileCondition(c: ConditionSpec, patterns: Map<string, RegExp>): (r: Request) => boolean {
  const field = compileField(c.field);
  const from = c.valueFrom !== undefined && c.valueFrom !== '' ? compileField(c.valueFrom) : undefined;
  const literal = c.value;
  const op = c.operator;
  return (r) => {
    const fv = field(r);
    if (fv === FAIL) return false;
    let cv: AttrValue;
    if (from !== undefined) {
      const x = from(r);
      if (x === FAIL) return false;
      cv = x;
    } else cv = literal;
    if (fv === undefined) {
      // Go type-asserts the value to bool here
      if (op === 'exists') return cv === false;
      if (op === 'nexists') return cv === true;
      return false;
    }
    switch (op) {
      case 'exists':
        return typeof cv === 'boolean' ? cv : true;
      case 'nexists':
        return typeof cv === 'boolean' ? !cv : false;
      case 'eq':
        return attrEquals(fv, cv);
      case 'ne':
        return !attrEquals(fv, cv);
      case 'lt':
      case 'gt':
      case 'lte':
      case 'gte': {
        const a = toFloat(fv);
        const b = toFloat(cv);
        if (a === undefined || b === undefined) return false;
        return op === 'lt' ? a < b : op === 'gt' ? a > b : op === 'lte' ? a <= b : a >= b;
      }
      case 'in':
        return isIn(fv, cv);
      case 'nin':
        // Go: `!result, err` with the error making the condition false
        return (typeof cv === 'string' || Array.isArray(cv)) && !isIn(fv, cv);
      case 'contains':
        return contains(fv, cv) === true;
      case 'ncontains':
        return contains(fv, cv) === false;
      case 'matches':
      case 'nmatches': {
        const s = toGoString(fv);
        const p = toGoString(cv);
        if (s === undefined || p === undefined) return false;
        const re = patterns.get(p);
        if (re === undefined) return false;
        re.lastIndex = 0;
        return re.test(s) === (op === 'matches');
      }
    }
  };
}
