// The app's own configuration files: `.wippy.yaml` (runtime options: security.strict_mode, lua.type_system, ...)
// and `wippy.lock` (`directories: {src, modules}`), both optional (spec §5, docs en/start/structure.md).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, type Node } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import type { AppConfig, ConfigOverride } from './model.js';
import { FieldReader, describeYaml, nodePos, parseYamlFile, toJS } from './yaml-file.js';
import { escapes } from './confine.js';
import { clusterConfig } from '../cluster/config.js';

async function readConfigFile(root: string, name: string, diags: Diagnostic[]): Promise<FieldReader | undefined> {
  const path = join(root, name);
  if (!existsSync(path)) return undefined;
  // not read when it is a link out of the app: its text would show in diagnostics
  if (escapes(root, path) !== undefined) {
    diags.push({ code: DIAGNOSTIC_CODES.FILE_OUTSIDE_APP, message: `${name} is a link to a file outside the app folder`, file: name, line: 1, column: 1 });
    return undefined;
  }
  const f = parseYamlFile(path, name, await readFile(path, 'utf8'), diags);
  if (f === undefined) return undefined;
  const contents = f.doc.contents;
  if (contents === null || (toJS(f, contents) ?? null) === null) return undefined; // an empty file
  if (!isMap(contents)) {
    diags.push({ code: DIAGNOSTIC_CODES.BAD_CONFIG, message: `${name} must be a mapping`, file: name, line: 1, column: 1 });
    return undefined;
  }
  return new FieldReader(f, contents, diags, name);
}

export async function readAppConfig(root: string, diags: Diagnostic[]): Promise<AppConfig> {
  const cfg = await readConfigFile(root, '.wippy.yaml', diags);
  const lock = await readConfigFile(root, 'wippy.lock', diags);
  const dirs = lock?.sub('directories');
  const raw = cfg === undefined ? {} : (cfg.map.toJS(cfg.file.doc) as Record<string, unknown>);
  return {
    raw,
    security: { strictMode: cfg?.sub('security')?.bool('strict_mode') ?? false },
    lua: { typeSystem: { enabled: cfg?.sub('lua')?.sub('type_system')?.bool('enabled') ?? false } },
    runtime: { maxRunMs: maxRunMs(cfg?.sub('runtime')), ...memoryLimits(cfg?.sub('runtime')) },
    logger: loggerConfig(cfg?.sub('logger')),
    directories: appDirectories(root, dirs, diags),
    ...configOverrides(cfg?.sub('override')),
    cluster: clusterConfig(cfg?.sub('cluster')),
  };
}

/**
 * `override:`, Wippy's entry overrides in the config (`app:gateway:addr: ":9090"`), applied before the command
 * line's `-o` (overrides.ts); its values keep their YAML types, lists and mappings too.
 */
function configOverrides(r: FieldReader | undefined): Pick<AppConfig, 'overrides'> {
  if (r === undefined) return {};
  const overrides: ConfigOverride[] = [];
  for (const item of r.map.items) {
    const key = toJS(r.file, item.key);
    const pos = nodePos(r.file, (item.key ?? item.value) as Node);
    if (typeof key !== 'string') {
      r.report(DIAGNOSTIC_CODES.WRONG_TYPE, `.wippy.yaml: override: keys must be NS:ENTRY:FIELD strings, got ${describeYaml(key)}`, undefined, item.key as Node);
      continue;
    }
    overrides.push({ key, value: toJS(r.file, item.value) ?? null, pos });
  }
  return { overrides };
}

/**
 * wippy.lock `directories`: the source and module folders, which must be inside the app folder (confine.ts); one
 * outside is reported at its line and never walked (load.ts checks again before walking).
 */
function appDirectories(root: string, dirs: FieldReader | undefined, diags: Diagnostic[]): AppConfig['directories'] {
  const out = { src: dirs?.string('src') ?? './src', modules: dirs?.string('modules') ?? '.wippy' };
  for (const key of ['src', 'modules'] as const) {
    const why = escapes(root, resolve(root, out[key]));
    if (why === undefined) continue;
    const how = why === 'link' ? 'a link to a folder outside the app folder' : 'outside the app folder';
    const message = `directories.${key} is ${how}: ${out[key]}`;
    // the default folders (no wippy.lock entry) can only be links: reported at the folder itself
    if (dirs?.has(key) === true) dirs.report(DIAGNOSTIC_CODES.FILE_OUTSIDE_APP, `wippy.lock: ${message}`, key);
    else diags.push({ code: DIAGNOSTIC_CODES.FILE_OUTSIDE_APP, message, file: out[key], line: 1, column: 1 });
  }
  return out;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * `logger.encoding` and `logger.level`, as Wippy's CLI reads them (cmd/wippy/cmd/logger_helpers.go: `json` selects
 * JSON lines, anything else the console form); a level that is not one of the four is reported at its line.
 * (`logger.mode` and Wippy's `logmanager:` have no moonforge counterpart and are left alone.)
 */
function loggerConfig(r: FieldReader | undefined): AppConfig['logger'] {
  const out: AppConfig['logger'] = {};
  if (r === undefined) return out;
  const encoding = r.string('encoding');
  if (encoding !== undefined) out.encoding = encoding === 'json' ? 'json' : 'console';
  const level = r.string('level');
  if (level !== undefined) {
    const l = LOG_LEVELS.find((x) => x === level);
    if (l === undefined) r.wrongType('level', "'debug', 'info', 'warn' or 'error'", level);
    else out.level = l;
  }
  return out;
}

/**
 * `runtime.max_run_ms`: the liveness backstop's limit (runtime/core/preempt.ts), a non-negative integer; 0 turns the
 * backstop off. moonforge's own setting (Wippy's Go runtime has no such limit: a goroutine is preempted by Go).
 */
function maxRunMs(r: FieldReader | undefined): number | undefined {
  const v = r?.number('max_run_ms', true);
  if (v !== undefined && v < 0) {
    r!.wrongType('max_run_ms', 'a non-negative integer', v);
    return undefined;
  }
  return v;
}

/**
 * The memory limits (runtime/process/memory-guard.ts, docs/process-model.md, "Memory and process limits"):
 * `runtime.process_memory_mb` (per process, a non-negative integer, 0: none), `runtime.heap_guard_fraction` (the
 * node-wide guard's mark as a fraction of V8's heap limit, in (0, 1], 1: no guard) and `runtime.max_processes`
 * (processes alive at once on the node, 0: no limit). moonforge's own settings: Wippy's limits are Go's memory limit
 * and a process.host's `host.max_processes`, which moonforge reads too.
 */
function memoryLimits(r: FieldReader | undefined): { processMemoryMb?: number; heapGuardFraction?: number; maxProcesses?: number } {
  const out: { processMemoryMb?: number; heapGuardFraction?: number; maxProcesses?: number } = {};
  if (r === undefined) return out;
  const mb = r.number('process_memory_mb', true);
  if (mb !== undefined && mb < 0) r.wrongType('process_memory_mb', 'a non-negative integer', mb);
  else if (mb !== undefined) out.processMemoryMb = mb;
  const f = r.number('heap_guard_fraction');
  if (f !== undefined && !(f > 0 && f <= 1)) r.wrongType('heap_guard_fraction', 'a number in (0, 1]', f);
  else if (f !== undefined) out.heapGuardFraction = f;
  const n = r.number('max_processes', true);
  if (n !== undefined && n < 0) r.wrongType('max_processes', 'a non-negative integer', n);
  else if (n !== undefined) out.maxProcesses = n;
  return out;
}
