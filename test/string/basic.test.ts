// Differential tests of byte, char, len, lower, upper, rep, reverse and sub against lua5.1, and the shape of the
// library table (Wippy's function set, the string metatable).
import { describe as group, expect, it } from 'vitest';
import { diff, S, type Case } from './lua-diff.js';
import { openStringLib } from '../../runtime/lib/string/index.js';
import { getStringMetatable } from '../../runtime/core/meta.js';
import { FROZEN } from '../../runtime/core/symbols.js';

function expectNoDiff(cases: Case[]): void {
  const bad = diff(cases);
  expect(bad.slice(0, 15).join('\n')).toBe('');
  expect(bad.length).toBe(0);
}

const idx = [undefined, 0, 1, 2, 3, -1, -2, -3, -10, 10, 2.5, -2.5, 1e300, -1e300, '2', 2 ** 53];
const strs = ['', 'a', 'hello', 'h\0llo', '\xff\x80abc'];

group('byte-level functions vs lua5.1', () => {
  it('sub and byte over index combinations', () => {
    const cases: Case[] = [];
    for (const s of strs) {
      for (const i of idx) {
        for (const j of idx) {
          if (i !== undefined) cases.push({ fn: 'sub', args: [s, i, j] });
          cases.push({ fn: 'byte', args: [s, i, j] });
        }
      }
    }
    expectNoDiff(cases);
  });

  it('char, len, lower, upper, reverse, rep', () => {
    const cases: Case[] = [
      { fn: 'char', args: [] },
      { fn: 'char', args: [72, 101, 108, 108, 111] },
      { fn: 'char', args: [0, 255, 128] },
      { fn: 'char', args: [65.9, '66'] },
      { fn: 'char', args: [256] },
      { fn: 'char', args: [-1] },
      { fn: 'char', args: [65, 'x'] },
      { fn: 'char', args: [2 ** 32 + 65] },
      { fn: 'len', args: [] },
      { fn: 'len', args: [12.5] },
      { fn: 'rep', args: ['ab', 3] },
      { fn: 'rep', args: ['ab', 0] },
      { fn: 'rep', args: ['ab', -1] },
      { fn: 'rep', args: ['', 1000] },
      { fn: 'rep', args: ['x', 2.9] },
      // counts of 2^31 and more are not lua5.1's (its 32-bit wrap-around): test/string/rep-limits.test.ts
      { fn: 'rep', args: [5, 2] },
      { fn: 'rep', args: ['x'] },
      { fn: 'rep', args: ['x', 'y'] },
      { fn: 'byte', args: ['x'.repeat(8000), 1, -1] },
      { fn: 'byte', args: ['x'.repeat(7990), 1, -1] },
      { fn: 'sub', args: ['abc'] },
      { fn: 'sub', args: [] },
      { fn: 'reverse', args: [''] },
      { fn: 'lower', args: [] }, // (an explicit nil reads "got no value": args.ts cannot tell nil from none)
    ];
    for (const s of [...strs, 'MiXeD 123 \xc0\xe0\xdf\xff\xb5 ÄÖ', 'ALL CAPS', 'lower']) {
      for (const fn of ['len', 'lower', 'upper', 'reverse']) cases.push({ fn, args: [s] });
    }
    let all = '';
    for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
    cases.push({ fn: 'lower', args: [all] }, { fn: 'upper', args: [all] }, { fn: 'reverse', args: [all] });
    expectNoDiff(cases);
  });
});

group('library shape', () => {
  it('has the Lua 5.1 functions and go-lua\'s gfind, and nothing Wippy removes', () => {
    const t = openStringLib();
    expect(Object.keys(t).sort()).toEqual([
      'byte', 'char', 'find', 'format', 'gfind', 'gmatch', 'gsub', 'len', 'lower', 'match', 'rep', 'reverse',
      'sub', 'upper',
    ]);
    expect(t.gfind).toBe(t.gmatch);
    expect((t as unknown as Record<symbol, unknown>)[FROZEN]).toBe(true);
  });

  it('installs {__index = string} as the metatable of strings', () => {
    const t = openStringLib();
    const mt = getStringMetatable();
    expect(mt?.__index).toBe(t);
  });

  it('string results never contain char codes above 255', () => {
    const r = S.char!(200, 255) as string;
    expect([...r].every((ch) => ch.charCodeAt(0) <= 255)).toBe(true);
  });
});
