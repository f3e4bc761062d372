// `moonforge build [APPDIR] -o OUTDIR [--format text|json]`: the command line of build-app.ts. OUTDIR is required:
// a default folder would be a guess about the user's layout, and `dist` inside a project is often something else's.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { OptionSpecs } from '../cli/parse-options.js';
import { commandOptions } from '../cli/command-options.js';
import { FORMAT_OPTION } from '../cli/diagnostic-format.js';
import { usageError } from '../cli/usage-error.js';
import { printCheckReport } from '../check-app.js';
import { buildApp } from './build-app.js';
import { buildSea, seaUnsupported } from './sea.js';

export const BUILD_USAGE = `Usage:
  moonforge build [APPDIR] -o OUTDIR [--sea] [--with-lua-compiler] [--format text|json]

Checks the app in APPDIR (default: the current folder) as \`moonforge check\` does and, when it has no error,
compiles every entry that runs or is imported and bundles them with the runtime and the app's definitions into one
ES module, OUTDIR/app.mjs, with its source map OUTDIR/app.mjs.map. The bundle needs only Node.js:

  node OUTDIR/app.mjs [OPTIONS] [-x NS:NAME | COMMAND | list] [ARGS...]

runs the app as \`moonforge run APPDIR ...\` does. app.mjs alone is enough: its Lua positions need no map file, and
the folder it is in stands for the app's. Files the app names relative to the current folder (an env.storage.file's)
are read there, as under \`moonforge run\`; the bundle carries each as it was in the app's folder at build time and
uses it while the file is absent.

Options:
  -o, --out OUTDIR       the folder app.mjs and app.mjs.map are written to (made when missing)
  --sea                  also OUTDIR/app: one executable holding Node.js and the app, run as \`OUTDIR/app [ARGS]\`
                         on a machine without Node.js (Node's single executable applications; Linux only)
  --with-lua-compiler    also carry the Lua compiler (~150 KB more; no TypeScript), for apps that make or change
                         function, process or library entries with new Lua text through the registry module
                         (changesets, registry.apply_version): compiled in memory while the app runs, never
                         written, their tracebacks naming their Lua lines; every Lua entry of the app is bundled.
                         Without it such an entry fails with APP0017; a .ts entry the bundle lacks fails either way
  --format text|json     how problems are reported: text (default) on stderr, or JSON Lines on stdout
  -h, --help             this text

With a problem that is an error nothing is written, and the exit code is 1.
`;

const BUILD_OPTIONS = {
  out: { type: 'string', short: 'o' },
  ...FORMAT_OPTION,
  help: { type: 'boolean', short: 'h' },
  sea: { type: 'boolean' },
  'with-lua-compiler': { type: 'boolean' },
} as const satisfies OptionSpecs;

function sizeText(path: string): string {
  const bytes = statSync(path).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export async function buildCommand(argv: readonly string[]): Promise<number> {
  const o = commandOptions('build', argv, BUILD_OPTIONS, { positionals: 'anywhere' }, BUILD_USAGE);
  if (!o.ok) return o.exit;
  const { parsed: { values, positionals }, format } = o;
  if (positionals.length > 1) return usageError('build', `unexpected argument '${positionals[1]}'`, BUILD_USAGE);
  if (values.out === undefined) return usageError('build', 'missing -o OUTDIR', BUILD_USAGE);
  // refused before anything is built: the bundle alone is not what was asked for
  const noSea = values.sea === true ? seaUnsupported() : undefined;
  if (noSea !== undefined) {
    process.stderr.write(`moonforge build: --sea: ${noSea}\n`);
    return 1;
  }
  // as for run and check: problems with the folder itself name it by its absolute path
  const dir = resolve(positionals[0] ?? '.');
  const opts = { withLuaCompiler: values['with-lua-compiler'] === true };
  const result = await buildApp(dir, values.out, opts);
  const problems = result.report.records.length > 0 ? printCheckReport(result.report, format) : 0;
  if (result.written === undefined) return 1;
  const rel = relative(process.cwd(), result.written.app);
  const shown = rel.startsWith('..') ? result.written.app : rel;
  process.stderr.write(`moonforge: built ${shown} (${sizeText(result.written.app)}) and its source map\n`);
  if (values.sea === true) {
    let exe: string;
    try {
      exe = await buildSea(result.report.app, values.out, opts);
    } catch (e) {
      process.stderr.write(`moonforge build: --sea: ${(e as Error).message}\n`);
      return 1;
    }
    const exeRel = relative(process.cwd(), exe);
    process.stderr.write(`moonforge: built ${exeRel.startsWith('..') ? exe : exeRel} (${sizeText(exe)}), a single executable\n`);
  }
  return problems;
}
