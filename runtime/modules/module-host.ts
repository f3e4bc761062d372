// What a platform module (json, logger, funcs, events, registry, env, ...) is given when a runtime is built: the
// process runtime it serves and the app's registry of entries. A module is made once per runtime and shared by every
// process that lists it under `modules:`, so what it hands Lua is read-only or made fresh per call (isolation: no
// table reachable from two processes is writable); per-process state is found through `host.rt.node.current`.
import type { LuaTable } from '../core/table.js';
import type { LuaUserdata } from '../core/value.js';
import type { Entry } from '../app/model.js';
import type { ProcessRuntime } from '../process/process-runtime.js';

/** One line of structured log output (the logger module's records, and anything else that logs through the host). */
export interface LogRecord {
  /** epoch milliseconds */
  time: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  /** the logger's name (`logger:named`), '' for the root logger */
  logger: string;
  message: string;
  /** the record's fields, as JSON-ready values */
  fields: Record<string, unknown>;
  /** the pid of the process that logged, when a process did */
  pid?: string;
  /** the entry id of that process or function */
  entry?: string;
}

export interface ModuleHost {
  rt: ProcessRuntime;
  /**
   * The app's registry: every entry by id ("namespace:name"). Live: entries added later (another app folder loaded
   * into an embedded runtime, registry changesets) are seen by later lookups.
   */
  registry: Map<string, Entry>;
  /** where log records go (the CLI picks the console or the JSON-lines format, and the level) */
  log(record: LogRecord): void;
  /**
   * the least level `log` wants (default debug): the logger drops lower records before converting their fields, so
   * a disabled level costs only its argument checks
   */
  logLevel?: LogRecord['level'];
  /**
   * asks the host to stop every process and end the program with exit code `code` (system.exit, Wippy's
   * supervisor.TriggerShutdown); absent where the host has no program to end (an embedding)
   */
  exit?(code: number): void;
  /** the host environment variables the `env` module may read (`process.env` for the CLI) */
  environment: Readonly<Record<string, string | undefined>>;
  /**
   * Called by the registry module after it changed entries `ids` of `registry` (created, updated or deleted): the
   * host compiles what runs (function and process entries) and resolves once they can be called, or rejects when
   * one does not compile (the registry then restores the entries). Without it, changed code is not recompiled.
   */
  entriesChanged?(ids: readonly string[]): Promise<void>;
  /**
   * Files a bundle carries (sdk/build/), by the path the app names them with (an env.storage.file's `file_path`),
   * as latin1 text: used where the file itself is absent.
   */
  embeddedFiles?: ReadonlyMap<string, string>;
}

/** A module processes can list under `modules:` and `require`. */
export interface PlatformModule {
  name: string;
  /** the module value: a table, or a userdata when Wippy's module is one (the logger is itself a logger) */
  create(host: ModuleHost): LuaTable | LuaUserdata;
}
