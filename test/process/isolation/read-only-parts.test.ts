// readOnly (runtime/core/read-only.ts) on a table that has its own array part and hash part: freezing the table
// object alone would leave both writable (an array and a Map are objects of their own). No runtime table has them
// today; this pins the mechanism for the first one that will.
import { describe, expect, it } from 'vitest';
import { readOnly } from '../../../runtime/core/read-only.js';
import { rawget, rawset, tableFromArray } from '../../../runtime/core/table.js';
import { toLuaError } from '../../../runtime/core/errors.js';

function writeError(f: () => void): string {
  try {
    f();
  } catch (e) {
    return String(toLuaError(e).value);
  }
  return 'no error';
}

describe('readOnly', () => {
  it('refuses writes into the array part and the hash part, and changes nothing', () => {
    const key = tableFromArray([]);
    const t = tableFromArray([1, 2]);
    rawset(t, true, 'b');
    rawset(t, key, 'k');
    rawset(t, 'name', 's');
    readOnly(t);
    const writes: [string, () => void][] = [
      ['array element', () => rawset(t, 1, 9)],
      ['array append', () => rawset(t, 3, 9)],
      ['array remove last', () => rawset(t, 2, undefined)],
      ['hash set', () => rawset(t, true, 'x')],
      ['hash add', () => rawset(t, false, 'x')],
      ['hash delete', () => rawset(t, key, undefined)],
      ['string key', () => rawset(t, 'name', 'x')],
      ['string delete', () => rawset(t, 'name', undefined)],
    ];
    for (const [what, w] of writes) expect(writeError(w), what).toMatch(/attempt to modify a read-only table$/);
    expect([rawget(t, 1), rawget(t, 2), rawget(t, 3), rawget(t, true), rawget(t, false), rawget(t, key), rawget(t, 'name')]).toEqual([
      1, 2, undefined, 'b', undefined, 'k', 's',
    ]);
  });
});
