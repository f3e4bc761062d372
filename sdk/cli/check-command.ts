// `moonforge check [--format text|json] [APPDIR]`: every problem of an app in one run, nothing run (sdk/check-app.ts).
import { resolve } from 'node:path';
import { commandOptions } from './command-options.js';
import { FORMAT_OPTION } from './diagnostic-format.js';
import { isAppFolder, noAppHere } from './app-folder.js';
import { usageError } from './usage-error.js';

export const CHECK_USAGE = `Usage:
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
  -h, --help           this text
`;

const OPTIONS = { ...FORMAT_OPTION, help: { type: 'boolean', short: 'h' } } as const;

export async function checkCommand(argv: readonly string[]): Promise<number> {
  const o = commandOptions('check', argv, OPTIONS, { positionals: 'anywhere' }, CHECK_USAGE);
  if (!o.ok) return o.exit;
  let [dir, extra] = o.parsed.positionals;
  if (extra !== undefined) return usageError('check', `unexpected argument '${extra}'`, CHECK_USAGE);
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
  return check(resolve(dir), o.format);
}
