// The code a worker host thread runs, found where moonforge runs from (as sdk/compile-pool/worker-script.ts finds
// its worker's). Built (dist/): dist/worker-host.mjs, an entry of esbuild.config.mjs. From the TypeScript sources
// (the tests, under vitest): Node 20 cannot run a .ts file in a worker, so thread.ts is bundled by esbuild in memory
// (CommonJS, its packages inside) and run as eval'd code, made once per process.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type WorkerScript = { file: string } | { code: string };

const FILE_NAME = 'worker-host.mjs';

let script: Promise<WorkerScript> | undefined;

export function workerHostScript(): Promise<WorkerScript> {
  script ??= findScript();
  return script;
}

async function findScript(): Promise<WorkerScript> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { code: await bundleSources(join(dirname(here), 'thread.ts')) };
  for (const dir of [dirname(here), dirname(dirname(here))]) {
    const file = join(dir, FILE_NAME);
    if (existsSync(file)) return { file };
  }
  throw new Error(`moonforge: ${FILE_NAME} is missing next to ${here}: worker hosts cannot start (rebuild dist/)`);
}

async function bundleSources(entry: string): Promise<string> {
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
