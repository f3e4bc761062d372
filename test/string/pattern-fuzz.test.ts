// Randomised differential test: pseudo-random patterns built from Lua pattern tokens (including malformed
// ones) against pseudo-random subjects, through find, match, gsub and gmatch, compared with lua5.1.
import { expect, it } from 'vitest';
import { luaLiteral, rng, diff, S, type Case } from './lua-diff.js';
import { collect } from '../../runtime/core/results.js';

const atoms = ['a', 'b', '.', '%a', '%d', '%s', '%w', '%p', '%u', '%l', '%x', '%A', '%S', '%.', '%%', '[ab]', '[^a]',
  '[a-c]', '[%d_]', '[%]a]', '[]]', '-', 'x', '1', ' ', '%z', '[', '%', '%1', '%2', '%b()', '%bab', '%f[%w]',
  '%f[%s]', '(', ')', '()', '$', '^', '\0'];
const quants = ['', '', '', '*', '+', '-', '?'];
const alphabet = 'aabbx1 2_-()%.[]^$\0A';

it('random patterns x random subjects agree with lua5.1', () => {
  const r = rng(20240601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const cases: Case[] = [];
  const gm: { s: string; p: string }[] = [];
  for (let i = 0; i < 3000; i++) {
    let p = r() < 0.2 ? '^' : '';
    const n = 1 + Math.floor(r() * 5);
    for (let k = 0; k < n; k++) {
      const a = pick(atoms);
      p += a + (a.length === 1 || a.startsWith('%') || a.startsWith('[') ? pick(quants) : '');
    }
    if (r() < 0.15) p += '$';
    let s = '';
    const m = Math.floor(r() * 14);
    for (let k = 0; k < m; k++) s += pick(alphabet.split(''));
    const init = r() < 0.3 ? Math.floor(r() * 20) - 10 : undefined;
    cases.push({ fn: 'find', args: [s, p, init] });
    cases.push({ fn: 'match', args: [s, p, init] });
    cases.push({ fn: 'gsub', args: [s, p, pick(['<%0>', '%1', '#', '%%'])] });
    gm.push({ s, p });
  }
  for (const { s, p } of gm.slice(0, 500)) {
    cases.push({
      lua: `(function() local ok, t = pcall(function() local t = {} for a, b in string.gmatch(${luaLiteral(s)}, ${luaLiteral(p)}) do t[#t + 1] = tostring(a) .. '|' .. tostring(b) end return table.concat(t, ',') end) if not ok then t = string.gsub(t, '^[^:]*:%d+: ', '') end return t end)()`,
      label: `gmatch(${JSON.stringify(s)}, ${JSON.stringify(p)})`,
      js: () => {
        try {
          const it = S.gmatch!(s, p) as () => unknown;
          const t: string[] = [];
          for (;;) {
            const res = collect(it());
            if (res.length === 0 || res[0] === undefined) break;
            t.push(`${res[0] === undefined ? 'nil' : String(res[0])}|${res[1] === undefined ? 'nil' : String(res[1])}`);
          }
          return [t.join(',')];
        } catch (e) {
          return [String((e as { value: unknown }).value)];
        }
      },
    });
  }
  const bad = diff(cases);
  expect(bad.slice(0, 10).join('\n')).toBe('');
  expect(bad.length).toBe(0);
});

