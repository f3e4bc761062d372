// `t.k = nil` keeps a small table's key (holding undefined) so V8 does not turn the object into a dictionary
// (runtime/core/table.ts clearStringKey), while a table used as a map does not keep its cleared keys for ever.
// The Lua-visible side (reads, pairs, next, __index, __newindex after clearing) is test/lua/tables/cleared_fields.lua.
import { describe, expect, it } from 'vitest';
import { LuaTable, ownStringKeys, rawset, hashSize, firstKey } from '../../runtime/core/table.js';

describe('cleared string keys', () => {
  it('a small table keeps the key, holding undefined, and no reader sees it', () => {
    const t = new LuaTable();
    rawset(t, 'link', 1);
    rawset(t, 'id', 2);
    rawset(t, 'link', undefined);
    expect(Object.keys(t)).toEqual(['link', 'id']);
    expect(ownStringKeys(t)).toEqual(['id']);
    expect(hashSize(t)).toBe(1);
    expect(firstKey(t)).toBe('id');
    rawset(t, 'id', undefined);
    expect(firstKey(t)).toBeUndefined();
  });

  it('a field cleared and set again many times stays one key', () => {
    const t = new LuaTable();
    rawset(t, 'a', 0);
    for (let i = 1; i <= 1000; i++) rawset(t, 'queue', i % 2 === 0 ? i : undefined);
    expect(Object.keys(t)).toEqual(['a', 'queue']);
  });

  it('a table used as a map drops its cleared keys', () => {
    const t = new LuaTable();
    for (let i = 0; i < 1000; i++) {
      rawset(t, `k${i}`, i);
      if (i >= 10) rawset(t, `k${i - 10}`, undefined);
    }
    expect(ownStringKeys(t)).toHaveLength(10);
    expect(Object.keys(t).length).toBeLessThan(100);
  });
});
