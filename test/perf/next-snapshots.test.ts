// `next` over the non-array keys walks a snapshot of them kept beside the table (runtime/core/table.ts), not on it:
// a traversal leaves the table's hidden class as it was, and traversals interleaved beyond the few slots (pushed
// into a WeakMap) still visit every key once, with keys cleared on the way (deleted from tables past 32 keys).
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { LuaError } from '../../runtime/core/errors.js';
import { LuaTable, rawset, tableNext } from '../../runtime/core/table.js';

setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8's intrinsic is only reachable through source text
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

function table(n: number, tag: number): LuaTable {
  const t = new LuaTable();
  for (let j = 1; j <= n; j++) rawset(t, `k${j}`, j * tag);
  rawset(t, 1, 'one');
  rawset(t, 2.5, 'half');
  rawset(t, true, 'yes');
  return t;
}

describe('next over the non-array keys', () => {
  it('leaves the hidden class of the table as it was', () => {
    const a = new LuaTable();
    const b = new LuaTable();
    for (const t of [a, b]) {
      t.id = 1;
      t.name = 'x';
      t.qty = 3;
    }
    const out: unknown[] = [];
    let k: unknown = undefined;
    const seen: unknown[] = [];
    do {
      k = tableNext(a, k, out);
      if (k !== undefined) seen.push(k);
    } while (k !== undefined);
    expect(seen).toEqual(['id', 'name', 'qty']);
    expect(haveSameMap(a, b)).toBe(true);
  });

  it('visits every key once in traversals interleaved past the slots, clearing keys on the way', () => {
    for (const size of [5, 40]) {
      const tables = Array.from({ length: 20 }, (_, i) => table(size, i + 1));
      const cursors: unknown[] = new Array(20).fill(undefined);
      const finished: boolean[] = new Array(20).fill(false);
      const visited = tables.map(() => new Set<unknown>());
      const out: unknown[] = [];
      for (let left = 20; left > 0; ) {
        for (let i = 0; i < 20; i++) {
          if (finished[i]) continue;
          const k = tableNext(tables[i]!, cursors[i], out);
          if (k === undefined) {
            finished[i] = true;
            left--;
            continue;
          }
          expect(visited[i]!.has(k)).toBe(false);
          visited[i]!.add(k);
          if (typeof k === 'string') rawset(tables[i]!, k, undefined);
          cursors[i] = k;
        }
      }
      for (let i = 0; i < 20; i++) {
        expect(visited[i]!.size).toBe(size + 3);
        // only the keys that were not cleared are left
        const rest: unknown[] = [];
        for (let k = tableNext(tables[i]!, undefined, out); k !== undefined; k = tableNext(tables[i]!, k, out)) rest.push(k);
        expect(rest).toEqual([1, 2.5, true]);
      }
    }
  });

  it('raises for a key that is not in the table, and answers nil after the last key again', () => {
    const t = table(3, 1);
    const out: unknown[] = [];
    let raised: unknown;
    try {
      tableNext(t, 'nope', out);
    } catch (e) {
      raised = e;
    }
    expect(raised).toBeInstanceOf(LuaError);
    expect((raised as LuaError).value).toBe("invalid key to 'next'");
    let last: unknown = undefined;
    for (let k = tableNext(t, undefined, out); k !== undefined; k = tableNext(t, k, out)) last = k;
    expect(last).toBe(true);
    expect(tableNext(t, last, out)).toBeUndefined();
  });
});
