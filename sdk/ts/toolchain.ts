// The TypeScript toolchain (typescript, typescript-to-lua), loaded at first use: a `moonforge run x.lua` never pays for
// it (test/cli/startup-graph.test.ts), and the compile cache answers a `.ts` run that changed nothing without it.
// Both are CommonJS packages outside the bundle, taken through require so that TSTL and this code share one
// `typescript` instance (a second copy makes TSTL's visitors see foreign nodes: TypeScriptToLua#1141).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TS = typeof import('typescript');
export type TSTL = typeof import('typescript-to-lua');

export interface Toolchain {
  ts: TS;
  tstl: TSTL;
}

let loaded: Toolchain | undefined;

export function loadToolchain(): Toolchain {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  loaded = { ts: require('typescript') as TS, tstl: require('typescript-to-lua') as TSTL };
  return loaded;
}

let root: string | undefined;

/**
 * The moonforge package's folder (where types/ is): found upwards from this module, which is
 * sdk/ts/ when run from the sources and dist/ or dist/chunks/ when bundled.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'moonforge') return (root = d);
    if (dirname(d) === d) throw new Error('moonforge: cannot find its own package folder');
  }
}

/**
 * The folder of a declaration package the build uses (lua-types, TSTL's language extensions), resolved as Node
 * resolves it from moonforge: in its own node_modules, or hoisted into the app's.
 */
export function declarationPackage(name: string): string {
  return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

/** The versions that decide what TSTL emits, read from the packages' manifests (no need to load the compilers). */
export function toolchainVersions(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string): string => {
    const manifest = require.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  };
  return ['typescript', 'typescript-to-lua', 'lua-types', '@typescript-to-lua/language-extensions'].map((n) => `${n}@${version(n)}`).join(' ');
}
