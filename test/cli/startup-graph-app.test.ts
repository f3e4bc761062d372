// What `moonforge run APPDIR` loads before the app starts: the static import closure of the dist/ chunk that holds
// sdk/run-app.ts, read from esbuild's metafile (dist/meta.json). A package loaded from node_modules there is paid by
// every app run: rxjs's index is ~400 CommonJS files (~50 ms), even its Subscription module alone ~8 ms (its CommonJS
// build, read file by file and lexed for its exports: esbuild.config.mjs bundles its ES module build instead), yaml's
// CommonJS build ~40 (~35 ms), ajv and uuid are loaded at their first use (runtime/lib/optional-require.ts). Needs
// `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.js';

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

/** The outputs and external imports reached from `start` through static imports. */
function staticClosure(meta: Meta, start: string): { outputs: string[]; external: string[] } {
  const outputs = new Set<string>();
  const external = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const out = todo.pop()!;
    if (outputs.has(out)) continue;
    outputs.add(out);
    for (const im of meta.outputs[out]!.imports) {
      if (im.kind !== 'import-statement') continue;
      if (im.external === true) external.add(im.path);
      else todo.push(im.path);
    }
  }
  return { outputs: [...outputs], external: [...external].sort() };
}

describe('start-up module graph of moonforge run APPDIR', () => {
  const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'dist/meta.json'), 'utf8')) as Meta;
  const runApp = Object.keys(meta.outputs).find((o) => !o.endsWith('.map') && 'sdk/run-app.ts' in meta.outputs[o]!.inputs);
  const { outputs, external } = staticClosure(meta, runApp!);

  it('loads no npm package from node_modules', () => {
    expect(external.filter((s) => !s.startsWith('node:'))).toEqual([]);
  });

  it("holds no platform module's code: loaded once an entry lists one (runtime/modules/platform-modules.ts)", () => {
    const inputs = outputs.flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    expect(inputs).toContain('runtime/modules/platform-modules.ts');
    // each module's own file, and the large ones whole (a few helpers, as the token stores' env and store lookups, stay)
    expect(inputs.filter((i) => /^runtime\/modules\/(module-list\.ts|[a-z0-9-]+\/module\.ts|(text|expr|crypto|system)\/)/.test(i))).toEqual([]);
  });

  it('holds neither the compiler nor TypeScript', () => {
    const inputs = outputs.flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
    expect(inputs.filter((i) => i.startsWith('compiler/') || i.startsWith('sdk/ts/') || i.includes('node_modules/typescript'))).toEqual([]);
  });
});
