// The code a compile worker runs, found where moonforge runs from. Built (dist/): dist/compile-worker.mjs, an entry of
// esbuild.config.mjs sharing the compiler's chunk; this module is then in dist/ or dist/chunks/. From the TypeScript
// sources (the tests, under vitest): Node 20 cannot run a .ts file in a worker, so worker.ts is bundled by esbuild in
// memory with the compiler and its packages (nothing left to resolve) and run as eval'd code, once per process: the
// workers then compile with the very sources the main thread does, never with a dist/ that may be older.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type WorkerScript = { file: string } | { code: string };

const FILE_NAME = 'compile-worker.mjs';

let script: Promise<WorkerScript | undefined> | undefined;

/** The worker's script, or undefined when there is none (a build without it): the pool is then not used. */
export function compileWorkerScript(): Promise<WorkerScript | undefined> {
  script ??= findScript();
  return script;
}

async function findScript(): Promise<WorkerScript | undefined> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return { code: await bundleSources(join(dirname(here), 'worker.ts')) };
  for (const dir of [dirname(here), dirname(dirname(here))]) {
    const file = join(dir, FILE_NAME);
    if (existsSync(file)) return { file };
  }
  return undefined;
}

async function bundleSources(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}
