// The code a worker host thread runs, found where moonforge runs from (as sdk/compile-pool/worker-script.ts finds
// its worker's). Built (dist/): dist/worker-host.mjs, an entry of esbuild.config.mjs. From the TypeScript sources
// (the tests): thread.ts bundled in memory (script-from-sources.ts), made once per process.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type WorkerScript = { file: string } | { code: string };

const FILE_NAME = 'worker-host.mjs';

let script: Promise<WorkerScript> | undefined;

export function workerHostScript(): Promise<WorkerScript> {
  script ??= findScript();
  return script;
}

async function findScript(): Promise<WorkerScript> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // by URL, not by name: a build must not follow it (it would carry esbuild into dist/ and every app bundle)
    const fromSources = new URL('./script-from-sources.ts', import.meta.url).href;
    const m = (await import(fromSources)) as typeof import('./script-from-sources.js');
    return { code: await m.bundleThreadSources() };
  }
  for (const dir of [dirname(here), dirname(dirname(here))]) {
    const file = join(dir, FILE_NAME);
    if (existsSync(file)) return { file };
  }
  throw new Error(`moonforge: ${FILE_NAME} is missing next to ${here}: worker hosts cannot start (rebuild dist/)`);
}
