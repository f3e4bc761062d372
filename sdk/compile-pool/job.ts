// One compile of a cache miss, as the main thread and the pool's workers both run it: the same function on the same
// input, so a module compiled in a worker is the module the main thread would have written, and a failed compile
// brings back the same diagnostics (plain objects, which survive a worker's message as they are).
import type { Diagnostic } from '../../diagnostics/index.js';
import type { compile } from '../../compiler/index.js';

export interface CompileJob {
  /** the chunk's bytes (one char per byte) */
  source: string;
  /** the name diagnostics show (text) */
  file: string;
  /** the chunk name in runtime messages: the bytes of `file`'s UTF-8 */
  chunkName: string;
  processMode: boolean;
  /** the module's file name in the cache, for the source map's `file` */
  outName: string;
}

export type CompileResult = { ok: true; code: string; map: string | undefined } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Compiles `job`. The map is JSON already: a worker then sends one string instead of a tree of objects, and its
 * serialising is done off the main thread.
 */
export function runCompileJob(compileLua: typeof compile, job: CompileJob): CompileResult {
  const out = compileLua(job.source, { file: job.file, chunkName: job.chunkName, processMode: job.processMode, outName: job.outName });
  if (!out.ok) return { ok: false, diagnostics: out.diagnostics };
  return { ok: true, code: out.code, map: out.map === undefined ? undefined : JSON.stringify(out.map) };
}
