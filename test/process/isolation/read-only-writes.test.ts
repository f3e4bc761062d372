// Issue #10 (isolation): every write into a table shared between processes raises the library tables' error at
// the position of the Lua code that wrote, whatever the kind of write. Run as `moonforge run` runs a script (built
// dist/, the batch runner of test/runtime-errors).
import { beforeAll, describe, expect, it } from 'vitest';
import { runScriptBatch, type ChunkOutcome } from '../../support/script-batch.js';

const CASES: Record<string, [string, string]> = {
  // was "internal error: TypeError: Cannot delete property"
  'deleting a library field with rawset': ['rawset(string, "upper", nil)\n', 'main.lua:1: attempt to modify a read-only table'],
  // the store lands on the JS line that closes the function literal: it had no position
  'storing a function literal into a library table': ['string.x = function() end\n', 'main.lua:1: attempt to modify a read-only table'],
  'storing a function literal': ['math.floor = function() end\n', 'main.lua:1: attempt to modify a read-only table'],
  'storing a multi-line function literal': [
    'local m = math\nm.x = function()\n  return 1\nend\n',
    'main.lua:2: attempt to modify a read-only table',
  ],
  'storing one by index': ['local k = "x"\ntable[k] = function() end\n', 'main.lua:2: attempt to modify a read-only table'],
  // the string metatable of a process is read-only too (test/process/isolation/shared-tables walks it); a plain script's is
  // its own and writable, as under lua5.1 (test/perf/string-metatable)
  'rawset on a library table': ['rawset(os, "time", nil)\n', 'main.lua:1: attempt to modify a read-only table'],
  'setmetatable on a library table': ['setmetatable(math, {})\n', 'main.lua:1: attempt to modify a read-only table'],
  // was go-lua's "attempt to insert into Immutable table", unlike every other write into the same table
  'table.insert into a library table': ['table.insert(string, 1)\n', 'main.lua:1: attempt to modify a read-only table'],
  'table.insert into the string library through the string metatable': ['table.insert(getmetatable("").__index, 1)\n', 'main.lua:1: attempt to modify a read-only table'],
};

let results: Record<string, ChunkOutcome>;
beforeAll(async () => {
  results = await runScriptBatch(Object.fromEntries(Object.entries(CASES).map(([k, [src]]) => [k, src])));
});

describe('a write into a shared read-only table', () => {
  for (const [name, [, expected]] of Object.entries(CASES)) {
    it(name, () => {
      expect((results[name]!.error ?? '').split('\n')[0]).toBe(expected);
    });
  }
  it('still lets a table made by Lua with table.freeze say what go-lua says', async () => {
    const r = await runScriptBatch({ x: 'table.insert(table.freeze({}), 1)\n' });
    expect((r.x!.error ?? '').split('\n')[0]).toBe('main.lua:1: attempt to insert into Immutable table');
  });
});
