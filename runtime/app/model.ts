// The typed registry of a Wippy app (spec §2.8, §5): entries keyed "namespace:name", a discriminated union by kind,
// after the Go configs (api/runtime/lua/config.go, api/service/supervisor/config.go, api/service/host/config.go,
// api/supervisor/config.go). Durations are nanoseconds.
import type { ClusterConfig } from '../cluster/config.js';

/** Where an entry (or one of its fields) was written. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

interface EntryBase {
  /** "namespace:name" */
  id: string;
  namespace: string;
  name: string;
  /** free-form; the file-level `meta` merged under the entry's own (boot/loader/entry_loader.go) */
  meta: Record<string, unknown>;
  /** every field of the entry except name/kind/meta, as written */
  fields: Record<string, unknown>;
  /** the definition file (absolute path) and the entry's position */
  file: string;
  pos: SourcePos;
  /** where each field's value was written ("source", "process", "imports.<alias>", "modules.<index>", ...) */
  positions: Record<string, SourcePos>;
}

/** `source:` of a Lua entry: a file (resolved relative to the YAML file) or inline code. */
export type LuaSource = { type: 'file'; url: string; path: string } | { type: 'inline'; code: string };

export const LUA_KINDS = ['process.lua', 'function.lua', 'library.lua', 'workflow.lua', 'module.lua'] as const;
export type LuaKind = (typeof LUA_KINDS)[number];

/**
 * Entry kinds `imports:` can bind: libraries, and functions (a workflow imports its activities, as in wippyai/runtime
 * tests/app/src/test/temporal/tests/_index.yaml).
 */
export const IMPORTABLE_KINDS: readonly string[] = ['library.lua', 'library.lua.bc', 'module.lua', 'function.lua', 'function.lua.bc'];

export interface LuaEntry extends EntryBase {
  kind: LuaKind;
  source: LuaSource;
  /** the exported function to run (required for process/function/workflow; unused by libraries) */
  method: string | undefined;
  /** the `require` allowlist */
  modules: string[];
  /** alias -> full entry id ("ns:name"), relative ids resolved against the entry's namespace */
  imports: Record<string, string>;
  /** function.lua pool settings, as written */
  pool: Record<string, unknown> | undefined;
  /**
   * process.lua only, when written: its `lifecycle:`. Wippy's docs start such an entry at boot when
   * `lifecycle.auto_start` is set (tutorials/supervision.md, system/security.md), so moonforge does (sdk/boot-app.ts)
   */
  lifecycle?: Lifecycle;
}

export interface RetryPolicy {
  initialDelay: number;
  maxDelay: number;
  backoffFactor: number;
  jitter: number;
  /** 0 = unlimited */
  maxAttempts: number;
}

export interface SecurityConfig {
  actor: { id: string; meta: Record<string, unknown> };
  groups: string[];
  policies: string[];
}

/** supervisor.LifecycleConfig after InitDefaults (a zero value takes the default, as in Go). */
export interface Lifecycle {
  autoStart: boolean;
  startTimeout: number;
  stopTimeout: number;
  stableThreshold: number;
  startup: 'required' | 'optional';
  requires: string[];
  restart: RetryPolicy;
  security: SecurityConfig | undefined;
}

export interface ProcessHostEntry extends EntryBase {
  kind: 'process.host';
  host: { workers: number | undefined; queueSize: number; localQueueSize: number; maxProcesses: number | undefined };
  /**
   * moonforge's worker threads for this host's processes (issue 16): the entry's own `workers: N | auto` field, 1
   * (the default) runs them on the main thread as always; `auto` is one per core. Not Wippy's `host.workers`, the
   * number of its scheduler's goroutines, which moonforge reads but does not use (one JS thread runs many processes).
   */
  threads: number | 'auto';
  lifecycle: Lifecycle;
}

export interface TerminalHostEntry extends EntryBase {
  kind: 'terminal.host';
  lifecycle: Lifecycle;
}

export interface ProcessServiceEntry extends EntryBase {
  kind: 'process.service';
  /** the process entry id */
  process: string;
  /** the host entry id */
  host: string;
  /** arguments to the process's main */
  input: unknown[];
  lifecycle: Lifecycle;
}

/** Kept raw: another package validates policies. */
export interface SecurityPolicyEntry extends EntryBase {
  kind: 'security.policy';
}

/** A known kind moonforge accepts and keeps but does not run (registry.entry, http.*, env.*, store.*, ...). */
export interface OtherEntry extends EntryBase {
  kind: string;
}

/** The kinds moonforge models, discriminated by `kind`. */
export type TypedEntry = LuaEntry | ProcessHostEntry | TerminalHostEntry | ProcessServiceEntry | SecurityPolicyEntry;

/** Any entry. OtherEntry's `kind: string` keeps `kind ===` from narrowing: use the is* guards below. */
export type Entry = TypedEntry | OtherEntry;

/** `.wippy.yaml` and `wippy.lock`. */
export interface AppConfig {
  /** .wippy.yaml as parsed ({} when absent) */
  raw: Record<string, unknown>;
  security: { strictMode: boolean };
  lua: { typeSystem: { enabled: boolean } };
  /** `runtime:` (moonforge's own settings): max_run_ms, the liveness backstop's limit (undefined: the default) */
  runtime: {
    maxRunMs: number | undefined;
    /** memory limits (config.ts memoryLimits; undefined: the defaults) */
    processMemoryMb?: number;
    heapGuardFraction?: number;
    maxProcesses?: number;
  };
  /** `logger:` encoding and level (undefined: not set; the CLI's flags and environment variables come first) */
  logger: { encoding?: 'console' | 'json'; level?: 'debug' | 'info' | 'warn' | 'error' };
  /** wippy.lock `directories`, relative to the app root */
  directories: { src: string; modules: string };
  /** `.wippy.yaml` `override:`: entry overrides by `NS:ENTRY:FIELD` key, their values as written (overrides.ts) */
  overrides?: ConfigOverride[];
  /** `.wippy.yaml` `cluster:` (runtime/cluster/config.ts); undefined when absent */
  cluster?: ClusterConfig;
}

/** One entry of `.wippy.yaml`'s `override:` section, where it was written. */
export interface ConfigOverride {
  key: string;
  value: unknown;
  pos: SourcePos;
}

export interface App {
  /** absolute path of the app folder */
  root: string;
  config: AppConfig;
  entries: Map<string, Entry>;
  get(id: string): Entry | undefined;
  /** entries of one kind, in load order */
  byKind(kind: LuaKind): LuaEntry[];
  byKind(kind: 'process.host'): ProcessHostEntry[];
  byKind(kind: 'terminal.host'): TerminalHostEntry[];
  byKind(kind: 'process.service'): ProcessServiceEntry[];
  byKind(kind: 'security.policy'): SecurityPolicyEntry[];
  byKind(kind: string): Entry[];
}

export function isLuaEntry(e: Entry | undefined): e is LuaEntry {
  return e !== undefined && (LUA_KINDS as readonly string[]).includes(e.kind);
}

export function isProcessHost(e: Entry | undefined): e is ProcessHostEntry {
  return e?.kind === 'process.host';
}

export function isTerminalHost(e: Entry | undefined): e is TerminalHostEntry {
  return e?.kind === 'terminal.host';
}

export function isProcessService(e: Entry | undefined): e is ProcessServiceEntry {
  return e?.kind === 'process.service';
}

export function isSecurityPolicy(e: Entry | undefined): e is SecurityPolicyEntry {
  return e?.kind === 'security.policy';
}

/**
 * Entry kinds accepted as definitions (docs en/guides/entry-kinds.md, spec §5). Kinds moonforge does not run are
 * kept as OtherEntry.
 */
export const KNOWN_KINDS: ReadonlySet<string> = new Set([
  ...LUA_KINDS,
  'function.lua.bc', 'library.lua.bc', 'process.lua.bc', 'workflow.lua.bc',
  'process.host', 'process.service', 'terminal.host',
  'security.policy', 'security.policy.expr', 'security.token_store',
  'registry.entry',
  'http.service', 'http.router', 'http.endpoint', 'http.static',
  'env.variable', 'env.storage.os', 'env.storage.memory', 'env.storage.file', 'env.storage.router', 'env.storage.static',
  'store.memory', 'store.sql', 'store.kv.crdt', 'store.kv.raft',
  'db.sql.sqlite', 'db.sql.postgres', 'db.sql.mysql', 'db.cdc.postgres',
  'pg.scope',
  'fs.directory', 'fs.embed', 'cloudstorage.s3', 'config.aws',
  'exec.native', 'exec.docker',
  'queue.queue', 'queue.consumer', 'queue.driver.memory', 'queue.driver.amqp', 'queue.driver.sqs',
  'template.jet', 'template.set',
  'contract.definition', 'contract.binding',
  'function.wasm', 'function.wat', 'process.wasm',
  'temporal.client', 'temporal.worker',
  'network.i2p', 'network.socks5', 'network.tailscale',
  'ns.definition', 'ns.dependency', 'ns.requirement',
]);

/**
 * The kinds moonforge runs (or reads, for entries that are settings of others): every other KNOWN_KINDS entry is kept
 * but does nothing, and the loader warns about it once per kind (APP0015) so that an app carrying, say, an HTTP
 * gateway beside its processes still runs. Each section that makes a kind run adds it here: this is the one list.
 * `ns.*` entries describe the app's dependencies (installed under .wippy/ before moonforge reads them).
 */
export const RUN_KINDS: ReadonlySet<string> = new Set([
  'process.lua', 'function.lua', 'library.lua', 'module.lua', 'process.host', 'terminal.host', 'process.service',
  'security.policy',
  // read by security.token_store(id) (runtime/modules/token-store/)
  'security.token_store',
  'ns.definition', 'ns.dependency', 'ns.requirement',
  // read by the platform modules: registry (data entries), env (storages, variables), store (memory stores)
  'registry.entry',
  'env.variable', 'env.storage.os', 'env.storage.memory', 'env.storage.file', 'env.storage.router', 'env.storage.static',
  'store.memory',
]);
