// The `system` module (wippyai/runtime runtime/lua/modules/system/module.go and spec.md; docs en/lua/system/system.md):
// memory, gc, runtime and process information for Lua, every call `value, err`. Each call is checked as Wippy checks
// it (`system.read` on memory, `system.gc` on gc, ...); a denied call answers nil and an Invalid error
// "permission denied: system.read on memory". system.exit ends the program through the host (ModuleHost.exit): the
// CLI stops every process and exits with the code. What Node cannot do is said, not faked: the GC percent and
// GOMAXPROCS are recorded node-wide and read back (Wippy's tests set and restore them) but V8 has no such knobs,
// and the memory limit is V8's heap limit, fixed when Node starts.
import { availableParallelism, hostname as osHostname } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { LuaTable, tableFromArray, tableFromRecord } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { checkInt, checkNumber, checkStr } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { allocatedBytes, collectGarbage, heapObjects, memoryFigures } from './node-stats.js';

const fail = (kind: string, message: string): unknown => ret2(undefined, createError({ kind, message, retryable: false }));
const ok = (v: unknown): unknown => ret2(v, undefined);

/**
 * A Lua number as Go's int(x) makes it on amd64 (gopher-lua's CheckInt): truncated, and NaN, infinities and values
 * out of int64's range the smallest int64, so they read as negative (max_procs(0/0) is refused, not recorded as NaN).
 */
const goInt = (x: number): number => (Number.isFinite(x) && Math.abs(x) < 2 ** 63 ? Math.trunc(x) : -(2 ** 63));

/** Go's default GOGC. */
const DEFAULT_GC_PERCENT = 100;

function createSystemModule(host: ModuleHost): LuaTable {
  const node = host.rt.node;
  const denied = (action: string, resource: string): boolean => !node.check(action, resource, node.current);
  const refusal = (action: string, resource: string): unknown =>
    fail(ERROR_KINDS.INVALID, `permission denied: ${action}${resource === '' ? '' : ` on ${resource}`}`);
  // node-wide settings, as Go's are process-wide
  let gcPercent = DEFAULT_GC_PERCENT;
  let maxProcs = availableParallelism();

  const memory = new LuaTable();
  memory.stats = () => (denied('system.read', 'memory') ? refusal('system.read', 'memory') : ok(tableFromRecord({ ...memoryFigures() })));
  memory.allocated = () => (denied('system.read', 'memory') ? refusal('system.read', 'memory') : ok(allocatedBytes()));
  memory.heap_objects = () => (denied('system.read', 'memory') ? refusal('system.read', 'memory') : ok(heapObjects()));
  memory.get_limit = () => (denied('system.read', 'memory_limit') ? refusal('system.read', 'memory_limit') : ok(getHeapStatistics().heap_size_limit));
  memory.set_limit = (limit: unknown) => {
    if (denied('system.control', 'memory_limit')) return refusal('system.control', 'memory_limit');
    if (limit === undefined) return fail(ERROR_KINDS.INVALID, 'memory limit value required');
    const n = checkInt(limit, 1, 'set_limit');
    if (n < -1) return fail(ERROR_KINDS.INVALID, 'limit must be non-negative or -1');
    return fail(ERROR_KINDS.INTERNAL, 'the memory limit cannot be changed while running on Node (it is V8\'s heap limit: node --max-old-space-size)');
  };

  const gc = new LuaTable();
  gc.collect = () => {
    if (denied('system.gc', 'gc')) return refusal('system.gc', 'gc');
    collectGarbage();
    return ok(true);
  };
  gc.get_percent = () => (denied('system.read', 'gc_percent') ? refusal('system.read', 'gc_percent') : ok(gcPercent < 0 ? DEFAULT_GC_PERCENT : gcPercent));
  gc.set_percent = (percent: unknown) => {
    if (denied('system.gc', 'gc_percent')) return refusal('system.gc', 'gc_percent');
    if (percent === undefined) return fail(ERROR_KINDS.INVALID, 'percent value required');
    const old = gcPercent;
    gcPercent = goInt(checkNumber(percent, 1, 'set_percent'));
    return ok(old < 0 ? DEFAULT_GC_PERCENT : old);
  };

  const runtime = new LuaTable();
  // Wippy counts goroutines; a moonforge process is the nearest thing that runs
  runtime.goroutines = () => (denied('system.read', 'goroutines') ? refusal('system.read', 'goroutines') : ok(node.procs.size));
  runtime.cpu_count = () => (denied('system.read', 'cpu') ? refusal('system.read', 'cpu') : ok(availableParallelism()));
  runtime.max_procs = (n: unknown) => {
    if (n === undefined) return denied('system.read', 'gomaxprocs') ? refusal('system.read', 'gomaxprocs') : ok(maxProcs);
    if (denied('system.control', 'gomaxprocs')) return refusal('system.control', 'gomaxprocs');
    const v = goInt(checkNumber(n, 1, 'max_procs'));
    if (v <= 0) return fail(ERROR_KINDS.INVALID, 'GOMAXPROCS value must be positive');
    const prev = maxProcs;
    maxProcs = v;
    return ok(prev);
  };

  const proc = new LuaTable();
  proc.pid = () => (denied('system.read', 'pid') ? refusal('system.read', 'pid') : ok(process.pid));
  proc.hostname = () => {
    if (denied('system.read', 'hostname')) return refusal('system.read', 'hostname');
    try {
      return ok(Buffer.from(osHostname(), 'utf8').toString('latin1'));
    } catch (e) {
      return ret2(undefined, internal(e, 'get hostname'));
    }
  };
  proc.cwd = () => {
    if (denied('system.read', 'cwd')) return refusal('system.read', 'cwd');
    try {
      return ok(Buffer.from(process.cwd(), 'utf8').toString('latin1'));
    } catch (e) {
      return ret2(undefined, internal(e, 'get working directory'));
    }
  };

  // Outside a cluster the local node is the whole membership; in one (runtime/cluster/), the nodes up now, this one
  // first. moonforge has no Raft core: no leader, and the role is Wippy's "non-member" either way.
  const nodeT = new LuaTable();
  nodeT.id = () => (denied('system.read', 'node') ? refusal('system.read', 'node') : ok(node.nodeName));
  nodeT.addr = () => (denied('system.read', 'node') ? refusal('system.read', 'node') : fail(ERROR_KINDS.INTERNAL, 'address unavailable'));
  nodeT.role = () => (denied('system.read', 'node') ? refusal('system.read', 'node') : ok('non-member'));
  const cluster = new LuaTable();
  const members = (): readonly string[] => node.clusterMembers?.() ?? [node.nodeName];
  cluster.members = () =>
    denied('system.read', 'cluster')
      ? refusal('system.read', 'cluster')
      : ok(tableFromArray(members().map((id) => tableFromRecord({ id, is_local: id === node.nodeName }))));
  cluster.leader = () => (denied('system.read', 'cluster') ? refusal('system.read', 'cluster') : ok(''));
  cluster.size = () => (denied('system.read', 'cluster') ? refusal('system.read', 'cluster') : ok(members().length));

  // The service supervisor runs in the CLI, outside what modules see: Wippy's answer when it has none.
  const supervisor = new LuaTable();
  supervisor.state = (id: unknown) => {
    if (denied('system.read', 'supervisor')) return refusal('system.read', 'supervisor');
    if (checkStr(id, 1, 'state') === '') return fail(ERROR_KINDS.INVALID, 'service ID required');
    return fail(ERROR_KINDS.INTERNAL, 'service info not available');
  };
  supervisor.states = () => (denied('system.read', 'supervisor') ? refusal('system.read', 'supervisor') : fail(ERROR_KINDS.INTERNAL, 'service info not available'));

  // Process hosts: one JS thread runs them all, so a host has one worker and steals nothing; moonforge does not count
  // steps or queue depths, so those fields are absent rather than made up.
  const hosts = new LuaTable();
  const procsOn = (id: string) => [...node.procs.values()].filter((p) => p.hostId === id);
  hosts.list = () => {
    if (denied('system.read', 'hosts')) return refusal('system.read', 'hosts');
    return ok(tableFromArray([...host.rt.hosts].map((id) => tableFromRecord({ id, workers: 1, processes: procsOn(id).length, stolen: 0 }))));
  };
  hosts.processes = (id: unknown) => {
    if (denied('system.read', 'hosts')) return refusal('system.read', 'hosts');
    const h = checkStr(id, 1, 'processes');
    if (h === '') return fail(ERROR_KINDS.INVALID, 'host ID required');
    return ok(tableFromArray(procsOn(h).map((p) => tableFromRecord({ pid: p.pid, host: h, source: p.entryId }))));
  };

  const mod = new LuaTable();
  mod.memory = readOnly(memory);
  mod.hosts = readOnly(hosts);
  mod.gc = readOnly(gc);
  mod.runtime = readOnly(runtime);
  mod.process = readOnly(proc);
  mod.node = readOnly(nodeT);
  mod.cluster = readOnly(cluster);
  mod.supervisor = readOnly(supervisor);
  mod.exit = (code: unknown) => {
    if (denied('system.exit', '')) return refusal('system.exit', '');
    const c = code === undefined ? 0 : checkInt(code, 1, 'exit');
    if (host.exit === undefined) return fail(ERROR_KINDS.INTERNAL, 'system.exit is not available in this runtime (it has no program to end)');
    // the node shuts down after this call returns, as Wippy's TriggerShutdown does
    host.exit(c);
    return ok(true);
  };
  mod.modules = () => {
    if (denied('system.read', 'modules')) return refusal('system.read', 'modules');
    const names = [...host.rt.globals.modules.keys()].sort();
    return ok(tableFromArray(names.map((name) => tableFromRecord({ name, description: '', class: new LuaTable() }))));
  };
  return readOnly(mod);
}

function internal(e: unknown, context: string) {
  const err = createError({ kind: ERROR_KINDS.INTERNAL, message: e instanceof Error ? e.message : String(e), retryable: false });
  return wrapError(err, context);
}

export const SYSTEM_MODULE: PlatformModule = { name: 'system', create: createSystemModule };
