// The node-wide memory guard against V8's real limit (runtime/process/memory-guard.ts): under a small heap
// (--max-old-space-size) and the default limits, a process growing a table without bound, or a spawn bomb, used to
// end the node with "FATAL ERROR: Reached heap limit"; now the guard stops the process at fault before V8 gives up,
// its monitor gets EXIT, and the node exits normally. Runs the built CLI (dist/) on the adversarial cases' sources
// without their .wippy.yaml, so only the defaults apply.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMoonforgeCli } from '../../support/moonforge-cli.js';
import { REPO_ROOT } from '../../support/repo.js';

/** A copy of an adversarial case's app (its src only: no .wippy.yaml, so the default limits). */
function appFrom(kase: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mf-heap-guard-'));
  cpSync(join(REPO_ROOT, 'test', 'adversarial', 'memory', kase, 'src'), join(dir, 'src'), { recursive: true });
  return dir;
}

function runSmallHeap(app: string, heapMb: number) {
  return runMoonforgeCli(['run', app, '-x', 'app:main'], { nodeArgs: [`--max-old-space-size=${heapMb}`], timeoutMs: 30_000 });
}

describe('node-wide memory guard under a small V8 heap', () => {
  it('a table growing without bound is stopped with "not enough memory" before V8 runs out', async () => {
    const r = await runSmallHeap(appFrom('table-growth'), 96);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit from hog\ttrue\nLimitExceeded\tnot enough memory\necho still runs\n');
    expect(r.status).toBe(0);
  }, 40_000);

  it('a flood of messages kept by their receiver (no busy loop) is stopped before V8 runs out', async () => {
    // V8 gave up with "ineffective mark-compacts" near 105 MB of a 128 MB heap, under a mark at 85%: the default
    // mark is 75%, and near it every slice is measured
    const r = await runSmallHeap(appFrom('flood-kept'), 128);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('stopped\ttrue\tnot enough memory\n');
    expect(r.status).toBe(0);
  }, 40_000);

  it('a short loop keeping a 100 MB string per pass is stopped before V8 runs out', async () => {
    const r = await runSmallHeap(appFrom('big-strings'), 256);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit from hog\ttrue\nLimitExceeded\tnot enough memory\necho still runs\n');
    expect(r.status).toBe(0);
  }, 40_000);

  it('a spawn bomb with no process limit is stopped by refused spawns before V8 runs out', async () => {
    const r = await runSmallHeap(appFrom('spawn-bomb'), 64);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^exit from bomb\ttrue\n(linked process failed|not enough memory to spawn a process)\nspawn works\n$/);
    expect(r.status).toBe(0);
  }, 40_000);
});
