// dist/app-run.cjs (`moonforge run APPDIR`'s code, esbuild.config.mjs) loaded through the code cache: one module with
// the loader and the import() the build's importUrl calls, so that the CLI imports one chunk for both.
import { importUrl } from '../import-url.js';
import { loadCodeCached, type CodeCached } from './load.js';

export type AppRunPath = typeof import('../cli/app-run-path.js');

/**
 * The V8 flags the process runtime sets when it loads (runtime/process/process-runtime.ts): the build's code cache is
 * made and used under them.
 */
const APP_RUN_FLAGS = ['--no-allocation-site-pretenuring', '--enable-experimental-regexp-engine-on-excessive-backtracks'];

/** Loads the build with the code cache of the runs of the app in folder `appDir` (the parts it uses are its own). */
export function loadAppRunBuild(file: string, appDir: string): CodeCached<AppRunPath> {
  return loadCodeCached<AppRunPath>(file, APP_RUN_FLAGS, importUrl, appDir);
}
