// Memory per LuaTable after the standard library is loaded (runtime/core/table.ts, slack tracking): allocation-heavy
// programs (binarytrees) pay for every byte in garbage-collection work. Measured in a child node with --expose-gc.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABI_VERSION } from '../../abi/version.js';
import { REPO_ROOT } from '../support/repo.js';

const PROBE = `
const { LuaTable, createGlobals, instantiateChunk } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/runtime.mjs')).href)});
// the class table constructors use, as a chunk's factory receives it
let LuaRecord;
instantiateChunk({ abi: ${ABI_VERSION}, chunkName: 'probe', functionNames: [], default: (rt) => { LuaRecord = rt.LuaRecord; return () => undefined; } });
createGlobals({ write() {} }); // the library tables, built first as in a real run
const N = 100000;
function perTable(make) {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const keep = new Array(N);
  for (let i = 0; i < N; i++) keep[i] = make(i);
  globalThis.gc();
  const bytes = (process.memoryUsage().heapUsed - before) / N - 8; // minus keep's slot
  return keep.length > 0 ? Math.round(bytes) : 0;
}
const shared = [];
// The smallest of three measurements: other work in the process (and a busy machine) only ever adds bytes.
const least = (make) => Math.min(perTable(make), perTable(make), perTable(make));
console.log(JSON.stringify({
  empty: least(() => new LuaTable(shared)),
  twoFields: least((i) => { const t = new LuaTable(shared); t.x = i; t.y = i; return t; }),
  record8: least((i) => { const t = new LuaRecord(); t.a = i; t.b = i; t.c = i; t.d = i; t.e = i; t.f = i; t.g = i; t.h = i; return t; }),
  table8: least((i) => { const t = new LuaTable(shared); t.a = i; t.b = i; t.c = i; t.d = i; t.e = i; t.f = i; t.g = i; t.h = i; return t; }),
}));
`;

describe('LuaTable memory', () => {
  it('a table is at most 64 bytes beyond its array part, two string fields included', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PROBE], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const sizes = JSON.parse(r.stdout) as { empty: number; twoFields: number; record8: number; table8: number };
    // 3 internal fields + 2 in-object slots = 64 bytes (without the fix: 112, 7 spare slots pinned by library tables)
    expect(sizes.empty).toBeLessThanOrEqual(68);
    expect(sizes.twoFields).toBeLessThanOrEqual(68);
    // a record from a constructor: 3 internal fields + 8 in-object keys, no property store beside it
    expect(sizes.record8).toBeLessThanOrEqual(116);
    expect(sizes.record8).toBeLessThan(sizes.table8);
  });
});
