// The one way to run an app folder inside the test process: `moonforge run APPDIR` as sdk/run-app.ts runs it,
// capturing what the app prints and reports. Write the folder with app-folder.ts.
import { runApp, type RunAppOptions } from '../../sdk/run-app.js';
import type { LogRecord } from '../../runtime/modules/index.js';

// app runs here compile without the disk cache: a test sees its own sources, never another run's
process.env.MOONFORGE_CACHE ??= 'off';

export interface AppRun {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
  /** the logger module's records (every level, unless `log` or `logLevel` is given) */
  logs: LogRecord[];
}

/** Runs the app in `dir` to its end; returns its exit code and what it wrote. */
export async function runAppInProcess(dir: string, opts: RunAppOptions = {}): Promise<AppRun> {
  let stdout = '';
  let stderr = '';
  const logs: LogRecord[] = [];
  const code = await runApp(dir, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    log: (r) => logs.push(r),
    ...opts,
  });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== ''), logs };
}
