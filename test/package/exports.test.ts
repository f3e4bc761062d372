// The package's exports as a user's project sees them: `import ... from 'moonforge'` (the embedding API, built to
// dist/moonforge.mjs) and 'moonforge/compiler', resolved through package.json "exports" (Node's self-reference by
// package name), in a separate node process against the built dist/.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runHostModule } from '../support/host-module.js';

const ROOT = new URL('../../', import.meta.url).pathname;


describe('package exports', () => {
  it("'moonforge' gives the embedding API: register a process, run it, read its return value", () => {
    const out = runHostModule(`
      import { createRuntime } from 'moonforge';
      const rt = createRuntime({ write: (s) => process.stdout.write('lua> ' + s) });
      rt.addHost('app:processes');
      await rt.register('app:sum', { source: 'local function main(a, b)\\n  print("adding", a, b)\\n  return a + b\\nend\\nreturn { main = main }' });
      const exit = await rt.run('app:sum', 'app:processes', 20, 22);
      console.log(JSON.stringify({ value: exit.value, error: exit.error ?? null }));
      await rt.shutdown(100);
    `);
    expect(out).toBe('lua> adding\t20\t22\n{"value":42,"error":null}\n');
  });

  it("'moonforge/compiler' compiles Lua to an ES module with a source map", () => {
    const out = runHostModule(`
      import { compile } from 'moonforge/compiler';
      const r = compile('local x = 1\\nreturn x + 1', { file: 'two.lua' });
      console.log(r.ok, r.code.includes('export default'), typeof r.map, r.map.mappings.length > 0);
    `);
    expect(out.trim()).toBe('true true object true');
  });

  it('type declarations exist where package.json "exports" points (built by npm ci and npm pack)', () => {
    // `npm ci` runs the "dependencies" script and `npm pack` prepack (esbuild, then tsc -p tsconfig.types.json);
    // npm test only rebuilds the JS.
    for (const p of ['dist/types/sdk/index.d.ts', 'dist/types/compiler/index.d.ts']) expect(existsSync(ROOT + p)).toBe(true);
  });
});
