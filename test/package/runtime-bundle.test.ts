// A precompiled bundle runs on dist/runtime.mjs and never pulls the compiler in: read from esbuild's metafile of the
// build (dist/meta.json, written by esbuild.config.mjs), which names the sources in every output file and the imports
// between outputs. Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

const meta = JSON.parse(readFileSync(`${ROOT}dist/meta.json`, 'utf8')) as Metafile;

/** The sources and external packages an output reaches: through static imports only, or through import() too. */
function reach(entry: string, dynamic: boolean): { inputs: string[]; external: string[] } {
  const inputs = new Set<string>();
  const external = new Set<string>();
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const out = meta.outputs[file];
    if (out === undefined) throw new Error(`${file} is not in dist/meta.json (run npm run build)`);
    for (const input of Object.keys(out.inputs)) inputs.add(input);
    for (const im of out.imports) {
      if (im.kind !== 'import-statement' && !(dynamic && im.kind === 'dynamic-import')) continue;
      if (im.external === true) external.add(im.path);
      else todo.push(im.path);
    }
  }
  return { inputs: [...inputs].sort(), external: [...external].sort() };
}

/** What of the compiler a set of sources and packages holds. */
function compilerParts(r: { inputs: string[]; external: string[] }): string[] {
  return [
    ...r.inputs.filter((i) => i.startsWith('compiler/') || /node_modules\/(luaparse|typescript)\//.test(i)),
    ...r.external.filter((e) => e === 'luaparse' || e === 'typescript' || e.startsWith('typescript/')),
  ];
}

describe('the runtime bundle', () => {
  it('the scan sees the compiler where it is: dist/compiler.mjs holds it and loads luaparse', () => {
    const r = reach('dist/compiler.mjs', true);
    expect(r.inputs).toContain('compiler/index.ts');
    expect(r.external).toContain('luaparse');
  });

  it('dist/runtime.mjs is built from the contract and reaches no compiler code, not even through import()', () => {
    const r = reach('dist/runtime.mjs', true);
    expect(r.inputs).toContain('runtime/index.ts');
    expect(r.inputs).toContain('abi/version.ts');
    expect(compilerParts(r)).toEqual([]);
  });

  it('dist/moonforge.mjs (the embedding API) loads the compiler only on demand, through import()', () => {
    expect(compilerParts(reach('dist/moonforge.mjs', false))).toEqual([]);
  });
});
