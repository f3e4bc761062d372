// Putting the process runtime together: a node (scheduler, processes), the channel runtime, the process globals,
// and a loader for compiled chunks. Hosts (the CLI's app runner, embedding code, tests) start here.
import { VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import type { LuaTable } from '../core/table.js';
import { rawget } from '../core/table.js';
import { TAIL, bounce } from '../core/call.js';
import { luaError } from '../core/errors.js';
import { runtimeABI, type CompiledChunkModule } from '../abi.js';
import { registerCompiledChunk } from '../core/chunks.js';
import { ProcessNode, type EntryLoader, type PermissionCheck, type SpawnOptions } from './node.js';
import { createChannelRuntime } from './channel-module.js';
import { createProcessGlobals, type ProcessGlobals } from './process-globals.js';
import type { Proc } from './proc.js';
import { NodeTimeScheduler } from './scheduler.js';

/** A process.lua entry ready to run: its compiled chunk and the function that is its main. */
export interface ProcessEntry {
  module: CompiledChunkModule;
  /** the URL its JS frames report, and its source map, for Lua positions in errors */
  url?: string;
  map?: () => object | string | undefined;
  /** name of the function in the table the chunk returns (`method:`); undefined when the chunk returns a function */
  method?: string;
  /** modules bound as globals before the chunk runs (`modules:`) */
  modules?: string[];
  /** libraries bound as globals: alias → the library's value (`imports:`), resolved by the app loader */
  imports?: Record<string, (G: LuaTable) => unknown>;
}

export interface ProcessRuntimeOptions {
  time?: SchedulerLike;
  write?: (s: string) => void;
  check?: PermissionCheck;
  entries: Map<string, ProcessEntry>;
  hosts: Set<string>;
}

export interface ProcessRuntime {
  node: ProcessNode;
  globals: ProcessGlobals;
  /** spawns a root process (no parent) */
  spawn(id: string, host: string, args?: unknown[], opts?: SpawnOptions): Proc;
}

export function createProcessRuntime(opts: ProcessRuntimeOptions): ProcessRuntime {
  const write = opts.write ?? ((s: string) => process.stdout.write(Buffer.from(s, 'latin1')));
  const factories = new Map<CompiledChunkModule, (G: LuaTable, ...a: unknown[]) => unknown>();
  let globals: ProcessGlobals | undefined;
  const loader: EntryLoader = {
    hasEntry: (id) => opts.entries.has(id),
    hasHost: (id) => opts.hosts.has(id),
    load(id, G) {
      const entry = opts.entries.get(id)!;
      for (const m of entry.modules ?? []) {
        const mod = globals!.modules.get(m);
        if (mod === undefined) throw luaError(`module '${m}' is not available`);
        G[m] = mod;
      }
      for (const [alias, make] of Object.entries(entry.imports ?? {})) G[alias] = make(G);
      let main = factories.get(entry.module);
      if (main === undefined) {
        if (entry.url !== undefined) {
          registerCompiledChunk({
            url: entry.url,
            chunkName: entry.module.chunkName,
            functionNames: entry.module.functionNames,
            map: entry.map,
          });
        }
        main = entry.module.default(runtimeABI);
        factories.set(entry.module, main);
      }
      let exported = main(G);
      if (exported === TAIL) exported = bounce();
      if (entry.method === undefined) return exported;
      const fn = exported !== undefined && typeof exported === 'object' ? rawget(exported as LuaTable, entry.method) : undefined;
      if (fn === undefined) throw luaError(`method not found: ${entry.method}`);
      return fn;
    },
  };
  const node = new ProcessNode({
    time: opts.time ?? new NodeTimeScheduler(),
    loader,
    globals: (p) => globals!.create(p),
    check: opts.check,
  });
  const channels = createChannelRuntime(node.sched);
  globals = createProcessGlobals(node, channels, write);
  return {
    node,
    globals,
    spawn: (id, host, args = [], o = {}) => node.spawn(undefined, id, host, args, o),
  };
}

export { VirtualTimeScheduler };
