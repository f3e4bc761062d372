// What a process can reach at run time, as dotted names: every function and constant of every module an entry may
// list under `modules:` (by the name it is listed under) and of the process globals moonforge adds to Lua's library
// (process, channel, errors, payload, coroutine.spawn, os, require). Read from a real app runtime, so the list
// follows the runtime, not a copy of it. The objects those hand out (channels, messages, times, futures, ...) are
// made by a Lua process, which reports the methods their metatables give.
import { loadApp } from '../../runtime/app/index.js';
import { createAppRuntime } from '../../sdk/app-runtime.js';
import { LuaTable } from '../../runtime/index.js';
import { loadPlatformModules, platformModuleNames } from '../../runtime/modules/index.js';
import { MT } from '../../runtime/core/symbols.js';
import { LuaUserdata } from '../../runtime/core/value.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

/** A name reachable from Lua (`process.registry.lookup`, `time.SECOND`) and what it is. */
export interface SurfaceItem {
  name: string;
  kind: 'function' | 'value';
}

/** The globals of a process that are moonforge's own; the rest of `_G` is Lua's library (lua-types declares it). */
export const PROCESS_GLOBALS = ['process', 'channel', 'errors', 'payload', 'os'] as const;

/** The names of every module and process global of a fresh app runtime, keyed by module (or global) name. */
export async function runtimeSurface(): Promise<Map<string, SurfaceItem[]>> {
  const { app } = await loadApp(writeApp({ 'src/_index.yaml': indexYaml('') }));
  const ar = await createAppRuntime(app, { write: () => {}, stdin: { readLine: () => {} } });
  // every module's table, as an app listing them all would have: their code loads only when an entry lists them
  await loadPlatformModules(platformModuleNames());
  try {
    const out = new Map<string, SurfaceItem[]>();
    for (const [name, mod] of ar.rt.globals.modules) out.set(name, membersOf(mod, name));
    const base = ar.rt.globals.base;
    for (const g of PROCESS_GLOBALS) out.set(g, membersOf(base[g], g));
    // Wippy's addition to Lua's coroutine library
    out.set('coroutine', membersOf(base.coroutine, 'coroutine').filter((i) => i.name === 'coroutine.spawn'));
    return out;
  } finally {
    ar.rt.shutdown();
  }
}

/**
 * The members of a module value: the string keys of a table (nested tables walked), or the methods of a userdata
 * such as the root logger (its metatable's `__index`), named as Lua code reaches them.
 */
function membersOf(v: unknown, path: string): SurfaceItem[] {
  if (v instanceof LuaUserdata) {
    const index = v[MT]?.__index;
    return index instanceof LuaTable ? membersOf(index, path) : [];
  }
  if (!(v instanceof LuaTable)) return [];
  const items: SurfaceItem[] = [];
  for (const key of Object.keys(v).sort()) {
    const value = v[key];
    const name = `${path}.${key}`;
    if (typeof value === 'function') items.push({ name, kind: 'function' });
    else if (value instanceof LuaTable) items.push(...membersOf(value, name));
    else items.push({ name, kind: 'value' });
  }
  return items;
}

/**
 * Lua expressions making one object of each kind types/ declares as an interface of `Moonforge` (the interface's
 * name → the expression; `msg`, `snap` and the modules are locals of the probe).
 */
const OBJECTS: Record<string, string> = {
  Channel: 'channel.new()',
  SelectCase: 'channel.new():case_receive()',
  Message: 'msg',
  Payload: 'payload.new(1)',
  Error: 'errors.new("x")',
  Spawner: 'process.with_context({})',
  Time: 'time.now()',
  Duration: 'time.parse_duration("1s")',
  Location: 'time.utc',
  Timer: 'time.timer("1h")',
  Logger: 'logger',
  Future: 'funcs.async("app:f")',
  Executor: 'funcs.new()',
  Store: 'store.get("app:cache")',
  Subscription: 'events.subscribe("x")',
  Regexp: 'text.regexp.compile("a")',
  Differ: 'text.diff.new()',
  Splitter: 'text.splitter.recursive()',
  ExprProgram: 'expr.compile("1")',
  RegistrySnapshot: 'snap',
  RegistryChanges: 'snap:changes()',
  RegistryHistory: 'registry.history()',
  RegistryVersion: 'registry.current_version()',
  Actor: 'security.new_actor("a")',
  Scope: 'security.new_scope()',
  Policy: 'security.policy("app:p")',
  TokenStore: 'security.token_store("app:tokens")',
};

const PROBE_MODULES = ['io', 'time', 'logger', 'funcs', 'store', 'events', 'text', 'expr', 'registry', 'security'];

const PROBE_ENTRIES = `  - name: cache
    kind: store.memory
  - name: tokens
    kind: security.token_store
    store: cache
  - name: p
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: allow
  - name: f
    kind: function.lua
    source: file://f.lua
    method: main
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    modules: [${PROBE_MODULES.join(', ')}]
`;

const PROBE_MAIN = `${PROBE_MODULES.map((m) => `local ${m} = require("${m}")`).join('\n')}
local function methods(o)
  local mt = getmetatable(o)
  if type(mt) ~= "table" or type(mt.__index) ~= "table" then return "" end
  local t = {}
  for k, v in pairs(mt.__index) do if type(v) == "function" then t[#t + 1] = k end end
  table.sort(t)
  return table.concat(t, " ")
end
local function main()
  process.send(process.pid(), "t", 1)
  local msg = process.inbox():receive()
  local snap = registry.snapshot()
${Object.entries(OBJECTS)
  .map(([name, expr]) => `  io.print("${name}", methods((${expr})))`)
  .join('\n')}
end
return { main = main }
`;

/** The methods each kind of object has at run time (its metatable's `__index`), keyed by its interface's name. */
export async function objectMethods(): Promise<Map<string, string[]>> {
  const dir = writeApp({
    'src/_index.yaml': indexYaml(PROBE_ENTRIES),
    'src/f.lua': 'return { main = function() return 1 end }\n',
    'src/main.lua': PROBE_MAIN,
  });
  const run = await runAppInProcess(dir, { exec: 'app:main' });
  if (run.code !== 0) throw new Error(`the object probe failed: ${run.stderr}`);
  const out = new Map<string, string[]>();
  for (const line of run.lines) {
    const [name, list = ''] = line.split('\t');
    out.set(name!, list === '' ? [] : list.split(' '));
  }
  return out;
}
