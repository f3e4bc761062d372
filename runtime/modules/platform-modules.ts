// Every platform module, by the name `modules:` lists it under, as the function that loads its code: the modules'
// code (module-list.ts, ~240 KB) is a chunk of dist/ of its own, imported only once an entry of the app lists one
// (index.ts loadPlatformModules), so an app whose entries list none compiles none of it at start-up.
// A bundle's runtime (esbuild.config.mjs) has platform-modules.bundle.ts in its place: a bundle carries only the
// modules its app lists.
import type { PlatformModule } from './module-host.js';

const NAMES = ['json', 'yaml', 'base64', 'hash', 'crypto', 'uuid', 'logger', 'system', 'expr', 'text', 'registry', 'events', 'env', 'store', 'funcs'];

async function load(name: string): Promise<PlatformModule> {
  const { MODULE_LIST } = await import('./module-list.js');
  // test/build/bundle-modules.test.ts holds every name to a module of the list
  return MODULE_LIST.find((m) => m.name === name)!;
}

export const PLATFORM_MODULE_LOADERS: ReadonlyMap<string, () => Promise<PlatformModule>> = new Map(NAMES.map((n) => [n, () => load(n)] as const));
