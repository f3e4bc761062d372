// The `moonforge` command line: which command runs. Each command parses its own options (parse-options.ts, on
// node:util parseArgs) and has its own usage beside it; a command's module is loaded only when it runs, except
// run's, which every script run needs. Errors are reported as diagnostics or Lua messages, never as JS stacks.
import { readFileSync } from 'node:fs';
import { runCommand } from './run-command.js';

const USAGE = `moonforge — compile and run Wippy-style Lua on Node.js

Usage:
  moonforge run FILE.lua [ARGS...]      compile (cached by content) and run a Lua file
  moonforge run FILE.ts [ARGS...]       the same for a TypeScript file (type-checked, transpiled by TSTL)
  moonforge run APPDIR -x NS:NAME [--host HOST] [-o NS:ENTRY:FIELD=VALUE] [ARGS...]
                                        run one process.lua entry of a Wippy app as the root process
  moonforge run APPDIR COMMAND [ARGS...]
                                        the same for the entry whose meta.command.name is COMMAND
  moonforge run APPDIR list             list the app's commands
  moonforge run APPDIR                  start the app's auto_start process.service entries (Ctrl+C stops)
                                        (APPDIR left out, here and for test: the current folder, when it has a
                                        src/ folder, a wippy.lock or a .wippy.yaml, as for wippy run)
  moonforge run --watch APPDIR [-x NS:NAME | COMMAND] [ARGS...] | --watch FILE.lua|FILE.ts [ARGS...]
                                        run, then rebuild and restart on every change
  moonforge test APPDIR [PATTERN...] [--reporter console|json|junit] [--timeout TIME] [--jobs N] ...
                                        run the app's tests (entries with meta.type: test)
  moonforge check [--format text|json] [APPDIR]
                                        report every problem of the app (definitions, modules, imports, Lua,
                                        typed Lua, TypeScript) without running it
  moonforge build [APPDIR] -o OUTDIR [--sea] [--with-lua-compiler]
                                        compile the app ahead of time into one ES module, OUTDIR/app.mjs, that
                                        runs with plain node: node OUTDIR/app.mjs [-x NS:NAME] [ARGS...];
                                        --sea: also OUTDIR/app, one executable holding Node.js and the app;
                                        --with-lua-compiler: Lua the app's registry makes at run time compiles too
  moonforge compile FILE.lua [-o OUT]   write the ES module (OUT, default FILE.mjs) and its source map
  moonforge compile FILE.ts [-o OUT]    the same for a TypeScript file
  moonforge init DIR [--ts]             write a new app into DIR (Lua, or TypeScript with --ts)
  moonforge help COMMAND | COMMAND --help
                                        a command's options
  moonforge --help | --version

Options of run APPDIR (after APPDIR, before the entry's ARGS):
  -x, --exec NS:NAME                    the process entry to run as the root
  -o, --override NS:ENTRY:FIELD=VALUE   change an entry's definition before the app starts, as wippy run -o
  --host HOST, --log-format console|json, --log-level debug|info|warn|error
  --format text|json                    how diagnostics are written (before FILE or APPDIR)

Environment:
  MOONFORGE_CACHE=off        compile without the cache (and run an app without V8's code cache)
  MOONFORGE_CACHE_DIR=DIR    where compiled modules are cached (default ~/.cache/moonforge)
  MOONFORGE_COMPILE_WORKERS=N  compile an app's entries on N worker threads (0: in one thread; default: cores - 1
                             on 3 cores or more, for 48 entries or more to compile)
  MOONFORGE_LOG_FORMAT=F     --log-format when the flag is not given
  MOONFORGE_LOG_LEVEL=L      --log-level when the flag is not given
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The commands, each loaded when it runs. */
const COMMANDS: Readonly<Record<string, (argv: readonly string[]) => Promise<number> | number>> = {
  run: runCommand,
  compile: async (argv) => (await import('./compile-command.js')).compileCommand(argv),
  check: async (argv) => (await import('./check-command.js')).checkCommand(argv),
  test: async (argv) => (await import('./test-command.js')).testCommand(argv),
  build: async (argv) => (await import('../build/build-command.js')).buildCommand(argv),
  // its templates are of no use to a run
  init: async (argv) => (await import('../init/init-command.js')).initCommand(argv),
};

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    case 'help': {
      // `moonforge help COMMAND`: the command's own usage, as COMMAND --help prints it
      const [topic, extra] = rest;
      if (topic === undefined) {
        process.stdout.write(USAGE);
        return 0;
      }
      if (extra !== undefined || !Object.hasOwn(COMMANDS, topic)) {
        process.stderr.write(`moonforge help: ${extra !== undefined ? `unexpected argument '${extra}'` : `unknown command '${topic}'`}\n${USAGE}`);
        return 2;
      }
      return COMMANDS[topic]!(['--help']);
    }
    case '--version':
    case '-v':
      process.stdout.write(`moonforge ${version()}\n`);
      return 0;
    default:
      if (Object.hasOwn(COMMANDS, cmd)) return COMMANDS[cmd]!(rest);
      process.stderr.write(`moonforge: unknown command '${cmd}'\n${USAGE}`);
      return 2;
  }
}
