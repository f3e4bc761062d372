// The arguments of `moonforge init` and what it prints: usage errors exit 2, a folder it refuses exits 1.
import { initApp } from './init-app.js';
import { parseOptions } from '../cli/parse-options.js';
import { usageError } from '../cli/usage-error.js';

export const INIT_USAGE = `Usage: moonforge init DIR [--ts]

Writes a new moonforge app into DIR (created if missing; it must be empty): src/_index.yaml with a terminal host, a
process host, a root process (app:main) that asks a greeter process for a greeting, a library they share and two
tests; a README and a .gitignore. The sources are Lua unless --ts is given.

Options:
  --ts          TypeScript sources instead: src/*.ts, src/topics.d.ts (the app's typed message topics) and a
                tsconfig.json that names moonforge's declarations as installed (type-checked and transpiled by
                moonforge when the app runs)
  -h, --help    this text

Then:
  npx moonforge run DIR -x app:main [NAME]
  npx moonforge test DIR
`;

const OPTIONS = { ts: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function initCommand(argv: readonly string[]): number {
  const parsed = parseOptions(argv, OPTIONS, { positionals: 'anywhere' });
  if (!parsed.ok) return usageError('init', parsed.message, INIT_USAGE);
  if (parsed.values.help === true) {
    process.stdout.write(INIT_USAGE);
    return 0;
  }
  const [dir, extra] = parsed.positionals;
  if (dir === undefined) return usageError('init', 'missing DIR', INIT_USAGE);
  if (extra !== undefined) return usageError('init', `unexpected argument '${extra}'`, INIT_USAGE);
  const ts = parsed.values.ts === true;
  const result = initApp(dir, { ts });
  if (!result.ok) {
    process.stderr.write(`moonforge init: ${result.message}\n`);
    return 1;
  }
  const shown = /\s/.test(dir) ? JSON.stringify(dir) : dir;
  process.stdout.write(
    `Wrote a ${ts ? 'TypeScript' : 'Lua'} app in ${dir}:\n${result.files.map((f) => `  ${f}\n`).join('')}` +
      `Run it:   npx moonforge run ${shown} -x app:main\nTest it:  npx moonforge test ${shown}\n`,
  );
  return 0;
}
