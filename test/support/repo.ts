// Where the tests find the repository and the built command: child processes run from REPO_ROOT so that relative
// chunk names in messages read the same under lua5.1 and moonforge.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The `moonforge` command (bin/moonforge.mjs → dist/cli.mjs: run `node esbuild.config.mjs` first). */
export const MOONFORGE_BIN = join(REPO_ROOT, 'bin/moonforge.mjs');
/** A child interpreter's time limit unless a test says otherwise. */
export const RUN_TIMEOUT_MS = 10_000;
