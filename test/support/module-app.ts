// Platform modules from Lua: one process.lua entry listing `modules`, run as the root process of a fresh app in the
// test process (app-in-process.ts). What main prints (io.print) and returns, and the log records, come back.
import { indexYaml, writeApp } from './app-folder.js';
import { runAppInProcess, type AppRun } from './app-in-process.js';
import type { RunAppOptions } from '../../sdk/run-app.js';

export interface ModuleAppOptions extends RunAppOptions {
  /** more entries of namespace `app` (YAML list items, indented by 2), e.g. the env or store entries main uses */
  entries?: string;
  /** more files of the app (path relative to the app root → text) */
  files?: Record<string, string>;
}

/**
 * Runs `body` as the body of `main()` in a process with `modules` (plus `io`, for io.print). A main that fails
 * gives code 1 and its error on stderr.
 */
export async function runWithModules(modules: string[], body: string, opts: ModuleAppOptions = {}): Promise<AppRun> {
  const { entries = '', files = {}, ...runOpts } = opts;
  const list = [...new Set([...modules, 'io'])].map((m) => `\n      - ${m}`).join('');
  const dir = writeApp({
    ...files,
    'src/_index.yaml': indexYaml(`  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules:${list}\n${entries}`),
    'src/main.lua': `local function main()\n${body}\nend\nreturn { main = main }\n`,
  });
  return runAppInProcess(dir, { exec: 'app:main', ...runOpts });
}
