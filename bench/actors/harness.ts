// The moonforge side of the actor benchmarks: compiles Lua process entries in process mode and runs a root process on
// the real-time NodeTimeScheduler, resolving with its result and the wall time from spawn to exit.
import { compile } from '../../compiler/index.js';
import type { CompiledChunkModule } from '../../runtime/abi.js';
import { createProcessRuntime, type ProcessEntry, type ProcessRuntime } from '../../runtime/process/process-runtime.js';
import { NodeTimeScheduler } from '../../runtime/process/scheduler.js';

export const HOST = 'app:processes';

/** Compiles `sources` (id → Lua chunk returning {main = ...}) and loads them as ES modules through data: URLs. */
export async function loadEntries(sources: Record<string, string>): Promise<Map<string, ProcessEntry>> {
  const entries = new Map<string, ProcessEntry>();
  for (const [id, src] of Object.entries(sources)) {
    const out = compile(src, { file: `${id}.lua`, chunkName: id, processMode: true });
    if (!out.ok) throw new Error(out.diagnostics.map((d) => `${id}:${d.line}: ${d.message}`).join('\n'));
    const url = 'data:text/javascript;base64,' + Buffer.from(out.code).toString('base64');
    const module = (await import(url)) as CompiledChunkModule;
    entries.set(id, { module, method: 'main', modules: ['time'] });
  }
  return entries;
}

export function createRuntime(entries: Map<string, ProcessEntry>): ProcessRuntime {
  return createProcessRuntime({ time: new NodeTimeScheduler(), entries, hosts: new Set([HOST]), write: (s) => process.stdout.write(s) });
}

/** Spawns `id` as a root process; resolves when it exits (rejects on a failure). */
export function runRoot(rt: ProcessRuntime, id: string, args: unknown[]): Promise<{ value: unknown; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = rt.spawn(id, HOST, args);
    p.onExit.push((r) => {
      const ms = performance.now() - t0;
      if (r.error !== undefined) reject(new Error(String((r.error as { message?: unknown }).message ?? r.error)));
      else resolve({ value: r.value, ms });
    });
  });
}

/** Resolves once the run queue is empty (the spawned processes have all parked). */
export function whenIdle(rt: ProcessRuntime): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => {
      if (rt.node.sched.idle) resolve();
      else setImmediate(poll);
    };
    setImmediate(poll);
  });
}
