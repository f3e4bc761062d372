// text.regexp (wippyai/runtime runtime/lua/modules/text/module.go): compile(pattern) -> Regexp, err over Go's RE2
// (re2.ts), and the Regexp methods with Go's results: a group that took no part is "", find_string gives nil for
// an empty or missing match, indices are 1-based inclusive (start+1, end), split and replace_all_string follow Go's
// Split and ReplaceAllString ($1, ${1}, $name, ${name}, $$).
import { LuaTable, tableFromArray } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { ret1, ret2 } from '../../core/results.js';
import { argError, checkStr, optNumber, typeError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import { BUDGET } from '../../core/preempt.js';
import { Re2, type Match } from './re2.js';

class RegexpValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly re: Re2,
  ) {
    super(mt);
  }
}

function self(v: unknown, fname: string): Re2 {
  if (v instanceof RegexpValue) return v.re;
  if (v instanceof LuaUserdata) throw argError(1, fname, 'expected text.Regexp');
  throw typeError(1, fname, 'userdata', v);
}

/** Group `g` of a match (0: the whole), '' for a group that took no part, as Go gives it. */
const slice = (s: string, m: Match, g: number): string => (g === 0 ? s.slice(m.start, m.end) : (m.groups[g - 1] ?? ''));

/** A group reference after a `$`, read in place (sticky: the template is not sliced at each `$`). */
const REF = /\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+)/y;

/** Go's Regexp.Expand of `template` for match `m` of `s`. */
function expand(re: Re2, template: string, s: string, m: Match): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, d);
    // each reference is a step: a long template over many matches is a long run that cannot give way
    if (--BUDGET.p < 0) BUDGET.out();
    if (template.charCodeAt(d + 1) === 0x24) {
      out += '$';
      i = d + 2;
      continue;
    }
    REF.lastIndex = d + 1;
    const ref = REF.exec(template);
    if (ref === null) {
      // a `$` not followed by a name is kept as it is (Go's extract fails and the `$` is copied)
      out += '$';
      i = d + 1;
      continue;
    }
    const name = ref[1] ?? ref[2]!;
    i = d + 1 + ref[0].length;
    if (/^[0-9]+$/.test(name)) {
      const g = Number(name);
      if (g <= re.groups) out += slice(s, m, g);
    } else {
      const g = re.names.indexOf(name);
      if (g > 0) out += slice(s, m, g);
    }
  }
  return out;
}

/** Go's Regexp.Split. */
function split(re: Re2, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.pattern.length > 0 && s.length === 0) return [''];
  const matches = re.all(s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m.start;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

export function createRegexpTable(): LuaTable {
  const methods = new LuaTable();
  const mt = new LuaTable();

  methods.match_string = (r: unknown, s: unknown) => {
    const re = self(r, 'match_string');
    return ret1(re.test(checkStr(s, 2, 'match_string')));
  };
  methods.find_string = (r: unknown, s: unknown) => {
    const re = self(r, 'find_string');
    const str = checkStr(s, 2, 'find_string');
    const m = re.first(str);
    const found = m === undefined ? '' : slice(str, m, 0);
    return ret1(found === '' ? undefined : found);
  };
  methods.find_all_string = (r: unknown, s: unknown) => {
    const re = self(r, 'find_all_string');
    const str = checkStr(s, 2, 'find_all_string');
    return ret1(tableFromArray(re.all(str).map((m) => slice(str, m, 0))));
  };
  methods.find_string_submatch = (r: unknown, s: unknown) => {
    const re = self(r, 'find_string_submatch');
    const str = checkStr(s, 2, 'find_string_submatch');
    const m = re.first(str);
    if (m === undefined) return ret1(undefined);
    return ret1(tableFromArray(Array.from({ length: re.groups + 1 }, (_, g) => slice(str, m, g))));
  };
  methods.find_all_string_submatch = (r: unknown, s: unknown) => {
    const re = self(r, 'find_all_string_submatch');
    const str = checkStr(s, 2, 'find_all_string_submatch');
    return ret1(tableFromArray(re.all(str).map((m) => tableFromArray(Array.from({ length: re.groups + 1 }, (_, g) => slice(str, m, g))))));
  };
  methods.find_string_index = (r: unknown, s: unknown) => {
    const re = self(r, 'find_string_index');
    const m = re.first(checkStr(s, 2, 'find_string_index'));
    return ret1(m === undefined ? undefined : tableFromArray([m.start + 1, m.end]));
  };
  methods.find_all_string_index = (r: unknown, s: unknown) => {
    const re = self(r, 'find_all_string_index');
    const all = re.all(checkStr(s, 2, 'find_all_string_index'));
    return ret1(all.length === 0 ? undefined : tableFromArray(all.map((m) => tableFromArray([m.start + 1, m.end]))));
  };
  methods.replace_all_string = (r: unknown, s: unknown, repl: unknown) => {
    const re = self(r, 'replace_all_string');
    const str = checkStr(s, 2, 'replace_all_string');
    const template = checkStr(repl, 3, 'replace_all_string');
    let out = '';
    let last = 0;
    for (const m of re.all(str)) {
      out += str.slice(last, m.start) + expand(re, template, str, m);
      last = m.end;
    }
    return ret1(out + str.slice(last));
  };
  methods.split = (r: unknown, s: unknown, n: unknown) => {
    const re = self(r, 'split');
    const str = checkStr(s, 2, 'split');
    return ret1(tableFromArray(split(re, str, Math.trunc(optNumber(n, 3, 'split', -1)))));
  };
  methods.num_subexp = (r: unknown) => ret1(self(r, 'num_subexp').groups);
  methods.subexp_names = (r: unknown) => ret1(tableFromArray([...self(r, 'subexp_names').names]));
  methods.string = (r: unknown) => ret1(self(r, 'string').pattern);

  mt.__index = readOnly(methods);
  mt.__name = 'text.Regexp';
  readOnly(mt);

  const t = new LuaTable();
  t.compile = (pattern: unknown) => {
    const p = checkStr(pattern, 1, 'compile');
    let re: Re2;
    try {
      re = new Re2(p);
    } catch (e) {
      const err = createError({ kind: ERROR_KINDS.INVALID, message: (e as Error).message, retryable: false });
      return ret2(undefined, wrapError(err, 'regex compile error'));
    }
    return ret2(new RegexpValue(mt, re), undefined);
  };
  return readOnly(t);
}
