// Stores with computed keys are inlined by the compiler (emit/statements.ts): a store into a read-only library table
// must still fail with Wippy's "attempt to modify a read-only table" at the Lua line, however the key is computed.
import { describe, expect, it } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';

/** What `moonforge run ro.lua` prints on stdout and stderr (the chunk name is just `ro.lua`). */
async function run(src: string): Promise<string> {
  const r = await runScriptCli(src, { name: 'ro.lua', env: { MOONFORGE_CACHE: 'off' } });
  return r.stdout + r.stderr;
}

describe('stores into read-only library tables', () => {
  it('fail for constant, string, number and unknown keys, and leave the table unchanged', async () => {
    const out = await run([
      'local function try(f) local ok, e = pcall(f); print(ok, e) end',
      'try(function() coroutine.x = 1 end)',
      'local k = "y"',
      'try(function() coroutine[k] = 1 end)',
      'local n = 1',
      'try(function() coroutine[n] = 1 end)',
      'local keys = { "z", 1 }',
      'for i = 1, 2 do try(function() coroutine[keys[i]] = 1 end) end',
      'print(rawget(coroutine, "x"), rawget(coroutine, "y"), rawget(coroutine, 1), rawget(coroutine, "z"))',
    ].join('\n'));
    const lines = out.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'false\tro.lua:2: attempt to modify a read-only table',
      'false\tro.lua:4: attempt to modify a read-only table',
      'false\tro.lua:6: attempt to modify a read-only table',
      'false\tro.lua:8: attempt to modify a read-only table',
      'false\tro.lua:8: attempt to modify a read-only table',
    ]);
    expect(lines[5]).toBe('nil\tnil\tnil\tnil');
  });
});
