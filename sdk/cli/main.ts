// The `moonforge` command line: run and compile Lua files. Errors are reported as diagnostics or Lua messages,
// never as JS stacks.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readLuaFile } from '../compile-cached.js';
import { mapForOutput, sourceTextAsWritten, writeModuleAndMap } from './compile-output.js';
import { runFile } from '../run-file.js';
import { renderDiagnosticsAs, unreadableFile, type DiagnosticFormat } from '../../diagnostics/index.js';

const USAGE = `moonforge — compile and run Wippy-style Lua on Node.js

Usage:
  moonforge run FILE.lua [ARGS...]      compile (cached by content) and run a Lua file
  moonforge run FILE.ts [ARGS...]       the same for a TypeScript file (type-checked, transpiled by TSTL)
  moonforge run APPDIR -x NS:NAME [--host HOST] [ARGS...]
                                        run one process.lua entry of a Wippy app as the root process
  moonforge run APPDIR COMMAND [ARGS...]
                                        the same for the entry whose meta.command.name is COMMAND
  moonforge run APPDIR list             list the app's commands
  moonforge run APPDIR                  start the app's auto_start process.service entries (Ctrl+C stops)
                                        (APPDIR left out, here and for test: the current folder, when it has a
                                        src/ folder, a wippy.lock or a .wippy.yaml, as for wippy run)
  moonforge run --watch APPDIR [-x NS:NAME | COMMAND] [ARGS...] | --watch FILE.lua|FILE.ts [ARGS...]
                                        run, then rebuild and restart on every change; see moonforge run --help
  moonforge test APPDIR [PATTERN...] [--reporter console|json|junit] [--timeout TIME] [--jobs N] ...
                                        run the app's tests (entries with meta.type: test); see moonforge test --help
  moonforge check [--format text|json] [APPDIR]
                                        report every problem of the app (definitions, modules, imports, Lua,
                                        typed Lua, TypeScript) without running it; see moonforge check --help
  moonforge compile FILE.lua [-o OUT]   write the ES module (OUT, default FILE.mjs) and its source map
  moonforge compile FILE.ts [-o OUT]    the same for a TypeScript file
  moonforge init DIR [--ts]             write a new app into DIR (Lua, or TypeScript with --ts); see moonforge init --help
  moonforge --help | --version

Options:
  --format text|json   how diagnostics are written to stderr: text (default) or JSON Lines, one record per
                       diagnostic (code, severity, file, line, column, length, message, notes, fix); for run,
                       it comes before FILE.lua or APPDIR
  --log-format console|json
                       how an app's log records (the logger module) are written to stderr: console (default,
                       for people) or JSON Lines; after APPDIR, like -x
  --log-level debug|info|warn|error
                       the least level of log records written (default info); after APPDIR

Environment:
  MOONFORGE_CACHE=off        compile without the cache
  MOONFORGE_CACHE_DIR=DIR    where compiled modules are cached (default ~/.cache/moonforge)
  MOONFORGE_LOG_FORMAT=F     --log-format when the flag is not given
  MOONFORGE_LOG_LEVEL=L      --log-level when the flag is not given
`;

const RUN_USAGE = `Usage:
  moonforge run [--format text|json] [--watch] FILE.lua|FILE.ts [ARGS...]
  moonforge run [--format text|json] [--watch] APPDIR [-x NS:NAME | COMMAND | list] [--host HOST]
                [--log-format console|json] [--log-level debug|info|warn|error] [ARGS...]

Runs a Lua or TypeScript file, or a Wippy app folder: with -x NS:NAME one process.lua entry as the root, with
COMMAND the entry whose meta.command.name it is, with neither the app's auto_start services (Ctrl+C stops them).
Without FILE or APPDIR (\`moonforge run -x app:hello\`, \`moonforge run COMMAND\`, \`moonforge run\`) the app is the
current folder, when it has a src/ folder, a wippy.lock or a .wippy.yaml.

Options (before FILE or APPDIR):
  --format text|json   how diagnostics are written to stderr
  --watch              watch the app folder (or the script's folder) and, on a change of a source, a definition
                       file or tsconfig.json, build again (TypeScript incrementally) and, when the build is clean,
                       stop the running app (CANCEL, up to 1 s of grace, then terminate) and start it again; a
                       build with errors is reported and the running app keeps running. The root's end does not
                       end the watch. Ctrl+C ends it (exit code 0).
`;

const CHECK_USAGE = `Usage:
  moonforge check [--format text|json] [APPDIR]

Reports every problem of a Wippy app in one run, without running it: its definition files, modules a \`modules:\`
list names that moonforge lacks, import cycles and unknown imports, policies, the syntax and typed-Lua errors of every
Lua entry (compiled as \`run\` compiles them, through the compile cache) and the TypeScript, TSTL and plugin errors of
its .ts entries (built as one program). Warnings are reported too. Exit code 1 when there is an error, else 0.
Without APPDIR the app is the current folder, when it has a src/ folder, a wippy.lock or a .wippy.yaml.

Options:
  --format text|json   text (default): each problem as file:line:col: severity CODE: message with its source line
                       and a caret, then "N errors, M warnings in K files", all on stderr; json: one JSON record per
                       problem (code, severity, file, line, column, length, message, notes, fix) a line on stdout,
                       and nothing else
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * The value of the option at `args[i]`, or undefined (reported) when it has none: the last argument, or another
 * option in its place. Taking nothing silently would run with the default instead (`--host` at the end was ignored).
 */
function optionValue(command: string, args: string[], i: number): string | undefined {
  const v = args[i + 1];
  if (v !== undefined && !(v.startsWith('-') && v.length > 1)) return v;
  process.stderr.write(`moonforge ${command}: option ${args[i]} needs a value\n`);
  return undefined;
}

/** The value of `--format` at `args[i]`, or undefined (reported) when it is not one the CLI writes. */
function formatValue(command: string, args: string[], i: number): DiagnosticFormat | undefined {
  const v = optionValue(command, args, i);
  if (v === undefined) return undefined;
  if (v === 'text' || v === 'json') return v;
  process.stderr.write(`moonforge ${command}: --format must be 'text' or 'json' (got '${v}')\n`);
  return undefined;
}

async function compileCommand(args: string[]): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  let format: DiagnosticFormat = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--out') {
      out = optionValue('compile', args, i++);
      if (out === undefined) return 1;
    } else if (a === '--format') {
      const f = formatValue('compile', args, i++);
      if (f === undefined) return 2;
      format = f;
    } else if (file === undefined) file = a;
    else {
      process.stderr.write(`moonforge compile: unexpected argument '${a}'\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write('moonforge compile: missing FILE.lua\n');
    return 2;
  }
  const target = out ?? file.replace(/\.(lua|ts)$/, '') + '.mjs';
  let code: string;
  let map: string;
  if (file.endsWith('.ts')) {
    // built as `run` builds a script (type-checked, TSTL, the gate), the module as the compile cache holds it
    const { compileTsScript } = await import('../ts/script.js');
    const built = await compileTsScript(file, format);
    if (!built.ok) {
      process.stderr.write(`${built.rendered}\n`);
      return 1;
    }
    code = readFileSync(built.module.jsPath, 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '');
    // the cached map names the module by its cache key; its sourcesContent is the .ts text already
    map = mapForOutput(JSON.parse(readFileSync(built.module.mapPath, 'utf8')), target);
  } else {
    let source: string;
    try {
      source = readLuaFile(file);
    } catch (e) {
      process.stderr.write(`${renderDiagnosticsAs(format, [unreadableFile(file, e)])}\n`);
      return 1;
    }
    const { compile } = await import('../../compiler/index.js');
    const result = compile(source, { file, chunkName: file, outName: basename(target) });
    if (!result.ok) {
      process.stderr.write(`${renderDiagnosticsAs(format, result.diagnostics, source)}\n`);
      return 1;
    }
    code = result.code;
    map = mapForOutput(result.map!, target, [sourceTextAsWritten(file, source)]);
  }
  try {
    writeModuleAndMap(target, code, map);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`moonforge compile: cannot write ${err.path ?? target} (${err.code ?? err.message})\n`);
    return 1;
  }
  return 0;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `dir` is an app folder to run or test without naming it, as `wippy run` takes the current folder: it has
 * the default src/, or a wippy.lock or .wippy.yaml (the loader reads where the sources are from them and reports a
 * source folder that is missing).
 */
function isAppFolder(dir: string): boolean {
  return isDirectory(join(dir, 'src')) || existsSync(join(dir, 'wippy.lock')) || existsSync(join(dir, '.wippy.yaml'));
}

/** What a command that names no app says when the current folder is none: where it looked and what it expected. */
function noAppHere(command: string, missing: string): string {
  return `moonforge ${command}: ${missing}, and the current folder ${process.cwd()} is not an app folder (it has no src/ folder, wippy.lock or .wippy.yaml)\n`;
}

/** The options of `run APPDIR` (runAppCommand): one of them first means the app is the current folder. */
const APP_RUN_OPTIONS = new Set(['-x', '--exec', '--host', '--log-format', '--log-level']);

/**
 * `run APPDIR [-x NS:NAME | COMMAND | list] [--host HOST] [--log-format F] [--log-level L] [ARGS...]`: options come
 * before the entry's arguments; without -x, a first argument names a command (an entry's meta.command.name, as
 * `wippy run COMMAND`), and `list` lists them.
 */
async function runAppCommand(dir: string, rest: string[], format: DiagnosticFormat, watch: boolean): Promise<number> {
  let exec: string | undefined;
  let host: string | undefined;
  let logFormatFlag: string | undefined;
  let logLevelFlag: string | undefined;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-x' || a === '--exec' || a === '--host' || a === '--log-format' || a === '--log-level') {
      const v = optionValue('run', rest, i++);
      if (v === undefined) return 1;
      if (a === '--host') host = v;
      else if (a === '--log-format') logFormatFlag = v;
      else if (a === '--log-level') logLevelFlag = v;
      else exec = v;
    } else if (a === '--') {
      i++;
      break;
    } else break;
  }
  let args = rest.slice(i);
  // as Wippy's `run` takes its first argument: a command name, or `list`
  const command = exec === undefined ? args[0] : undefined;
  if (command !== undefined) args = args.slice(1);
  // Loaded only for apps: a plain script run never pays for rxjs, yaml and the process runtime.
  const { runApp, listAppCommands } = await import('../run-app.js');
  if (command === 'list') return listAppCommands(dir, { format });
  const { logSettings } = await import('../log-sink.js');
  const log = logSettings({ format: logFormatFlag, level: logLevelFlag }, process.env);
  if (typeof log === 'string') {
    process.stderr.write(`moonforge run: ${log}\n`);
    return 2;
  }
  const { logFormat, logLevel } = log;
  const opts = { exec, command, host, args, format, logFormat, logLevel };
  if (watch) return (await import('../watch/watch-app.js')).watchApp(dir, opts);
  return runApp(dir, opts);
}

/** `check [--format text|json] [APPDIR]`; usage errors exit 2. */
async function checkCommand(args: string[]): Promise<number> {
  let format: DiagnosticFormat = 'text';
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      process.stdout.write(CHECK_USAGE);
      return 0;
    } else if (a === '--format') {
      const f = formatValue('check', args, i++);
      if (f === undefined) return 2;
      format = f;
    } else if (dir === undefined && !a.startsWith('-')) dir = a;
    else {
      process.stderr.write(`moonforge check: unexpected argument '${a}'\n${CHECK_USAGE}`);
      return 2;
    }
  }
  if (dir === undefined) {
    if (!isAppFolder(process.cwd())) {
      process.stderr.write(noAppHere('check', 'missing APPDIR'));
      return 2;
    }
    dir = process.cwd();
  }
  // Loaded only for this command, as for apps: a plain script run never pays for the app runtime.
  const { checkCommand: check } = await import('../check-app.js');
  // as for run: problems with the folder itself name it by its absolute path
  return check(resolve(dir), format);
}

/** `test APPDIR [PATTERN...] [OPTIONS]` (sdk/test-runner/options.ts); usage errors exit 2. */
async function testCommand(args: string[]): Promise<number> {
  // Loaded only for this command, as for apps: a plain script run never pays for the runner.
  const { parseTestArgs, TEST_USAGE } = await import('../test-runner/options.js');
  let parsed = parseTestArgs(args);
  // No APPDIR, or a first PATTERN that is no folder: the current folder is the app when it is one. An error that
  // naming an app mends is the missing APPDIR.
  const here = process.cwd();
  const withHere = parseTestArgs([here, ...args]);
  const namesNoApp = parsed.type === 'error' ? withHere.type !== 'error' : parsed.type === 'run' && !isDirectory(parsed.options.app);
  if (namesNoApp && isAppFolder(here)) parsed = withHere;
  else if (namesNoApp && parsed.type === 'error') {
    process.stderr.write(`${noAppHere('test', 'missing APPDIR')}${TEST_USAGE}`);
    return 2;
  }
  // as for run: problems with the folder itself name it by its absolute path
  if (parsed.type === 'run') parsed.options.app = resolve(parsed.options.app);
  if (parsed.type === 'help') {
    process.stdout.write(TEST_USAGE);
    return 0;
  }
  if (parsed.type === 'error') {
    process.stderr.write(`moonforge test: ${parsed.message}\n${TEST_USAGE}`);
    return 2;
  }
  const { runTests } = await import('../test-runner/run-tests.js');
  return runTests(parsed.options);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    case '--version':
    case '-v':
      process.stdout.write(`moonforge ${version()}\n`);
      return 0;
    case 'run': {
      // `--format` and `--watch` come first: everything after FILE.lua is the script's own arguments
      let format: DiagnosticFormat = 'text';
      let watch = false;
      for (;;) {
        if (rest[0] === '--format') {
          const f = formatValue('run', rest, 0);
          if (f === undefined) return 2;
          format = f;
          rest.splice(0, 2);
        } else if (rest[0] === '--watch') {
          watch = true;
          rest.shift();
        } else break;
      }
      const [file, ...args] = rest;
      if (file === '--help' || file === '-h') {
        process.stdout.write(RUN_USAGE);
        return 0;
      }
      // No FILE or APPDIR (`moonforge run`, `run -x NS:NAME`, `run COMMAND`): the current folder is the app, as for
      // `wippy run`. Its absolute path names it, so a missing source folder says where it was looked for.
      const here = process.cwd();
      if (file === undefined || APP_RUN_OPTIONS.has(file)) {
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
      return runFile(file, args, format);
    }
    case 'compile':
      return compileCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'test':
      return testCommand(rest);
    case 'init': {
      // Loaded only for this command: its templates are of no use to a run.
      const { initCommand } = await import('../init/init-command.js');
      return initCommand(rest);
    }
    default:
      process.stderr.write(`moonforge: unknown command '${cmd}'\n${USAGE}`);
      return 2;
  }
}
