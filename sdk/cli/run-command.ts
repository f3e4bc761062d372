// `moonforge run`: a Lua or TypeScript file, or a Wippy app folder (named, or the current folder). moonforge's options
// come first; what follows FILE is the script's own arguments, and what follows the app's options is the entry's.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagnosticFormat } from '../../diagnostics/index.js';
import { isOptionLike, isOptionOf } from './parse-options.js';
import { FORMAT_OPTION } from './diagnostic-format.js';
import { commandOptions } from './command-options.js';
import { APP_RUN_OPTIONS, APP_RUN_OPTIONS_USAGE, parseAppRunArgs, type AppRunArgs } from './app-run-args.js';
import { isAppFolder, isDirectory, noAppHere } from './app-folder.js';
import { usageError } from './usage-error.js';

export const RUN_USAGE = `Usage:
  moonforge run [--format text|json] [--watch] FILE.lua|FILE.ts [ARGS...]
  moonforge run [--format text|json] [--watch] APPDIR [-x NS:NAME | COMMAND | list] [ARGS...]
                (the app options below go right after APPDIR: APPDIR -o ... --host H COMMAND ARGS...)

Runs a Lua or TypeScript file, or a Wippy app folder: with -x NS:NAME one process.lua entry as the root, with
COMMAND the entry whose meta.command.name it is, with neither the app's auto_start services (Ctrl+C stops them);
\`list\` lists the commands. Without FILE or APPDIR (\`moonforge run -x app:hello\`, \`moonforge run COMMAND\`,
\`moonforge run\`) the app is the current folder, when it has a src/ folder, a wippy.lock or a .wippy.yaml.

Options come before the arguments: ARGS after FILE are the script's, and after the app's options they are the
entry's (\`run APPDIR -x app:main --verbose 3\` gives main '--verbose' and '3'); \`--\` ends the options.

Options (before FILE or APPDIR):
  --format text|json   how diagnostics are written to stderr
  --watch              watch the app folder (or the script's folder) and, on a change of a source, a definition
                       file or tsconfig.json, build again (TypeScript incrementally) and, when the build is clean,
                       stop the running app (CANCEL, up to 1 s of grace, then terminate) and start it again; a
                       build with errors is reported and the running app keeps running. The root's end does not
                       end the watch. Ctrl+C ends it (exit code 0).

App options (after APPDIR, or first when the app is the current folder):
${APP_RUN_OPTIONS_USAGE}
Environment:
  MOONFORGE_LOG_FORMAT, MOONFORGE_LOG_LEVEL   --log-format and --log-level when the flags are not given
`;

const OPTIONS = { ...FORMAT_OPTION, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export async function runCommand(argv: readonly string[]): Promise<number> {
  const o = commandOptions('run', argv, OPTIONS, { positionals: 'leading', unknownStartsRest: true }, RUN_USAGE);
  if (!o.ok) return o.exit;
  const { parsed, format } = o;
  const watch = parsed.values.watch === true;
  const rest = parsed.rest;
  const [file, ...args] = rest;
  const here = process.cwd();
  // No FILE or APPDIR (`moonforge run`, `run -x NS:NAME`): the current folder is the app, as for `wippy run`. Its
  // absolute path names it, so a missing source folder says where it was looked for.
  if (file === undefined || (isOptionLike(file) && !parsed.dashDash)) {
    if (file !== undefined && !isOptionOf(file, APP_RUN_OPTIONS)) return usageError('run', `unknown option '${file.split('=', 1)[0]}'`, RUN_USAGE);
    if (!isAppFolder(here)) {
      process.stderr.write(noAppHere('run', 'missing FILE.lua, FILE.ts or APPDIR'));
      return 2;
    }
    return runAppCommand(here, rest, format, watch);
  }
  // by its absolute path, so that a folder without its sources says which folder it is (`run .` said '.')
  if (isDirectory(file)) return runAppCommand(resolve(file), args, format, watch);
  // a name that is no file and not a script's: a COMMAND (or `list`) of the app in the current folder
  if (!existsSync(file) && !/\.(lua|ts)$/.test(file) && isAppFolder(here)) return runAppCommand(here, rest, format, watch);
  if (watch) return (await import('../watch/watch-script.js')).watchScript(file, args, format);
  // imported here, not at the top: an app run loads its own copy of the runtime (appRunPath), never this one
  return (await import('../run-file.js')).runFile(file, args, format);
}

/** `run APPDIR [APP OPTIONS] [-x NS:NAME | COMMAND | list] [ARGS...]` (app-run-args.ts). */
async function runAppCommand(dir: string, argv: readonly string[], format: DiagnosticFormat, watch: boolean): Promise<number> {
  const parsed = parseAppRunArgs(argv);
  if (!parsed.ok) {
    // `run APPDIR --format json`: one of run's own options, written where the app's go
    const misplaced = /^unknown option '(.+)'$/.exec(parsed.message)?.[1];
    const message = misplaced !== undefined && isOptionOf(misplaced, OPTIONS) ? `option ${misplaced} comes before APPDIR` : parsed.message;
    return usageError('run', message, RUN_USAGE);
  }
  if (parsed.value.help === true) {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  // Loaded only for apps: a plain script run never pays for rxjs, yaml and the process runtime.
  const { path, save } = await appRunPath(watch, dir);
  try {
    return await runAppPath(path, dir, parsed.value, format, watch);
  } finally {
    // compiling is extra work; the runtime's code (a run that made none, `list` or a definition error, ran little of
    // it) and the platform modules a run loads are parts a cache may lack
    save(path.cacheMisses() > 0, [...(path.appRuntimesMade() > 0 ? [APP_RUNTIME_PART] : []), ...path.loadedPlatformModules()]);
  }
}

type AppRunPath = typeof import('./app-run-path.js');

/** The part of the app-run path's code cache that a run which made an app runtime covers (no platform module's name). */
const APP_RUNTIME_PART = 'runtime';

/** The file of the app-run path's CommonJS build, beside the CLI in dist/ (esbuild.config.mjs). */
const APP_RUN_BUILD = 'app-run.cjs';

/**
 * The app-run path: from dist/, its CommonJS build through V8's code cache (sdk/code-cache/; save() writes the cache
 * when it is due, told whether this run compiled Lua and which platform modules it loaded); from the sources, or for
 * --watch (whose module imports the run path's ES modules), the ES modules.
 */
async function appRunPath(watch: boolean, dir: string): Promise<{ path: AppRunPath; save: (extra: boolean, covers: readonly string[]) => void }> {
  const file = join(dirname(fileURLToPath(import.meta.url)), APP_RUN_BUILD);
  if (watch || !existsSync(file)) return { path: await import('./app-run-path.js'), save: () => {} };
  const loaded = (await import('../code-cache/app-run.js')).loadAppRunBuild(file, dir);
  return { path: loaded.exports, save: loaded.save };
}

async function runAppPath(path: AppRunPath, dir: string, value: AppRunArgs, format: DiagnosticFormat, watch: boolean): Promise<number> {
  const { exec, command, host, logFormat: logFormatFlag, logLevel: logLevelFlag, overrides, args, trace, traceOtlp, inspect } = value;
  if (command === 'list') return path.listAppCommands(dir, { format, overrides });
  const log = path.logSettings({ format: logFormatFlag, level: logLevelFlag }, process.env);
  if (typeof log === 'string') {
    // a flag's bad value is bad usage; the environment's is not, and the usage would not help
    if (log.startsWith('MOONFORGE_')) {
      process.stderr.write(`moonforge run: ${log}\n`);
      return 2;
    }
    return usageError('run', log, RUN_USAGE);
  }
  const { logFormat, logLevel } = log;
  const opts = { exec, command, host, args, format, logFormat, logLevel, overrides, trace, traceOtlp, inspect };
  // a watched run starts a runtime per change; tracing is set up for one run's runtime only
  if (watch && trace === true) return usageError('run', '--trace and --trace-otlp do not go with --watch', RUN_USAGE);
  // each rebuilt run has a runtime of its own; the inspector watches one
  if (watch && inspect !== undefined) return usageError('run', '--inspect does not go with --watch', RUN_USAGE);
  // a node of a cluster is one run: a restart would be a new node each time
  if (watch && value.cluster !== undefined) return usageError('run', '--node and --cluster do not go with --watch', RUN_USAGE);
  if (watch) return (await import('../watch/watch-app.js')).watchApp(dir, opts);
  return path.runApp(dir, { ...opts, cluster: value.cluster });
}
