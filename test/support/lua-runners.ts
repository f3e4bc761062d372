// The two sides of the differential tests: the reference `lua5.1 file.lua` and `node bin/moonforge.mjs run file.lua`,
// both run from the repository root with the same relative path so chunk names in messages match.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLimiter, runProcess, type RunResult } from './process-runner.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RUN_TIMEOUT_MS = 10_000;

/** At most two interpreters at a time: the machine has two cores. */
const limit = createLimiter(2);

/** lua5.1's results keyed by file content hash, in memory only (a file is compared against its current content). */
const expectedCache = new Map<string, Promise<RunResult>>();

/** Runs the reference interpreter on a repo-relative path. */
export function runLua51(relPath: string): Promise<RunResult> {
  const hash = createHash('sha256').update(readFileSync(join(REPO_ROOT, relPath))).digest('hex');
  let p = expectedCache.get(hash);
  if (p === undefined) {
    p = limit(() => runProcess('lua5.1', [relPath], { cwd: REPO_ROOT, timeoutMs: RUN_TIMEOUT_MS }));
    expectedCache.set(hash, p);
  }
  return p;
}

/**
 * Runs moonforge's CLI on a repo-relative path. MOONFORGE_DIFF_SELFCHECK=1 runs lua5.1 instead (uncached), which
 * must make every differential case pass: it checks the harness and the corpus, not the compiler.
 */
export function runMoonforge(relPath: string): Promise<RunResult> {
  if (process.env.MOONFORGE_DIFF_SELFCHECK === '1') {
    return limit(() => runProcess('lua5.1', [relPath], { cwd: REPO_ROOT, timeoutMs: RUN_TIMEOUT_MS }));
  }
  return limit(() =>
    runProcess(process.execPath, ['bin/moonforge.mjs', 'run', relPath], { cwd: REPO_ROOT, timeoutMs: RUN_TIMEOUT_MS }),
  );
}
