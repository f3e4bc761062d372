// A table used as a set or a map of data becomes a V8 dictionary as soon as its variable-key stores leave the key
// sequences met before, while records built the same way each time keep fast properties (runtime/core/table.ts
// addKey). The Lua-visible side (reads, writes, pairs, read-only tables) is test/lua/tables/variable_key_stores.lua.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { LuaTable, addKey, ownStringKeys } from '../../runtime/core/table.js';

setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8's intrinsic is only reachable through source text
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

function record(i: number): LuaTable {
  const t = new LuaTable();
  for (const k of ['id', 'name', 'price', 'qty', 'active', 'tags', 'owner']) addKey(t, k, i);
  return t;
}

describe('tables filled through variable keys', () => {
  it('records of one shape keep fast properties after the first', () => {
    record(0);
    for (let i = 1; i < 50; i++) {
      const t = record(i);
      expect(hasFastProperties(t)).toBe(true);
      expect(ownStringKeys(t)).toEqual(['id', 'name', 'price', 'qty', 'active', 'tags', 'owner']);
    }
  });

  it('sets of data in orders of their own become dictionaries', () => {
    let seed = 7;
    const names: string[] = [];
    for (let i = 0; i < 300; i++) names.push(`user ${i}`);
    let dictionaries = 0;
    for (let n = 0; n < 200; n++) {
      const t = new LuaTable();
      for (let j = 0; j < 20; j++) {
        seed = (seed * 16807) % 2147483647;
        const k = names[seed % names.length]!;
        if (t[k] === undefined) addKey(t, k, true);
      }
      if (!hasFastProperties(t)) dictionaries++;
    }
    expect(dictionaries).toBeGreaterThan(190);
  });

  it('a read-only table refuses the key before anything changes', () => {
    const t = new LuaTable();
    t.x = 1;
    Object.freeze(t);
    expect(() => addKey(t, 'fresh key', 2)).toThrow(TypeError);
    expect(ownStringKeys(t)).toEqual(['x']);
  });
});
