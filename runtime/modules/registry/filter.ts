// registry.find's filters, as Wippy's finder reads them (wippyai/runtime system/registry/finder/finder.go; the Lua
// side, utils.go convertFilterToMetadata, flattens a `meta = {...}` sub-table into the same filter):
//   [".kind"], [".ns"], [".name"], [".id"]   the entry's kind / namespace / name / full id; "*" is a wildcard
//                                           ("prefix*", "*suffix", "pre*suf")
//   ["meta.k"] = v                          meta k equals v; a list v: meta k is a list holding every item of v
//   ["~meta.k"] = re, ["*meta.k"] = s,      meta k (a string) matches the regular expression / contains s (also an
//   ["^meta.k"] = s, ["$meta.k"] = s        item of a list) / starts with s / ends with s
// Every criterion must hold. A key without the "." or "meta." form (`kind = ...`, `type = ...`) is ignored, as the
// finder ignores it (it logs "metadata field must use 'meta.' prefix"), so `find({kind = "function.lua"})` returns
// every entry; an invalid regular expression is ignored too. Numbers compare by value. Regular expressions are RE2,
// as Go's regexp the finder uses (text.regexp's translation): a JS RegExp would take backreferences and lookaround,
// with which a pattern such as `^(a|a)*\1$` backtracks for ever inside V8, where nothing can stop it.
import type { Entry } from '../../app/model.js';
import { textToLua } from '../../lib/lua-text.js';
import { Re2 } from '../text/re2.js';

type Check = (e: Entry) => boolean;

function matchGlob(value: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return value === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  // only one wildcard is understood: a second "*" is a literal character of the suffix (finder.go matchGlob)
  return value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
}

function equalValues(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.every((x) => actual.some((a) => a === x));
  }
  return actual === expected;
}

function contains(actual: unknown, s: string): boolean {
  if (typeof actual === 'string') return actual.includes(s);
  if (Array.isArray(actual)) return actual.some((a) => typeof a === 'string' && a.includes(s));
  return false;
}

function rootCheck(field: string, v: unknown): Check | undefined {
  if (typeof v !== 'string') return undefined;
  switch (field) {
    case 'kind':
      return (e) => matchGlob(e.kind, v);
    case 'ns':
      return (e) => matchGlob(e.namespace, v);
    case 'name':
      return (e) => matchGlob(e.name, v);
    case 'id':
      return (e) => matchGlob(e.id, v);
    default:
      return undefined;
  }
}

function metaCheck(op: string, field: string, v: unknown): Check | undefined {
  const str = (e: Entry): string | undefined => {
    const a = e.meta[field];
    return typeof a === 'string' ? a : undefined;
  };
  switch (op) {
    case '~': {
      if (typeof v !== 'string') return undefined;
      let re: Re2;
      try {
        re = new Re2(textToLua(v));
      } catch {
        return undefined;
      }
      // Re2 matches byte strings: the texts as their UTF-8 bytes
      return (e) => {
        const a = str(e);
        return a !== undefined && re.test(textToLua(a));
      };
    }
    case '*':
      return typeof v === 'string' ? (e) => contains(e.meta[field], v) : undefined;
    case '^':
      return typeof v === 'string' ? (e) => str(e)?.startsWith(v) === true : undefined;
    case '$':
      return typeof v === 'string' ? (e) => str(e)?.endsWith(v) === true : undefined;
    default:
      return (e) => Object.prototype.hasOwnProperty.call(e.meta, field) && equalValues(e.meta[field], v);
  }
}

/** The filter (text keys and values, as entry-view.ts dataFromLua makes them) as one predicate. */
export function compileFilter(filter: Record<string, unknown>): Check {
  const checks: Check[] = [];
  for (const key of Object.keys(filter)) {
    const v = filter[key];
    if (key.startsWith('.')) {
      const c = rootCheck(key.slice(1), v);
      if (c !== undefined) checks.push(c);
      continue;
    }
    const op = '~*^$'.includes(key.charAt(0)) && key !== '' ? key.charAt(0) : '';
    const rest = key.slice(op.length);
    if (!rest.startsWith('meta.')) continue;
    const c = metaCheck(op, rest.slice(5), v);
    if (c !== undefined) checks.push(c);
  }
  return (e) => checks.every((c) => c(e));
}

/** The filter a Lua table gives: its own keys, then the keys of its `meta` sub-table over them. */
export function flattenFilter(t: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(t)) if (k !== 'meta') out[k] = t[k];
  const meta = t.meta;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) Object.assign(out, meta);
  return out;
}
