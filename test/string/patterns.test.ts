// Differential tests of find/match/gmatch/gsub against lua5.1: a cross product of patterns and subjects, plus
// init/plain variants, replacement forms and pattern errors.
import { describe as group, expect, it } from 'vitest';
import { luaLiteral, diff, S, type Case } from './lua-diff.js';
import { MT } from '../../runtime/core/symbols.js';
import { collect, ret1 } from '../../runtime/core/results.js';
import { tableFromRecord } from '../../runtime/core/table.js';

const subjects = [
  '', 'a', 'hello world', '  padded  ', 'key = value', 'x=1, y=22, z=333', 'THE (quick) [brown] fox',
  'aaa', 'abcabc', 'f(a(b)c)d', '\0a\0b', 'tab\there\nnew', 'caf\xe9 \xff\x80', '123abc456', 'a.b.c',
  '[[nested]]', '%d%%', 'THE END', 'one;two;;three', '-12.5e3',
];

const patterns = [
  'a', 'l+', 'o', '%a+', '%A+', '%d+', '%D', '%l', '%u+', '%s+', '%S+', '%w+', '%W', '%p', '%P+', '%c', '%x+',
  '%z', '%Z+', '.', '.-', '.*', '^h', '^%s*', '%s*$', 'd$', '^$', '$', 'a*', 'a-b', 'a?b', 'ab?', '[abc]+',
  '[^abc]+', '[a-f]+', '[%a_][%w_]*', '[%]]', '[]]', '[^]]+', '[a-]', '[-a]+', '[%-]', '(%w+)=(%w+)',
  '(%w+)%s*=%s*(%w+)', '()', '()a()', '(a)(b)?', '((a)(b))', '(h)(e)(l)(l)(o)', '%b()', '%b[]', '%bxy',
  '%f[%a]%a+', '%f[%A]', '%f[%w]%w+%f[%W]', '%f[%z]', '(a)%1', '(%a)%1', '(.)%1', '^(.-)%s*$', '%.', '%%',
  '[%.%-]', 'x*$', '[0-9]+%.?[0-9]*', '[+-]?%d+', '(%d+)%.(%d+)', 'a.b', 'A', '\xe9', '[\x80-\xff]+', '%;',
  '[%d%.e%-]+', '(%a+);', ';;', '.-;', '^(%w+)', '(((a)))', '%u%u%u',
];

function crossCases(fn: string): Case[] {
  const cases: Case[] = [];
  for (const p of patterns) for (const s of subjects) cases.push({ fn, args: [s, p] });
  return cases;
}

function expectNoDiff(cases: Case[], prelude = ''): void {
  const bad = diff(cases, prelude);
  expect(bad.slice(0, 15).join('\n')).toBe('');
  expect(bad.length).toBe(0);
}

group('patterns vs lua5.1', () => {
  it('string.find over patterns x subjects', () => expectNoDiff(crossCases('find')));
  it('string.match over patterns x subjects', () => expectNoDiff(crossCases('match')));

  it('string.gsub with string replacements over patterns x subjects', () => {
    const cases: Case[] = [];
    const repls = ['<%0>', '%1', '[%2|%1]', '%%', 'x', '', '%', '%a'];
    for (const p of patterns) for (const s of subjects.slice(0, 12)) {
      for (const r of repls) cases.push({ fn: 'gsub', args: [s, p, r] });
    }
    expectNoDiff(cases);
  });

  it('string.gmatch collects the same sequence', () => {
    const cases: Case[] = [];
    for (const p of patterns) for (const s of subjects) {
      cases.push({
        lua: `(function() local t = {} for a, b in string.gmatch(${luaLiteral(s)}, ${luaLiteral(p)}) do t[#t + 1] = tostring(a) .. '|' .. tostring(b) end return table.concat(t, ',') end)()`,
        label: `gmatch(${JSON.stringify(s)}, ${JSON.stringify(p)})`,
        js: () => {
          const it = S.gmatch!(s, p) as () => unknown;
          const t: string[] = [];
          for (;;) {
            const r = collect(it());
            if (r.length === 0 || r[0] === undefined) break;
            t.push(`${str(r[0])}|${str(r[1])}`);
          }
          return [t.join(',')];
        },
      });
    }
    expectNoDiff(cases);
  });

  it('find with init, negative init and plain', () => {
    const cases: Case[] = [];
    const inits = [undefined, 1, 2, 5, -1, -3, -100, 0, 100, 3.7, '2'];
    for (const s of ['hello world', 'a.b.c', '', 'aaa']) {
      for (const p of ['o', 'l+', '.', '', 'a.', '%a', '(o)']) {
        for (const init of inits) {
          cases.push({ fn: 'find', args: [s, p, init] });
          cases.push({ fn: 'find', args: [s, p, init, true] });
          cases.push({ fn: 'match', args: [s, p, init] });
        }
      }
    }
    expectNoDiff(cases);
  });

  it('gsub limits and anchors', () => {
    const cases: Case[] = [];
    for (const n of [undefined, 0, 1, 2, -1, 2.9, 100]) {
      for (const p of ['o', '^h', '', 'x*', '%w+', '^']) cases.push({ fn: 'gsub', args: ['hello world', p, '_', n] });
    }
    expectNoDiff(cases);
  });

  it('gsub on subjects where no match can start (the escaper case), malformed tails included', () => {
    const cases: Case[] = [];
    const subjects = ['', 'plain words', 'tab\there', 'quote"d', 'caf\xc3\xa9', 'a\x01b', 'x', 'axc'];
    const patterns = ['[%c"\\]', '[xyz]+', 'x[', '%d%d', '(%u)(%l)', '[^%w ]', 'x%', '%bxy'];
    for (const s of subjects) {
      for (const p of patterns) {
        for (const r of ['<%0>', '%1', '%9']) cases.push({ fn: 'gsub', args: [s, p, r] });
        cases.push({ fn: 'gsub', args: [s, p, '_', 0] });
      }
    }
    expectNoDiff(cases);
  });

  it('gsub with table and function replacements', () => {
    const map = tableFromRecord({ hello: 'HI', world: false, a: 1.5 });
    const cases: Case[] = [
      {
        lua: `string.gsub("hello world a", "%w+", {hello = "HI", world = false, a = 1.5})`,
        js: () => collect(S.gsub!('hello world a', '%w+', map)),
      },
      {
        lua: `string.gsub("k1=v1 k2=v2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end)`,
        js: () => collect(S.gsub!('k1=v1 k2=v2', '(%w+)=(%w+)', (k: string, v: string) => ret1(`${v}=${k}`))),
      },
      {
        lua: `string.gsub("abc", "%w", function(c) if c == "b" then return nil end return c:upper() end)`,
        js: () => collect(S.gsub!('abc', '%w', (c: string) => ret1(c === 'b' ? undefined : c.toUpperCase()))),
      },
      {
        lua: `string.gsub("abc", "()", function(p) return "<" .. p .. ">" end)`,
        js: () => collect(S.gsub!('abc', '()', (p: number) => ret1(`<${p}>`))),
      },
      {
        lua: `string.gsub("abc", "%w", function() return {} end)`,
        js: () => collect(S.gsub!('abc', '%w', () => ret1(tableFromRecord({})))),
      },
      {
        lua: `string.gsub("abc", "%w", {b = true})`,
        js: () => collect(S.gsub!('abc', '%w', tableFromRecord({ b: true }))),
      },
      {
        lua: `string.gsub("x y", "(%w)", setmetatable({}, {__index = function(t, k) return k .. k end}))`,
        js: () => {
          const t = tableFromRecord({});
          const mt = tableFromRecord({ __index: (_t: unknown, k: string) => ret1(k + k) });
          t[MT] = mt;
          return collect(S.gsub!('x y', '(%w)', t));
        },
      },
      {
        lua: `string.gsub("abc", "(b)(c)", function(...) return select('#', ...) end)`,
        js: () => collect(S.gsub!('abc', '(b)(c)', (...a: unknown[]) => ret1(a.length))),
      },
    ];
    expectNoDiff(cases);
  });

  it('pattern and capture errors', () => {
    const errs: [string, string][] = [
      ['abc', '('], ['abc', '(b'], ['abc', '%'], ['xbc', 'x['], ['abc', 'x['], ['abc', '[a'], ['abc', '%b'],
      ['abc', '%ba'], ['abc', '%f'], ['abc', '%fa'], ['abc', '%1'], ['abc', '(a)%2'], ['aa', '(a%1)'],
      ['abc', 'a)'], ['abc', '%0'], ['abc', '[%'], ['abc', '[^'], ['abc', '[]'], ['aaa', 'a%'],
    ];
    const cases: Case[] = [];
    for (const [s, p] of errs) {
      cases.push({ fn: 'find', args: [s, p] });
      cases.push({ fn: 'match', args: [s, p] });
      cases.push({ fn: 'gsub', args: [s, p, 'x'] });
    }
    cases.push({ fn: 'gsub', args: ['abc', 'b', '%2'] });
    cases.push({ fn: 'gsub', args: ['abc', '(b)', '%2'] });
    cases.push({ fn: 'gsub', args: ['abc', 'b', true] });
    cases.push({ fn: 'gsub', args: ['abc', 'b'] });
    cases.push({ fn: 'gsub', args: ['abc', 'b', 'x', 'y'] });
    cases.push({ fn: 'find', args: [] });
    cases.push({ fn: 'find', args: ['a'] });
    cases.push({ fn: 'find', args: ['a', {}] as unknown[] });
    cases.push({ fn: 'match', args: [12345, 3] });
    cases.push({ fn: 'find', args: ['a', 'a', 'x'] });
    cases.push({ fn: 'gmatch', args: ['a'] });
    cases.push({ fn: 'match', args: ['x'.repeat(40), '(.)'.repeat(33)] });
    expectNoDiff(cases.filter((c) => !('fn' in c) || !c.args.some((a) => typeof a === 'object')));
  });

  it('patterns stop at an embedded NUL; plain find sees the whole pattern', () => {
    expectNoDiff([
      { fn: 'find', args: ['a\0b.', '\0b.'] },
      { fn: 'match', args: ['a\0b', 'a\0c'] },
      { fn: 'find', args: ['xa\0b', 'a%z'] },
      { fn: 'gsub', args: ['a\0b\0', '%z', '0'] },
    ]);
  });

  it('long subjects (backtracking and balance)', () => {
    const long = 'a'.repeat(3000) + 'b';
    const nested = '('.repeat(500) + ')'.repeat(500);
    expectNoDiff([
      { fn: 'find', args: [long, 'a*b'] },
      { fn: 'find', args: [long, 'a-b'] },
      { fn: 'match', args: [long, '(a+)(b)'] },
      { fn: 'find', args: [nested, '%b()'] },
      { fn: 'gsub', args: [long, 'a', 'xy'] },
      { fn: 'find', args: ['x'.repeat(2000), '.-y'] },
    ]);
  });
});

group('matcher recursion budget', () => {
  it('deep patterns work up to the budget, then raise "pattern too complex" (Lua 5.2+ MAXCCALLS 200)', () => {
    // lua5.1 has no limit (and can overflow the C stack); 5.2-5.4 raise this error past 200 nested calls
    expect(collect(S.find!('a'.repeat(150), 'a?'.repeat(150)))).toEqual([1, 150]);
    expect(() => S.find!('a'.repeat(300), 'a?'.repeat(300))).toThrow();
    try {
      S.find!('a'.repeat(300), 'a?'.repeat(300));
    } catch (e) {
      expect((e as { value: unknown }).value).toBe('pattern too complex');
    }
    // long subjects do not consume the budget: repetition loops, not recursion
    expect(collect(S.match!('x'.repeat(100000) + 'y', '(x*)(y)'))[1]).toBe('y');
  });
});

function str(v: unknown): string {
  return v === undefined ? 'nil' : String(v);
}
