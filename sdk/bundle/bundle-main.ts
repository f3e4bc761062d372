// The runtime side of a bundle (`moonforge build`, sdk/build/): built ahead of time into dist/bundle-runtime.mjs
// (esbuild.config.mjs), which the app.mjs a build writes imports together with the app's compiled chunks and its
// definitions as data. `node app.mjs ARGS` runs the app as `moonforge run APPDIR ARGS` does: the same argument
// parser, the same run path (runLoadedApp), the chunks the bundle was built with instead of a compiler.
//
// The app's root in a bundle is the folder app.mjs is in: definition files and `source: file://` paths (relative to
// the app at build time) are resolved against it, so messages name them as they were. A file the app reads relative
// to the current folder (an env.storage.file's) is read there, as `moonforge run` reads it; the bundle carries the
// file as it was in the app's folder at build time, which stands in for it while it is absent there.
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerBundledChunks, type CompiledChunkModule } from '../../runtime/index.js';
import { createApp, isLuaEntry, type AppConfig, type Entry } from '../../runtime/process/index.js';
import { parseAppRunArgs, APP_RUN_OPTIONS_USAGE } from '../cli/app-run-args.js';
import { logSettings } from '../log-sink.js';
import { sourceKey, type PrebuiltChunk, type RunTimeCompile } from '../app-runtime.js';
import { listLoadedAppCommands, runLoadedApp } from '../run-app.js';
import { overrideReported } from '../app-overrides.js';

/** What a built app.mjs hands to the runtime (sdk/build/bundle-entry.ts writes it). */
export interface BundleSpec {
  /** app.mjs's own URL: its folder is the app's root, and JS frames of its chunks name it */
  url: string;
  config: AppConfig;
  /** the app's entries, their `file` and file sources' `source.path` relative to the app's root */
  entries: Entry[];
  /** the compiled chunk modules */
  modules: CompiledChunkModule[];
  /** entry id -> index into modules, for every entry that runs or is imported */
  chunks: Record<string, number>;
  /** the trace table (runtime/core/chunks.ts registerBundledChunks), read at the first error that needs it */
  table: () => string;
  /** files the app reads, as they were at build time (latin1), by the path the app names them with */
  files: Record<string, string>;
  /** the Lua compiler, in a bundle built --with-lua-compiler: entries the registry makes at run time are compiled */
  compileAtRunTime?: RunTimeCompile;
}

/**
 * How the bundle is run, as its usage and hints name it: `node app.mjs`, or the single executable's own name (--sea,
 * whose URL is the executable's).
 */
function runAs(name: string): string {
  return name.endsWith('.mjs') ? `node ${name}` : name;
}

function usage(run: string): string {
  const line = (form: string, what: string): string => `  ${`${run} ${form}`.padEnd(run.length + 32)} ${what}\n`;
  return `Usage:
${line('[OPTIONS] -x NS:NAME [ARGS...]', "run one process.lua entry as the root (the app's services first)")}${line('[OPTIONS] COMMAND [ARGS...]', 'the entry whose meta.command.name is COMMAND')}${line('list', "list the app's commands")}${line('[OPTIONS]', "run the app's services; Ctrl+C stops them")}
A bundle built by \`moonforge build\` runs as \`moonforge run APPDIR\` runs its app. Options come before the entry's
ARGS: whatever follows COMMAND, or the first argument after -x NS:NAME that is not an option, is the entry's, options
too (\`--\` ends the options for an argument that looks like one).

Options:
${APP_RUN_OPTIONS_USAGE}`;
}

/** Runs the bundled app with the process's arguments; resolves to the exit code. */
export async function runBundle(spec: BundleSpec): Promise<number> {
  // app.mjs, or the executable's name
  const name = basename(fileURLToPath(spec.url));
  const run = runAs(name);
  const parsed = parseAppRunArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${name}: ${parsed.message}\n${usage(run)}`);
    return 2;
  }
  const a = parsed.value;
  if (a.help === true) {
    process.stdout.write(usage(run));
    return 0;
  }
  const root = dirname(fileURLToPath(spec.url));
  const entries = new Map<string, Entry>();
  for (const e of spec.entries) {
    e.file = resolve(root, e.file);
    if (isLuaEntry(e) && e.source.type === 'file') e.source.path = resolve(root, e.source.path);
    entries.set(e.id, e);
  }
  const app = createApp(root, spec.config, entries);
  if (a.exec === undefined && a.command === 'list') {
    if (!(await overrideReported(app, { overrides: a.overrides }, (s) => process.stderr.write(s)))) return 1;
    listLoadedAppCommands(app);
    return 0;
  }
  const log = logSettings({ format: a.logFormat, level: a.logLevel }, process.env);
  if (typeof log === 'string') {
    process.stderr.write(`${name}: ${log}\n`);
    return 2;
  }
  registerBundledChunks({ url: spec.url, chunks: spec.modules, table: spec.table });
  const prebuilt = new Map<string, PrebuiltChunk>();
  for (const [id, i] of Object.entries(spec.chunks)) {
    const e = entries.get(id);
    if (isLuaEntry(e)) prebuilt.set(id, { module: spec.modules[i]!, source: sourceKey(e) });
  }
  const files = new Map(Object.entries(spec.files));
  return runLoadedApp(app, { exec: a.exec, command: a.command, host: a.host, args: a.args, overrides: a.overrides, trace: a.trace, traceOtlp: a.traceOtlp, inspect: a.inspect, ...log, cluster: a.cluster }, { chunks: prebuilt, files, compileAtRunTime: spec.compileAtRunTime, runAs: run });
}

/** The bundle's main: runs the app and sets the exit code, as bin/moonforge.mjs does for the CLI. */
export function startBundle(spec: BundleSpec): void {
  runBundle(spec).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${basename(fileURLToPath(spec.url))}: internal error: ${err instanceof Error && err.stack !== undefined ? err.stack : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
