// table.sort: differential against lua5.1 on total orders (where any correct sort gives the same result), the
// error cases both raise, and pinned go-lua behaviour (tablelib.go tableSort: Go's sort.Sort, which never raises
// "invalid order function for sorting"), plus termination, comparison-count and speed checks.
import { describe, expect, it } from 'vitest';
import { openTableLib } from '../../runtime/lib/table/index.js';
import { LuaTable, rawget, tableFromArray } from '../../runtime/core/table.js';
import { MT } from '../../runtime/core/symbols.js';
import { ret1 } from '../../runtime/core/results.js';
import { raise } from '../../runtime/core/errors.js';
import { runLua51Lines } from './support.js';
import { errorOf, fn } from '../support/library-calls.js';

const lib = openTableLib();
const sort = fn(lib, 'sort');
const concat = fn(lib, 'concat');

/** A deterministic pseudo-random sequence (so the Lua literal and the JS array are the same data). */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function luaString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 34 || c === 92 ? `\\${s[i]}` : c < 32 || c > 126 ? `\\${c}` : s[i];
  }
  return `${out}"`;
}

function luaLiteral(xs: unknown[]): string {
  return `{${xs.map((x) => (typeof x === 'string' ? luaString(x) : String(x))).join(',')}}`;
}

const r = rng(42);
const ints = Array.from({ length: 300 }, () => Math.floor(r() * 1000) - 500);
const quarters = Array.from({ length: 200 }, () => Math.floor(r() * 400) / 4 - 50);
const bytes = Array.from({ length: 150 }, () => {
  const n = Math.floor(r() * 5);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
  return s;
});
const words = Array.from({ length: 200 }, () => ['apple', 'Apple', 'b', 'banana', 'B', 'a', ''][Math.floor(r() * 7)]! + String(Math.floor(r() * 10)));
const big = Array.from({ length: 5000 }, () => Math.floor(r() * 100000));
const people = Array.from({ length: 60 }, (_, i) => ({ name: `p${i}`, age: Math.floor(r() * 10) }));

interface Case {
  name: string;
  lua: string;
  js: () => string;
}

const byDesc = (a: unknown, b: unknown): unknown => ret1((a as number) > (b as number));

const cases: Case[] = [
  {
    name: 'integers, default order',
    lua: `local t = ${luaLiteral(ints)} table.sort(t) print(table.concat(t, ' '))`,
    js: () => {
      const t = tableFromArray([...ints]);
      sort(t);
      return concat(t, ' ') as string;
    },
  },
  {
    name: 'quarter floats, default order',
    lua: `local t = ${luaLiteral(quarters)} table.sort(t) print(table.concat(t, ' '))`,
    js: () => {
      const t = tableFromArray([...quarters]);
      sort(t);
      return concat(t, ' ') as string;
    },
  },
  {
    name: 'byte strings, default order (byte-wise, C locale)',
    lua: `local t = ${luaLiteral(bytes)} table.sort(t)
          local o = {} for i = 1, #t do o[i] = t[i]:gsub('.', function(c) return c:byte() .. '.' end) end
          print(table.concat(o, ' '))`,
    js: () => {
      const t = tableFromArray([...bytes]);
      sort(t);
      const arr: string[] = [];
      for (let i = 1; i <= bytes.length; i++) {
        const s = rawget(t, i) as string;
        arr.push([...s].map((c) => `${c.charCodeAt(0)}.`).join(''));
      }
      return arr.join(' ');
    },
  },
  {
    name: 'integers, descending comparator',
    lua: `local t = ${luaLiteral(ints)} table.sort(t, function(a, b) return a > b end) print(table.concat(t, ' '))`,
    js: () => {
      const t = tableFromArray([...ints]);
      sort(t, byDesc);
      return concat(t, ' ') as string;
    },
  },
  {
    name: 'strings, case-insensitive comparator with a raw tie-break',
    lua: `local t = ${luaLiteral(words)}
          table.sort(t, function(a, b) local x, y = a:lower(), b:lower() if x ~= y then return x < y end return a < b end)
          print(table.concat(t, ' '))`,
    js: () => {
      const t = tableFromArray([...words]);
      sort(t, (a: unknown, b: unknown) => {
        const x = (a as string).toLowerCase();
        const y = (b as string).toLowerCase();
        return ret1(x !== y ? x < y : (a as string) < (b as string));
      });
      return concat(t, ' ') as string;
    },
  },
  {
    name: 'records by age then name',
    lua: `local t = {} ${people.map((p) => `t[#t + 1] = { name = "${p.name}", age = ${p.age} }`).join(' ')}
          table.sort(t, function(a, b) if a.age ~= b.age then return a.age < b.age end return a.name < b.name end)
          local o = {} for i, p in ipairs(t) do o[i] = p.name .. '=' .. p.age end print(table.concat(o, ' '))`,
    js: () => {
      const t = tableFromArray(
        people.map((p) => {
          const rec = new LuaTable();
          rec.name = p.name;
          rec.age = p.age;
          return rec;
        }),
      );
      sort(t, (a: unknown, b: unknown) => {
        const x = a as LuaTable;
        const y = b as LuaTable;
        if (x.age !== y.age) return ret1((x.age as number) < (y.age as number));
        return ret1((x.name as string) < (y.name as string));
      });
      const o: string[] = [];
      for (let i = 1; i <= people.length; i++) {
        const p = rawget(t, i) as LuaTable;
        o.push(`${p.name}=${p.age}`);
      }
      return o.join(' ');
    },
  },
  {
    name: '5000 integers, default order (samples)',
    lua: `local t = ${luaLiteral(big)} table.sort(t) print(t[1], t[1000], t[2500], t[4999], t[5000])`,
    js: () => {
      const t = tableFromArray([...big]);
      sort(t);
      return [1, 1000, 2500, 4999, 5000].map((i) => rawget(t, i)).join('\t');
    },
  },
  {
    name: '__lt metamethod as the default order',
    lua: `local mt = { __lt = function(a, b) return a.v < b.v end }
          local t = {} for _, v in ipairs(${luaLiteral(ints.slice(0, 50))}) do t[#t + 1] = setmetatable({ v = v }, mt) end
          table.sort(t) local o = {} for i = 1, #t do o[i] = t[i].v end print(table.concat(o, ' '))`,
    js: () => {
      const mt = new LuaTable();
      mt.__lt = (a: unknown, b: unknown) => ret1((a as LuaTable).v as number < ((b as LuaTable).v as number));
      const t = tableFromArray(
        ints.slice(0, 50).map((v) => {
          const o = new LuaTable();
          o.v = v;
          o[MT] = mt;
          return o;
        }),
      );
      sort(t);
      const o: unknown[] = [];
      for (let i = 1; i <= 50; i++) o.push((rawget(t, i) as LuaTable).v);
      return o.join(' ');
    },
  },
  {
    name: 'comparing two tables without __lt',
    lua: `print(select(2, pcall(table.sort, { {}, {} })))`,
    js: () => errorOf(sort, tableFromArray([new LuaTable(), new LuaTable()])),
  },
  {
    name: 'comparing booleans',
    lua: `print(select(2, pcall(table.sort, { true, false })))`,
    js: () => errorOf(sort, tableFromArray([true, false])),
  },
  {
    name: 'mixed numbers and strings fail',
    lua: `print((pcall(table.sort, { 1, 'x', 2, 'y' })))`,
    js: () => String(!/^attempt to compare (number with string|string with number)$/.test(errorOf(sort, tableFromArray([1, 'x', 2, 'y'])))),
  },
  {
    name: 'an error in the comparator propagates',
    lua: `print(select(2, pcall(table.sort, { 3, 2, 1 }, function(a, b) error('cmp', 0) end)))`,
    js: () => errorOf(sort, tableFromArray([3, 2, 1]), () => raise('cmp')),
  },
];

describe('table.sort vs lua5.1', () => {
  const expected = runLua51Lines(cases.map((c) => `do ${c.lua} end`).join('\n'));
  it('ran every case', () => {
    expect(expected.length).toBe(cases.length);
  });
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(cases[i]!.js()).toBe(expected[i]);
  });
});

/** Sorts a copy of `xs` with our sort and a counting comparator; returns the result and the comparison count. */
function sortCounting(xs: number[], cmp?: (a: number, b: number) => boolean): { out: number[]; count: number } {
  let count = 0;
  const t = tableFromArray([...xs]);
  sort(t, (a: unknown, b: unknown) => {
    count++;
    return ret1(cmp ? cmp(a as number, b as number) : (a as number) < (b as number));
  });
  const out: number[] = [];
  for (let i = 1; i <= xs.length; i++) out.push(rawget(t, i) as number);
  return { out, count };
}

describe('table.sort: go-lua behaviour and robustness', () => {
  it('an explicit nil or non-function comparator is an argument error (tablelib.go: CheckFunction(2))', () => {
    expect(errorOf(sort, tableFromArray([2, 1]), undefined)).toMatch(/^bad argument #2 to 'sort' \(function expected, got (nil|no value)\)$/);
    expect(errorOf(sort, tableFromArray([2, 1]), new LuaTable())).toBe("bad argument #2 to 'sort' (function expected, got table)");
    expect(errorOf(sort, 'x')).toBe("bad argument #1 to 'sort' (table expected, got string)");
  });

  it('never raises "invalid order function": inconsistent comparators terminate with a permutation (Go sort.Sort)', () => {
    const xs = Array.from({ length: 500 }, (_, i) => (i * 7919) % 501);
    for (const cmp of [() => true, (a: number, b: number) => a <= b, () => Math.random() < 0.5]) {
      const { out } = sortCounting(xs, cmp);
      expect([...out].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('a <= comparator with many duplicates still sorts', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => (i * 31) % 7);
    const { out } = sortCounting(xs, (a, b) => a <= b);
    expect(out).toEqual([...xs].sort((a, b) => a - b));
  });

  it('sorts adversarial shapes with O(n log n) comparisons', () => {
    const n = 4096;
    const shapes: Record<string, number[]> = {
      sorted: Array.from({ length: n }, (_, i) => i),
      reversed: Array.from({ length: n }, (_, i) => n - i),
      equal: Array.from({ length: n }, () => 7),
      organPipe: Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      sawtooth: Array.from({ length: n }, (_, i) => i % 17),
      // a median-of-3 killer sequence
      killer: (() => {
        const a = new Array<number>(n);
        const k = n / 2;
        for (let i = 1; i <= k; i++) {
          if (i % 2 === 1) {
            a[i - 1] = i;
            a[i] = k + i;
          }
          a[k + i - 1] = 2 * i;
        }
        return a;
      })(),
    };
    const bound = 4 * n * Math.log2(n);
    for (const [name, xs] of Object.entries(shapes)) {
      const { out, count } = sortCounting(xs);
      expect(out, name).toEqual([...xs].sort((a, b) => a - b));
      expect(count, name).toBeLessThan(bound);
    }
  });

  it('random arrays of many sizes match a reference sort', () => {
    const rand = rng(7);
    for (let n = 0; n < 200; n++) {
      const xs = Array.from({ length: n }, () => Math.floor(rand() * 50));
      expect(sortCounting(xs).out).toEqual([...xs].sort((a, b) => a - b));
      const t = tableFromArray([...xs]);
      sort(t);
      const out: unknown[] = [];
      for (let i = 1; i <= n; i++) out.push(rawget(t, i));
      expect(out).toEqual([...xs].sort((a, b) => a - b));
    }
  });

  it('a hole in the array part is compared like any nil (an error, as go-lua compares its whole array)', () => {
    expect(errorOf(sort, tableFromArray([3, undefined, 1]))).toMatch(/^attempt to compare (nil with number|number with nil)$/);
  });

  it('NaN does not break the default sort', () => {
    const t = tableFromArray([3, NaN, 1, 2, NaN, 0]);
    sort(t);
    const out: unknown[] = [];
    for (let i = 1; i <= 6; i++) out.push(rawget(t, i));
    expect(out.filter((x) => x === x)).toHaveLength(4);
  });

  it('is fast: 200k numbers natively, 50k with a Lua comparator', () => {
    const rand = rng(1);
    const xs = Array.from({ length: 200_000 }, () => rand() * 1e6);
    let t0 = performance.now();
    const t = tableFromArray(xs);
    sort(t);
    expect(performance.now() - t0).toBeLessThan(1000);
    for (let i = 2; i <= 200_000; i++) if ((rawget(t, i - 1) as number) > (rawget(t, i) as number)) throw new Error('unsorted');
    const ys = tableFromArray(Array.from({ length: 50_000 }, () => rand()));
    t0 = performance.now();
    sort(ys, byDesc);
    expect(performance.now() - t0).toBeLessThan(1000);
    for (let i = 2; i <= 50_000; i++) if ((rawget(ys, i - 1) as number) < (rawget(ys, i) as number)) throw new Error('unsorted');
  });
});
