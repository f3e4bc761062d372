// The one-way arrows between the parts (docs/architecture.md): the SDK reaches the runtime and the compiler only
// through their public entry points, the runtime reaches neither the SDK nor the compiler, the compiler reaches the
// runtime only through the contract (abi/), which imports nothing, and both report through diagnostics/, which
// imports nothing either. Read from the sources'
// import specifiers (static, type-only, re-exports and import() calls alike), so a new internal import fails here
// before it becomes a seam someone depends on.
import { describe, expect, it } from 'vitest';
import { importsOf, sources, specifiersOf } from '../support/import-graph.js';

/** What the SDK may import of the runtime and of the compiler. */
const RUNTIME_ENTRIES = ['runtime/index.ts', 'runtime/process/index.ts', 'runtime/modules/index.ts'];
const COMPILER_ENTRIES = ['compiler/index.ts'];

/** Every import from a file under `from` into a folder of `into` that `allowed` does not list, as "file -> target". */
function crossings(from: string, into: string[], allowed: string[] = []): string[] {
  return sources(from).flatMap((file) =>
    importsOf(file)
      .filter((target) => into.some((dir) => target.startsWith(`${dir}/`)) && !allowed.includes(target))
      .map((target) => `${file} -> ${target}`),
  );
}

describe('layering', () => {
  it('the import scan sees the SDK reach the runtime and the compiler', () => {
    const targets = sources('sdk').flatMap(importsOf);
    expect(targets).toContain('runtime/index.ts');
    expect(targets).toContain('runtime/process/index.ts');
    expect(targets).toContain('compiler/index.ts');
  });

  it('the SDK imports only the public entries of the runtime and the compiler', () => {
    expect(crossings('sdk', ['runtime'], RUNTIME_ENTRIES)).toEqual([]);
    expect(crossings('sdk', ['compiler'], COMPILER_ENTRIES)).toEqual([]);
  });

  it('the runtime imports nothing from the SDK or the compiler', () => {
    expect(crossings('runtime', ['sdk', 'compiler'])).toEqual([]);
  });

  it('inside the runtime, core/ imports nothing of the rest and lib/ nothing of process/ or app/', () => {
    expect(sources('runtime/lib').flatMap(importsOf)).toContain('runtime/core/table.ts');
    const aboveCore = ['runtime/lib', 'runtime/process', 'runtime/app', 'runtime/types', 'runtime/security'];
    expect(crossings('runtime/core', aboveCore)).toEqual([]);
    expect(crossings('runtime/lib', ['runtime/process', 'runtime/app'])).toEqual([]);
  });

  it('the platform modules (runtime/modules/) sit on top: nothing else in the runtime imports them', () => {
    const below = ['runtime/core', 'runtime/lib', 'runtime/process', 'runtime/app', 'runtime/types', 'runtime/security'];
    expect(below.flatMap((dir) => crossings(dir, ['runtime/modules']))).toEqual([]);
  });

  it('the contract between compiler and runtime (abi/) imports nothing outside itself, not even a package', () => {
    const specifiers = sources('abi').flatMap((file) =>
      specifiersOf(file).map((spec) => `${file} -> ${spec}`),
    );
    expect(specifiers).toContain('abi/index.ts -> ./version.js');
    expect(specifiers.filter((s) => !s.includes(' -> ./'))).toEqual([]);
  });

  it('the diagnostics system (diagnostics/) imports nothing outside itself; the compiler and the runtime both use it', () => {
    const specifiers = sources('diagnostics').flatMap((file) =>
      specifiersOf(file).map((spec) => `${file} -> ${spec}`),
    );
    expect(specifiers).toContain('diagnostics/index.ts -> ./render.js');
    expect(specifiers.filter((s) => !s.includes(' -> ./'))).toEqual([]);
    expect(sources('compiler').flatMap(importsOf)).toContain('diagnostics/index.ts');
    expect(sources('runtime').flatMap(importsOf)).toContain('diagnostics/index.ts');
  });

  it('the compiler reaches the runtime side only through the contract: nothing of the runtime or the SDK', () => {
    expect(sources('compiler').flatMap(importsOf)).toContain('abi/index.ts');
    expect(crossings('compiler', ['runtime', 'sdk'])).toEqual([]);
  });
});
