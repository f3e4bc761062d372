// Parallel compilation (sdk/compile-pool/): the cache misses of a batch compiled on worker threads come back exactly as
// compiled in the main thread: the same module text and source map, the same diagnostics, a compiler exception as
// the same error, every answer in the order asked. The pool is forced with MOONFORGE_COMPILE_WORKERS (a batch this
// small would be compiled in-thread otherwise); under vitest the workers run the TypeScript sources, bundled in
// memory (sdk/compile-pool/worker-script.ts). A pool whose worker fails gives its jobs back (the dispatcher then
// compiles them in its own thread). The CLI, whose workers run dist/compile-worker.mjs, is in app-pool.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMiss, compilePoolStats, type CompileJob, type CompileResult } from '../../sdk/compile-pool/index.js';
import { CompilePool, type PoolTask } from '../../sdk/compile-pool/pool.js';

vi.setConfig({ testTimeout: 60_000 });

const saved = process.env.MOONFORGE_COMPILE_WORKERS;
afterEach(() => {
  if (saved === undefined) delete process.env.MOONFORGE_COMPILE_WORKERS;
  else process.env.MOONFORGE_COMPILE_WORKERS = saved;
});

/**
 * Entries of every outcome (plain and process-mode chunks, a syntax error, typed-Lua errors, a compiler exception),
 * stored into a fresh cache folder.
 */
function jobs(): CompileJob[] {
  const dir = mkdtempSync(join(tmpdir(), 'mf-pool-cache-'));
  const list: CompileJob[] = [];
  const add = (file: string, source: string, processMode = true): void => {
    list.push({ source, file, chunkName: file, processMode, key: `k${list.length}`, dir });
  };
  // the failures first: the workers (4 jobs each sent ahead) certainly get those
  add('src/broken.lua', 'local function main()\n  local x = = 1\nend\nreturn { main = main }\n');
  add('src/typed.lua', 'local function main(): number\n  local x: {a: = 1\n  return x\nend\nreturn { main = main }\n');
  add('src/goto.lua', 'goto nowhere\n');
  // not a string: the compiler throws, which the caller sees as a rejection in either thread
  list.push({ source: undefined as unknown as string, file: 'src/none.lua', chunkName: 'src/none.lua', processMode: true, key: 'none', dir });
  add('src/caf\xc3\xa9.lua', 'return { main = function() return "\xc3\xa9" end }\n');
  for (let i = 0; i < 8; i++) {
    add(
      `src/worker${i}.lua`,
      `local function main(n)\n  local t = {}\n  for k = 1, n or ${i + 3} do t[#t + 1] = k * ${i} end\n  return table.concat(t, ",")\nend\nreturn { main = main }\n`,
      i % 2 === 0,
    );
  }
  return list;
}

/** An answer as the test compares it: a stored module as the text of its two files. */
type Answer = { result: CompileResult | { ok: true; js: string; map: string } } | { error: string };

function read(result: CompileResult): Answer {
  if (!result.ok) return { result };
  return { result: { ok: true, js: readFileSync(result.module.jsPath, 'latin1'), map: readFileSync(result.module.mapPath, 'latin1') } };
}

/** Asks for every job at once (one batch); the answers, and the order in which they came. */
async function compileAll(list: CompileJob[]): Promise<{ answers: Answer[]; order: number[] }> {
  const order: number[] = [];
  const answers = await Promise.all(
    list.map((job, i) =>
      compileMiss(job).then(
        (result): Answer => (order.push(i), read(result)),
        (e: Error): Answer => (order.push(i), { error: e.message }),
      ),
    ),
  );
  return { answers, order };
}

describe('compile pool', () => {
  it('compiles a batch on workers into the modules, maps, diagnostics and errors of the main thread, answered in order', async () => {
    process.env.MOONFORGE_COMPILE_WORKERS = '0';
    const here = await compileAll(jobs());
    expect(compilePoolStats().workerJobs).toBe(0);

    process.env.MOONFORGE_COMPILE_WORKERS = '2';
    const pooled = await compileAll(jobs());
    expect(compilePoolStats().workers).toBe(2);
    // the workers took part (the main thread compiles too, so not necessarily all of them)
    expect(compilePoolStats().workerJobs).toBeGreaterThan(0);

    expect(pooled.answers).toEqual(here.answers);
    expect(here.order).toEqual(here.answers.map((_, i) => i));
    expect(pooled.order).toEqual(here.order);
    // the batch has something of each kind, so the comparison above covers them all
    const kinds = here.answers.map((a) => ('error' in a ? 'thrown' : a.result.ok ? 'ok' : a.result.diagnostics[0]!.code.slice(0, 4)));
    expect(new Set(kinds)).toEqual(new Set(['ok', 'LUA1', 'LUA2', 'thrown']));
  });

  it('a pool whose worker fails hands back every job it held, unanswered, and ends', async () => {
    const settled: unknown[] = [];
    const tasks: PoolTask[] = jobs().slice(0, 3).map((job) => ({ job, settle: (o) => settled.push(o) }));
    const { lost, ended } = await new Promise<{ lost: PoolTask[]; ended: boolean }>((resolve) => {
      let ended = false;
      const pool = new CompilePool<PoolTask>(
        { code: 'throw new Error("this worker cannot start")' },
        1,
        (lost) => resolve({ lost, ended }),
        () => (ended = true),
      );
      for (const t of tasks) pool.send(t);
    });
    expect(ended).toBe(true);
    expect(new Set(lost)).toEqual(new Set(tasks));
    expect(settled).toEqual([]);
  });
});
