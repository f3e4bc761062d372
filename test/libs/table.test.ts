// The table library: differential against lua5.1 where Lua 5.1 and Wippy's go-lua agree (one lua5.1 run for the
// whole batch), pinned expectations citing go-lua's tablelib.go / table.go where Wippy differs.
import { describe, expect, it } from 'vitest';
import { openTableLib } from '../../runtime/lib/table/index.js';
import { LuaTable, rawget, rawset, tableFromArray } from '../../runtime/core/table.js';
import { R } from '../../runtime/core/results.js';
import { LUA_DUMP, dumpTable, runLua51Lines, showValue } from './support.js';
import { callAllResults, errorOf, fn } from '../support/library-calls.js';

const lib = openTableLib();
const insert = fn(lib, 'insert');
const remove = fn(lib, 'remove');
const concat = fn(lib, 'concat');
const maxn = fn(lib, 'maxn');
const getn = fn(lib, 'getn');
const unpack = fn(lib, 'unpack');

const arr = (...xs: unknown[]): LuaTable => tableFromArray(xs);
const show = (vs: unknown[]): string => `${vs.length}|${vs.map(showValue).join(',')}`;

/** lua: statements whose last one prints one line; js: the same line computed with our library. */
interface Case {
  name: string;
  lua: string;
  js: () => string;
}

const LUA_SHOW = `
local function show(...)
  local parts = {}
  for i = 1, select('#', ...) do parts[i] = tostring((select(i, ...))) end
  return select('#', ...) .. '|' .. table.concat(parts, ',')
end
`;

const cases: Case[] = [
  {
    name: 'insert append and positional',
    lua: `local t = {} table.insert(t, 'a') table.insert(t, 'c') table.insert(t, 2, 'b') table.insert(t, 1, 'z')
          print(dump(t, 6))`,
    js: () => {
      const t = new LuaTable();
      insert(t, 'a');
      insert(t, 'c');
      insert(t, 2, 'b');
      insert(t, 1, 'z');
      return dumpTable(t, 6);
    },
  },
  {
    name: 'insert at #t+1 and in the middle',
    lua: `local t = {1, 2, 3, 4, 5} table.insert(t, #t + 1, 'end') table.insert(t, 3, 'mid') print(dump(t, 8))`,
    js: () => {
      const t = arr(1, 2, 3, 4, 5);
      insert(t, 6, 'end');
      insert(t, 3, 'mid');
      return dumpTable(t, 8);
    },
  },
  {
    name: 'insert 1..10 at the front',
    lua: `local t = {} for i = 1, 10 do table.insert(t, 1, i) end print(dump(t, 11))`,
    js: () => {
      const t = new LuaTable();
      for (let i = 1; i <= 10; i++) insert(t, 1, i);
      return dumpTable(t, 11);
    },
  },
  {
    name: 'remove last, first, middle',
    lua: `local t = {'a', 'b', 'c', 'd', 'e'}
          local a = table.remove(t) local b = table.remove(t, 1) local c = table.remove(t, 2)
          print(a, b, c, dump(t, 5))`,
    js: () => {
      const t = arr('a', 'b', 'c', 'd', 'e');
      const a = remove(t);
      const b = remove(t, 1);
      const c = remove(t, 2);
      return `${a}\t${b}\t${c}\t${dumpTable(t, 5)}`;
    },
  },
  {
    name: 'remove at #t and draining from the front',
    lua: `local t = {1, 2, 3} print(table.remove(t, #t), dump(t, 3))
          while #t > 0 do table.remove(t, 1) end`,
    js: () => {
      const t = arr(1, 2, 3);
      const v = remove(t, 3);
      return `${v}\t${dumpTable(t, 3)}`;
    },
  },
  {
    name: 'remove returns the value and count',
    lua: `local t = {'x', 'y'} print(show(table.remove(t, 1)), show(table.remove(t)))`,
    js: () => {
      const t = arr('x', 'y');
      return `${show(callAllResults(remove, t, 1))}\t${show(callAllResults(remove, t))}`;
    },
  },
  {
    name: 'concat basics',
    lua: `local t = {1, 2, 3, 'x', 4.0}
          print(table.concat(t), table.concat(t, ', '), table.concat(t, '-', 2, 4), table.concat(t, ',', 3))`,
    js: () => {
      const t = arr(1, 2, 3, 'x', 4.0);
      return [concat(t), concat(t, ', '), concat(t, '-', 2, 4), concat(t, ',', 3)].join('\t');
    },
  },
  {
    name: 'concat empty ranges',
    lua: `print(table.concat({}, ','), table.concat({'only'}, ','), table.concat({1, 2, 3}, ',', 3, 2) == '',
                table.concat({1, 2, 3}, ',', 2, 2))`,
    js: () => [concat(arr(), ','), concat(arr('only'), ','), concat(arr(1, 2, 3), ',', 3, 2) === '', concat(arr(1, 2, 3), ',', 2, 2)].join('\t'),
  },
  {
    name: 'concat negative and large integers',
    lua: `print(table.concat({-1, 0, 123456789, -2^40}, ' '))`,
    js: () => String(concat(arr(-1, 0, 123456789, -(2 ** 40)), ' ')),
  },
  {
    name: 'concat with float i/j arguments (truncated)',
    lua: `print(table.concat({'a', 'b', 'c', 'd'}, '', 1.9, 3.2))`,
    js: () => String(concat(arr('a', 'b', 'c', 'd'), '', 1.9, 3.2)),
  },
  {
    name: 'maxn',
    lua: `print(table.maxn({}), table.maxn({1, 2, 3}), table.maxn({[10] = 1, [2] = 2}), table.maxn({[1.5] = 1, [3] = 1}),
                table.maxn({n = 1, [-3] = 1}))`,
    js: () => {
      const sparse = new LuaTable();
      rawset(sparse, 10, 1);
      rawset(sparse, 2, 2);
      const withFloat = new LuaTable();
      rawset(withFloat, 1.5, 1);
      rawset(withFloat, 3, 1);
      const other = new LuaTable();
      other.n = 1;
      rawset(other, -3, 1);
      return [maxn(arr()), maxn(arr(1, 2, 3)), maxn(sparse), maxn(withFloat), maxn(other)].join('\t');
    },
  },
  {
    name: 'getn',
    lua: `print(table.getn({}), table.getn({1, 2, 3}), table.getn({n = 5}))`,
    js: () => {
      const t = new LuaTable();
      t.n = 5;
      return [getn(arr()), getn(arr(1, 2, 3)), getn(t)].join('\t');
    },
  },
  {
    name: 'unpack ranges (global unpack in 5.1 is the same function as table.unpack in Wippy)',
    lua: `print(show(unpack({1, 2, 3})), show(unpack({1, 2, 3}, 2)), show(unpack({1, 2, 3}, 2, 5)),
                show(unpack({}, 1, 0)), show(unpack({1, 2}, -1, 1)), show(unpack({1, 2, 3}, 3, 1)))`,
    js: () =>
      [
        show(callAllResults(unpack, arr(1, 2, 3))),
        show(callAllResults(unpack, arr(1, 2, 3), 2)),
        show(callAllResults(unpack, arr(1, 2, 3), 2, 5)),
        show(callAllResults(unpack, arr(), 1, 0)),
        show(callAllResults(unpack, arr(1, 2), -1, 1)),
        show(callAllResults(unpack, arr(1, 2, 3), 3, 1)),
      ].join('\t'),
  },
];

describe('table library vs lua5.1', () => {
  const script = LUA_DUMP + LUA_SHOW + cases.map((c) => `do ${c.lua} end`).join('\n');
  const expected = runLua51Lines(script);

  it('ran every case', () => {
    expect(expected.length).toBe(cases.length);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    expect(cases[i]!.js()).toBe(expected[i]);
  });
});

describe('table library: Wippy (go-lua) behaviour that differs from PUC 5.1', () => {
  it('insert with one argument: "wrong number of arguments" (tablelib.go tableInsert)', () => {
    expect(errorOf(insert, arr(1))).toBe('wrong number of arguments');
  });

  it('insert ignores a fourth argument (tablelib.go: only GetTop()==2 is special)', () => {
    const t = arr('a', 'b');
    insert(t, 1, 'x', 'ignored');
    expect(dumpTable(t, 3)).toBe('3:x,a,b');
  });

  it('insert of nil appends nothing, and an explicit nil value is inserted as a hole (table.go Append/Insert)', () => {
    const t = arr('a', 'b');
    insert(t, undefined);
    expect(dumpTable(t, 3)).toBe('2:a,b,nil');
    insert(t, 1, undefined);
    expect(dumpTable(t, 3)).toBe('3:nil,a,b');
  });

  it('insert outside [1, #t] is a plain raw set without shifting (table.go Insert)', () => {
    const t = arr('a', 'b');
    insert(t, 0, 'zero');
    insert(t, 5, 'five');
    expect(dumpTable(t, 5)).toBe('2:a,b,nil,nil,five');
    expect(rawget(t, 0)).toBe('zero');
  });

  it('insert: a non-number position is an argument error', () => {
    expect(errorOf(insert, arr(), 'x', 1)).toBe("bad argument #2 to 'insert' (number expected, got string)");
    // args.ts cannot tell an explicit nil from a missing argument; go-lua would say "got nil"
    expect(errorOf(insert, undefined, 1)).toMatch(/^bad argument #1 to 'insert' \(table expected, got (nil|no value)\)$/);
  });

  it('remove always returns one value, nil when nothing is removed (table.go Remove)', () => {
    const e = arr();
    expect(callAllResults(remove, e)).toEqual([undefined]);
    const t = arr(1, 2, 3);
    expect(callAllResults(remove, t, 7)).toEqual([undefined]);
    expect(dumpTable(t, 3)).toBe('3:1,2,3');
  });

  it('remove with pos <= 0 removes the last element (table.go Remove: i < 0)', () => {
    const t = arr(1, 2, 3);
    expect(remove(t, 0)).toBe(3);
    expect(remove(t, -5)).toBe(2);
    expect(dumpTable(t, 3)).toBe('1:1,nil,nil');
  });

  it('remove with an explicit nil position is an argument error (GetTop()==2 uses CheckInt)', () => {
    expect(errorOf(remove, arr(1), undefined)).toMatch(/^bad argument #2 to 'remove' \(number expected, got (nil|no value)\)$/);
  });

  it('insert keeps the array part contiguous: keys past the border join it once the gap closes', () => {
    // With holes the border is implementation-defined (go-lua pads its array with nils and would shift t[4]);
    // here t[4] lives in the hash part until the array part reaches it.
    const t = arr(1, 2);
    rawset(t, 4, 4);
    insert(t, 1, 0);
    expect(dumpTable(t, 5)).toBe('4:0,1,2,4,nil');
  });

  it('remove of the last element trims trailing holes so #t stays a border', () => {
    const t = arr(1, undefined, undefined, 4);
    expect(remove(t)).toBe(4);
    expect(dumpTable(t, 4)).toBe('1:1,nil,nil,nil');
  });

  it('concat clamps j to #t and i into [1, #t] (tablelib.go tableConcat; PUC raises on the nil)', () => {
    expect(concat(arr(1, 2), ',', 1, 5)).toBe('1,2');
    expect(concat(arr(1, 2, 3), ',', 0, 2)).toBe('1,2');
    expect(concat(arr(1, 2, 3), ',', 5, 6)).toBe('3');
  });

  it('concat with three arguments and i outside [1, #t] gives ""', () => {
    expect(concat(arr(1, 2, 3), ',', 4)).toBe('');
    expect(concat(arr(1, 2, 3), ',', 0)).toBe('');
  });

  it('concat of a non-string value: go-lua wording', () => {
    expect(errorOf(concat, arr(1, new LuaTable(), 3))).toBe('invalid value (table) at index 2 in table for concat');
    expect(errorOf(concat, arr(1, undefined, 3), ',', 1, 3)).toBe('invalid value (nil) at index 2 in table for concat');
    expect(errorOf(concat, arr(true))).toBe('invalid value (boolean) at index 1 in table for concat');
  });

  it('concat: the separator must be a string and i/j numbers (go-lua OptString/OptInt do not convert)', () => {
    expect(errorOf(concat, arr(1, 2), 0)).toBe("bad argument #2 to 'concat' (string expected, got number)");
    expect(errorOf(concat, arr(1, 2), ',', '1')).toBe("bad argument #3 to 'concat' (number expected, got string)");
  });

  it('concat formats numbers as go-lua tostring does', () => {
    expect(concat(arr(0.1, 1e15, 2 ** 53, 1 / 3), ' ')).toBe('0.1 1000000000000000 9007199254740992 0.3333333333333333');
  });

  it('maxn ignores non-integer keys (table.go MaxN only sees the array part)', () => {
    const t = new LuaTable();
    rawset(t, 2.5, 1);
    expect(maxn(t)).toBe(0);
  });

  it('unpack rejects string bounds (go-lua OptInt) and huge ranges', () => {
    expect(errorOf(unpack, arr(1), '1')).toBe("bad argument #2 to 'unpack' (number expected, got string)");
    expect(errorOf(unpack, arr(1), 1, 1e9)).toBe('too many results to unpack');
  });

  it('create needs both sizes and returns an empty table', () => {
    const create = fn(lib, 'create');
    const t = create(4, 4);
    expect(t).toBeInstanceOf(LuaTable);
    expect(dumpTable(t as LuaTable, 1)).toBe('0:nil');
    expect(errorOf(create, 4)).toBe("bad argument #2 to 'create' (number expected, got no value)");
  });

  it('freeze / isfrozen, and insert/remove/sort refuse frozen tables (tablelib.go messages)', () => {
    const t = arr(3, 1, 2);
    expect(fn(lib, 'isfrozen')(t)).toBe(false);
    expect(fn(lib, 'freeze')(t)).toBe(t);
    expect(R.n).toBe(1);
    expect(fn(lib, 'isfrozen')(t)).toBe(true);
    expect(errorOf(insert, t, 4)).toBe('attempt to insert into Immutable table');
    expect(errorOf(insert, t, 1, 4)).toBe('attempt to insert into Immutable table');
    expect(errorOf(remove, t)).toBe('attempt to remove from Immutable table');
    expect(errorOf(fn(lib, 'sort'), t)).toBe('attempt to sort Immutable table');
    expect(dumpTable(t, 3)).toBe('3:3,1,2');
  });

  it('has exactly go-lua\'s function list (tablelib.go tableFuncs)', () => {
    const names = Object.keys(lib).sort();
    expect(names).toEqual(['concat', 'create', 'freeze', 'getn', 'insert', 'isfrozen', 'maxn', 'remove', 'sort', 'unpack']);
  });

  it('returns results through the registers (one result for concat, none for insert)', () => {
    insert(arr(), 1);
    expect(R.n).toBe(0);
    concat(arr('a'));
    expect(R.n).toBe(1);
  });
});
