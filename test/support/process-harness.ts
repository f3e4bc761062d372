// The process harness: compiles Lua sources (process mode) to modules, builds a runtime on a VirtualTimeScheduler,
// and runs it until nothing is left to do — no real sleeps. runBodiesRealTime is the exception, for what only shows
// on a real clock (a virtual one stands still while a slice runs).
import { expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VirtualTimeScheduler } from 'rxjs';
import { compile } from '../../compiler/index.js';
import type { CompiledChunkModule } from '../../runtime/abi.js';
import { createProcessRuntime, type ProcessEntry, type ProcessRuntime, type ProcessRuntimeOptions } from '../../runtime/process/process-runtime.js';
import type { ExitResult } from '../../runtime/process/proc.js';
import type { PermissionCheck } from '../../runtime/process/node.js';
import { NodeTimeScheduler } from '../../runtime/process/scheduler.js';

const dir = mkdtempSync(join(tmpdir(), 'mf-proc-test-'));
let n = 0;

export async function compileProcessModule(source: string, name: string): Promise<{ module: CompiledChunkModule; url: string; map: string }> {
  const out = compile(source, { file: name, chunkName: name, processMode: true });
  if (!out.ok) throw new Error(out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  const file = join(dir, `m${++n}.mjs`);
  writeFileSync(file, out.code);
  const url = pathToFileURL(file).href;
  return { module: (await import(url)) as CompiledChunkModule, url, map: JSON.stringify(out.map) };
}

export interface TestApp {
  rt: ProcessRuntime;
  time: VirtualTimeScheduler;
  output: string[];
  /** runs scheduled work and virtual time until idle (bounded) */
  settle(maxSteps?: number): void;
}

export interface EntrySpec {
  source: string;
  method?: string;
  modules?: string[];
}

/** Builds a runtime with the given `ns:name` → Lua source entries and the host `app:processes`. */
export async function makeApp(
  entries: Record<string, EntrySpec>,
  check?: PermissionCheck,
  options: Partial<ProcessRuntimeOptions> = {},
): Promise<TestApp> {
  const map = new Map<string, ProcessEntry>();
  for (const [id, spec] of Object.entries(entries)) {
    const c = await compileProcessModule(spec.source, `${id.replace(/[:.]/g, '_')}.lua`);
    map.set(id, { module: c.module, url: c.url, map: () => c.map, method: spec.method ?? 'main', modules: spec.modules ?? ['time'] });
  }
  const time = new VirtualTimeScheduler();
  const output: string[] = [];
  const rt = createProcessRuntime({ time, entries: map, hosts: new Set(['app:processes']), write: (s) => output.push(s), check, ...options });
  return {
    rt,
    time,
    output,
    settle(maxSteps = 1000) {
      for (let i = 0; i < maxSteps; i++) {
        time.flush();
        if (rt.node.sched.idle && time.actions.length === 0) return;
      }
    },
  };
}

/** Spawns `id` as the root process and settles; returns its exit and the printed lines. */
export async function runMain(
  entries: Record<string, EntrySpec>,
  id: string,
  args: unknown[] = [],
  check?: PermissionCheck,
  options: Partial<ProcessRuntimeOptions> = {},
): Promise<{ exit: ExitResult | undefined; lines: string[]; app: TestApp }> {
  const app = await makeApp(entries, check, options);
  let exit: ExitResult | undefined;
  const p = app.rt.spawn(id, 'app:processes', args);
  p.onExit.push((r) => {
    exit = r;
  });
  app.settle();
  return { exit, lines: app.output.join('').split('\n').filter((l) => l !== ''), app };
}

/** A process entry whose main function is `body` (a Lua block; `...` are the spawn arguments). */
export function entry(body: string, modules: string[] = ['time']): EntrySpec {
  return { source: `return { main = function(...)\n${body}\nend }`, modules };
}

/** The JS that `src` compiles to in process mode (tests of which functions get a twin, a copy or a pure attempt). */
export function processCode(src: string): string {
  const out = compile(src, { file: 'x.lua', chunkName: 'x.lua', processMode: true });
  if (!out.ok) throw new Error(out.diagnostics.map((d) => d.message).join('\n'));
  return out.code;
}

/** The lines `app:main` (given as a body) prints; it must end without an error. */
export async function linesOf(body: string): Promise<string[]> {
  const { exit, lines } = await runBodies(body);
  expect(exit?.error).toBeUndefined();
  return lines;
}

/** Runs `app:main` (given as a body) with the other entries as bodies too; returns the printed lines and the exit. */
export async function runBodies(
  main: string,
  others: Record<string, string> = {},
  check?: PermissionCheck,
  modules: string[] = ['time', 'ctx'],
  options: Partial<ProcessRuntimeOptions> = {},
): Promise<{ exit: ExitResult | undefined; lines: string[]; app: TestApp }> {
  const entries: Record<string, EntrySpec> = { 'app:main': entry(main, modules) };
  for (const [id, body] of Object.entries(others)) entries[id] = entry(body, modules);
  return runMain(entries, 'app:main', [], check, options);
}

/**
 * The check every "a busy process gives way" test makes: main monitors `app:busy` (running the body `busy`), sees a
 * worker answer three jobs while busy runs, terminates busy and prints the EXIT it gets; main returns "ok", and only
 * the idle worker is left. Returns the printed lines: BUSY_ENDED when busy gave way and was ended.
 */
export async function runBesideBusy(busy: string): Promise<string[]> {
  const { exit, lines, app } = await runBodies(BUSY_WATCHER, { 'app:busy': busy, 'app:worker': BUSY_WORKER });
  expect(exit?.error).toBeUndefined();
  expect(exit?.value).toBe('ok');
  expect(app.rt.node.procs.size).toBe(1); // the idle worker only
  return lines;
}

export const BUSY_ENDED = ['worker answered\t2,4,6', 'terminate\ttrue', 'true\ttrue\ttrue'];

const BUSY_WATCHER = `
  local time = require("time")
  local busy = process.spawn_monitored("app:busy", "app:processes")
  local worker = process.spawn("app:worker", "app:processes")
  local inbox = process.inbox()
  local got = {}
  for i = 1, 3 do
    process.send(worker, "job", i)
    got[#got + 1] = inbox:receive():payload():data()
    time.sleep("1ms")
  end
  print("worker answered", table.concat(got, ","))
  print("terminate", process.terminate(busy))
  local ev = process.events():receive()
  print(ev.kind == process.event.EXIT, ev.from == busy, ev.result.error ~= nil)
  return "ok"`;

const BUSY_WORKER = `
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "done", m:payload():data() * 2)
  end`;

let realTimeRuns = 0;

/**
 * Runs `app:main` (a body) with the other bodies on the real clock (NodeTimeScheduler) until main exits, then shuts
 * the runtime down; returns main's exit, what was printed and the runtime.
 */
/**
 * The real-time fairness run: app:main spawns app:busy (BUSY as its body), sleeps 20 ms on the Node scheduler and
 * terminates it; the exit's value is terminate's result and the time main waited. A busy process that never gave way
 * would keep the sleep's timer from firing.
 */
export function sleeperEndsBusy(busy: string): Promise<{ exit: ExitResult; output: string; rt: ProcessRuntime }> {
  return runBodiesRealTime(
    `
        local time = require("time")
        local busy = process.spawn("app:busy", "app:processes")
        local t0 = time.now()
        time.sleep("20ms")
        local waited = time.now():sub(t0):milliseconds()
        return process.terminate(busy), waited`,
    { 'app:busy': busy },
  );
}

export async function runBodiesRealTime(
  main: string,
  others: Record<string, string> = {},
  options: Partial<ProcessRuntimeOptions> = {},
): Promise<{ exit: ExitResult; output: string; rt: ProcessRuntime }> {
  const run = ++realTimeRuns;
  const entries = new Map<string, ProcessEntry>();
  for (const [id, body] of Object.entries({ 'app:main': main, ...others })) {
    const c = await compileProcessModule(entry(body).source, `${id.replace(/[:.]/g, '_')}_rt${run}.lua`);
    entries.set(id, { module: c.module, url: c.url, map: () => c.map, method: 'main', modules: ['time'] });
  }
  const out: string[] = [];
  const rt = createProcessRuntime({ time: new NodeTimeScheduler(), entries, hosts: new Set(['app:processes']), write: (s) => out.push(s), ...options });
  const exit = await new Promise<ExitResult>((resolve) => {
    rt.spawn('app:main', 'app:processes', []).onExit.push((r) => resolve(r));
  });
  rt.shutdown();
  return { exit, output: out.join(''), rt };
}
