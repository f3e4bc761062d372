// The RegExp fast path of the pattern functions (runtime/lib/string/pattern-regex.ts): which patterns take it, and
// randomised differential runs against lua5.1 restricted to patterns that take it, with every replacement kind.
import { describe as group, expect, it } from 'vitest';
import { luaLiteral, rng, diff, S, type Case } from './lua-diff.js';
import { collect, ret1 } from '../../runtime/core/results.js';
import { tableFromRecord } from '../../runtime/core/table.js';
import { getGmatchProgram, getPattern } from '../../runtime/lib/string/pattern-compile.js';
import { programRegex } from '../../runtime/lib/string/pattern-regex.js';

function usesRegex(p: string): boolean {
  const cp = getPattern(p);
  return programRegex(cp.prog, cp.anchored) !== null;
}

function expectNoDiff(cases: Case[]): void {
  const bad = diff(cases);
  expect(bad.slice(0, 10).join('\n')).toBe('');
  expect(bad.length).toBe(0);
}

group('which patterns run on RegExp', () => {
  it('plain classes, sets, quantifiers, captures and anchors do', () => {
    for (const p of ['(%u+)/(%d+)', '%a+', '[;,]%l+', '^(.-)%s*$', 'a-b', 'x?y*z+', '[^%]a-c]', '.', '$', '^', '\xff+']) {
      expect(usesRegex(p), p).toBe(true);
    }
  });

  it('%b, %f, back-references, position captures, bad captures and errors do not', () => {
    for (const p of ['%b()', '%f[%w]', '(a)%1', '()', '(a', 'a)', '[a', '%', '(.)'.repeat(33), 'a?'.repeat(300)]) {
      expect(usesRegex(p), p).toBe(false);
    }
  });

  it("gmatch's program reads '^' as a literal and still gets a RegExp", () => {
    expect(programRegex(getGmatchProgram(getPattern('^a')), false)?.source).toBe('\\x5ea');
  });
});

// Tokens of regexp-eligible patterns only, so every random case below exercises the fast path.
const atoms = ['a', 'b', '.', '%a', '%d', '%s', '%w', '%p', '%u', '%l', '%x', '%A', '%S', '%.', '%%', '[ab]', '[^a]',
  '[a-c]', '[%d_]', '[%]a]', '[]]', '-', 'x', '1', ' ', '%z', '\xe9', '[\x80-\xff]', '^'];
const quants = ['', '', '*', '+', '-', '?'];
const alphabet = 'aabbx1 2_-()%.[]^$\0A\xe9\xff';

function randomCase(r: () => number): { s: string; p: string } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let p = r() < 0.2 ? '^' : '';
  const n = 1 + Math.floor(r() * 5);
  let open = 0;
  for (let k = 0; k < n; k++) {
    if (r() < 0.15) {
      p += '(';
      open++;
    }
    p += pick(atoms) + pick(quants);
    if (open > 0 && r() < 0.3) {
      p += ')';
      open--;
    }
  }
  p += ')'.repeat(open);
  if (r() < 0.15) p += '$';
  let s = '';
  const m = Math.floor(r() * 40);
  for (let k = 0; k < m; k++) s += pick(alphabet.split(''));
  return { s, p };
}

group('RegExp path vs lua5.1 (random eligible patterns)', () => {
  it('find, match, gsub with string replacements, limits and inits', () => {
    const r = rng(777);
    const cases: Case[] = [];
    let eligible = 0;
    for (let i = 0; i < 2000; i++) {
      const { s, p } = randomCase(r);
      if (usesRegex(p)) eligible++;
      const init = r() < 0.4 ? Math.floor(r() * 50) - 25 : undefined;
      cases.push({ fn: 'find', args: [s, p, init] });
      cases.push({ fn: 'match', args: [s, p, init] });
      const max = r() < 0.3 ? Math.floor(r() * 4) : undefined;
      cases.push({ fn: 'gsub', args: [s, p, ['<%0>', '%1', '[%2]', '%%', '-', '%'][i % 6], max] });
    }
    expect(eligible).toBeGreaterThan(1900);
    expectNoDiff(cases);
  });

  it('gsub with function and table replacements, gmatch sequences', () => {
    const r = rng(4242);
    const cases: Case[] = [];
    const map = tableFromRecord({ a: 'A', b: false, ab: 7, x: 'XX' });
    for (let i = 0; i < 600; i++) {
      const { s, p } = randomCase(r);
      cases.push({
        lua: `string.gsub(${luaLiteral(s)}, ${luaLiteral(p)}, function(...) local n = select('#', ...) if n == 1 and ... == "b" then return nil end return n .. "(" .. table.concat({...}, "|") .. ")" end)`,
        label: `gsub(${JSON.stringify(s)}, ${JSON.stringify(p)}, function)`,
        js: () => collect(S.gsub!(s, p, (...a: unknown[]) => ret1(a.length === 1 && a[0] === 'b' ? undefined : `${a.length}(${a.join('|')})`))),
      });
      cases.push({
        lua: `string.gsub(${luaLiteral(s)}, ${luaLiteral(p)}, {a = "A", b = false, ab = 7, x = "XX"})`,
        label: `gsub(${JSON.stringify(s)}, ${JSON.stringify(p)}, table)`,
        js: () => collect(S.gsub!(s, p, map)),
      });
      cases.push({
        lua: `(function() local ok, t = pcall(function() local t = {} for a, b in string.gmatch(${luaLiteral(s)}, ${luaLiteral(p)}) do t[#t + 1] = tostring(a) .. '|' .. tostring(b) end return table.concat(t, ',') end) if not ok then t = string.gsub(t, '^[^:]*:%d+: ', '') end return t end)()`,
        label: `gmatch(${JSON.stringify(s)}, ${JSON.stringify(p)})`,
        js: () => {
          const it = S.gmatch!(s, p) as () => unknown;
          const t: string[] = [];
          for (;;) {
            const res = collect(it());
            if (res.length === 0 || res[0] === undefined) break;
            t.push(`${String(res[0])}|${res[1] === undefined ? 'nil' : String(res[1])}`);
          }
          return [t.join(',')];
        },
      });
    }
    expectNoDiff(cases);
  });

  it('a gsub callback running the same pattern (shared RegExp state) and interleaved gmatch iterators', () => {
    const inner = (w: string) => ret1((collect(S.gsub!(w, '%w', '<%0>'))[0] as string) + (S.find!('zz', '%w') as number));
    const it1 = S.gmatch!('a1 b2 c3', '%w+') as () => unknown;
    const it2 = S.gmatch!('x y z', '%w+') as () => unknown;
    expectNoDiff([
      {
        lua: `string.gsub("ab cd", "%w+", function(w) return string.gsub(w, "%w", "<%0>") .. string.find("zz", "%w") end)`,
        js: () => collect(S.gsub!('ab cd', '%w+', inner)),
      },
      {
        lua: `(function() local a, b = string.gmatch("a1 b2 c3", "%w+"), string.gmatch("x y z", "%w+") return a(), b(), a(), b(), a(), b(), a() end)()`,
        js: () => [it1(), it2(), it1(), it2(), it1(), it2(), ...collect(it1())],
      },
    ]);
  });

  it('huge subjects', () => {
    const big = 'ab'.repeat(200000) + 'c';
    expectNoDiff([
      { fn: 'find', args: [big, '(a[^c]*)c'] },
      { fn: 'match', args: [big, '^(.-)c$'] },
      { fn: 'gsub', args: [big, 'b', ''] },
      { fn: 'gsub', args: [big, '%a-', '.'] },
    ]);
  });
});
