// The moonforge side of the actor benchmarks: compiles Lua process entries in process mode and runs a root process on
// the real-time NodeTimeScheduler, resolving with its result and the wall time from spawn to exit.
import { compile } from '../../compiler/index.js';
import type { CompiledChunkModule } from '../../runtime/abi.js';
import { createProcessRuntime, type ProcessEntry, type ProcessRuntime } from '../../runtime/process/process-runtime.js';
import { NodeTimeScheduler } from '../../runtime/process/scheduler.js';
import type { SpawnOptions } from '../../runtime/process/node.js';
import { Policy, parsePolicyConfig, type SecurityContext } from '../../runtime/security/index.js';
import { PolicyRegistry } from '../../runtime/security/registry.js';
import { Scope } from '../../runtime/security/scope.js';

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

/** A runtime; `secured` installs the policy check (issue 5) instead of the allow-all default. */
export function createRuntime(entries: Map<string, ProcessEntry>, secured = false): ProcessRuntime {
  return createProcessRuntime({
    time: new NodeTimeScheduler(),
    entries,
    hosts: new Set([HOST]),
    write: (s) => process.stdout.write(s),
    security: secured ? { registry: new PolicyRegistry(), strictMode: true } : undefined,
  });
}

/**
 * A realistic policy set of issue 5: ten policies with globs, allows and denies over several action families, one
 * with a condition on the actor. Under strict mode the bench processes run only because these allow them.
 */
const POLICIES: Record<string, unknown>[] = [
  { actions: 'process.send', resources: '*', effect: 'allow' },
  { actions: ['process.spawn', 'process.spawn.*'], resources: 'bench:*', effect: 'allow' },
  { actions: 'process.host', resources: 'app:*', effect: 'allow' },
  { actions: 'process.send', resources: 'system:*', effect: 'deny' },
  { actions: ['process.terminate', 'process.cancel'], resources: '*', effect: 'allow', conditions: [{ field: 'actor.id', operator: 'eq', value: 'bench-runner' }] },
  { actions: 'process.registry.*', resources: 'app.workers:*', effect: 'allow' },
  { actions: ['process.monitor', 'process.unmonitor', 'process.link', 'process.unlink'], resources: '*', effect: 'allow' },
  { actions: 'fs.*', resources: '*', effect: 'deny' },
  { actions: 'http.*', resources: 'https://*.example.com/*', effect: 'allow' },
  { actions: 'process.*', resources: 'system:*', effect: 'deny' },
];

/** The security context of a secured root process (its children inherit it). */
export function benchSecurity(): SecurityContext {
  const policies = POLICIES.map((policy, i) => {
    const cfg = parsePolicyConfig({ policy }, 'bench');
    if (Array.isArray(cfg)) throw new Error(`bench policy ${i}: ${cfg.map((p) => p.message).join('; ')}`);
    return new Policy(`bench:policy${i}`, cfg);
  });
  return { actor: { id: 'bench-runner', meta: undefined }, scope: new Scope(policies) };
}

/** Spawns `id` as a root process; resolves when it exits (rejects on a failure). */
export function runRoot(rt: ProcessRuntime, id: string, args: unknown[], opts?: SpawnOptions): Promise<{ value: unknown; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = rt.spawn(id, HOST, args, opts);
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
