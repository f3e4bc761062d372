// Only when moonforge runs from its TypeScript sources (the tests, under vitest): Node 20 cannot run a .ts file in a
// worker, so thread.ts is bundled by esbuild in memory (CommonJS, its packages inside) and run as eval'd code.
// script.ts loads this module by URL, so no build of dist/ (and no app bundle) carries it or esbuild.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function bundleThreadSources(): Promise<string> {
  const entry = join(fileURLToPath(new URL('.', import.meta.url)), 'thread.ts');
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    // the compiler is never loaded in a worker (it runs the main thread's chunks), and these are large
    external: ['typescript', 'typescript-to-lua', 'ts-morph', 'esbuild', 'postject', 'luaparse'],
    // the sources' import.meta.url (createRequire, the compile cache's folder) as the main thread has it
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
  });
  return out.outputFiles[0]!.text;
}
