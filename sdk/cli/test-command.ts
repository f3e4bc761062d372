// `moonforge test [APPDIR] [PATTERN...] [OPTIONS]`: the app's tests (sdk/test-runner/; options.ts parses).
import { resolve } from 'node:path';
import { isAppFolder, isDirectory, noAppHere } from './app-folder.js';
import { usageError } from './usage-error.js';

export async function testCommand(argv: readonly string[]): Promise<number> {
  // Loaded only for this command, as for apps: a plain script run never pays for the runner.
  const { parseTestArgs, TEST_USAGE } = await import('../test-runner/options.js');
  let parsed = parseTestArgs(argv);
  // No APPDIR, or a first PATTERN that is no folder: the current folder is the app when it is one. An error that
  // naming an app mends is the missing APPDIR.
  const here = process.cwd();
  const withHere = parseTestArgs([here, ...argv]);
  const namesNoApp = parsed.type === 'error' ? withHere.type !== 'error' : parsed.type === 'run' && !isDirectory(parsed.options.app);
  if (namesNoApp && isAppFolder(here)) parsed = withHere;
  else if (namesNoApp && parsed.type === 'error') {
    process.stderr.write(`${noAppHere('test', 'missing APPDIR')}${TEST_USAGE}`);
    return 2;
  }
  if (parsed.type === 'help') {
    process.stdout.write(TEST_USAGE);
    return 0;
  }
  if (parsed.type === 'error') return usageError('test', parsed.message, TEST_USAGE);
  // as for run: problems with the folder itself name it by its absolute path
  parsed.options.app = resolve(parsed.options.app);
  const { runTests } = await import('../test-runner/run-tests.js');
  return runTests(parsed.options);
}
