// One compile of a cache miss, as the main thread and the pool's workers both run it: compile, then store the module
// in the cache folder. The same function on the same input, so a module compiled in a worker is the file the main
// thread would have written, and a failed compile brings back the same diagnostics (plain objects, which survive a
// worker's message as they are). A worker stores what it compiled itself: the serialising of the source map and the
// writes are then off the main thread, which has the modules to import.
import type { Diagnostic } from '../../diagnostics/index.js';
import type { compile } from '../../compiler/index.js';
import { storeIn, type CachedModule } from '../cache.js';

export interface CompileJob {
  /** the chunk's bytes (one char per byte) */
  source: string;
  /** the name diagnostics show (text) */
  file: string;
  /** the chunk name in runtime messages: the bytes of `file`'s UTF-8 */
  chunkName: string;
  processMode: boolean;
  /** the module's cache key and the cache folder it is stored in */
  key: string;
  dir: string;
}

export type CompileResult = { ok: true; module: CachedModule } | { ok: false; diagnostics: Diagnostic[] };

/** Compiles `job` and stores the module; `tag` names the thread's temporary files (cache.ts storeIn). */
export function runCompileJob(compileLua: typeof compile, job: CompileJob, tag?: string): CompileResult {
  const out = compileLua(job.source, { file: job.file, chunkName: job.chunkName, processMode: job.processMode, outName: `${job.key}.mjs` });
  if (!out.ok) return { ok: false, diagnostics: out.diagnostics };
  return { ok: true, module: storeIn(job.dir, job.key, out.code, out.map, tag) };
}
