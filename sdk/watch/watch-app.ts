// `moonforge run --watch APPDIR [-x NS:NAME | COMMAND] [ARGS...]`: runs the app, and on every change of its files
// builds it again (the .ts program incrementally, kept across restarts; Lua through the compile cache) and, when the
// build is clean, stops the running app (CANCEL, a grace, then terminate: bootApp's stop) and starts the new one. A
// build with errors is reported and the running app keeps running. With -x, the root's end does not end the watch:
// the next change starts it again. SIGINT/SIGTERM stops the app and ends the watch with exit code 0.
//
// The app is restarted, not upgraded in place: Wippy's process.upgrade is a process's own choice, made from inside it
// for itself (opt-in, per process), so a watcher has no process to ask; and a restart gives every entry the new code
// at once, as a fresh `moonforge run` would.
import { relative, sep } from 'node:path';
import { jsonLines } from '../../diagnostics/index.js';
import { createStreamLineReader, NodeTimeScheduler, type LineReader } from '../../runtime/process/index.js';
import { AppStartError, createAppRuntime, type AppRuntime } from '../app-runtime.js';
import { overrideReported } from '../app-overrides.js';
import { commandEntry } from '../app-commands.js';
import { bootApp } from '../boot-app.js';
import { firstSignal, loadReported, luaArgs, nothingToBoot, rootProblem, startRoot, stdoutWriter, type RunAppOptions, type StartedApp } from '../run-app.js';
import { watchFolder, type FolderChange } from './file-watcher.js';
import { watchedTsBuild } from './incremental-ts.js';

/**
 * The most a restart waits for the old app's processes to end after their CANCEL before terminating them: a person
 * waits for the restart, so a service's longer `stop_timeout` is cut to this (a shorter one is kept).
 */
export const RESTART_GRACE_MS = 1000;

/** The app running, and how to stop hearing its stderr. */
interface Running {
  started: StartedApp;
  silence(): void;
}

/** An app built and ready to start: its runtime, the clock it runs on, the root entry with -x. */
interface Built {
  ar: AppRuntime;
  time: NodeTimeScheduler;
  exec: string | undefined;
}

export async function watchApp(dir: string, opts: RunAppOptions): Promise<number> {
  const stderr = opts.stderr ?? ((s: string) => process.stderr.write(Buffer.from(s, 'latin1')));
  const std = opts.stdout === undefined ? stdoutWriter() : { write: opts.stdout, flush: () => {} };
  const format = opts.format ?? 'text';
  // one reader of stdin for every run: a stopped app must not close it for the next one
  const input = opts.stdin ?? createStreamLineReader();
  const stdin: LineReader = { readLine: (cb) => input.readLine(cb) };
  const ts = watchedTsBuild();
  let running: Running | undefined;
  let closed = false;

  /** Loads and compiles the app; undefined (its problems written) when it cannot start. */
  const build = async (): Promise<Built | undefined> => {
    const app = await loadReported(dir, format, stderr);
    if (app === undefined || !overrideReported(app, opts, stderr)) return undefined;
    const exec = opts.command === undefined ? opts.exec : commandEntry(app, opts.command);
    if (opts.command !== undefined && exec === undefined) {
      stderr(`moonforge: no command '${opts.command}' in the app (\`moonforge run APPDIR list\` lists them)\n`);
      return undefined;
    }
    const time = new NodeTimeScheduler();
    let ar: AppRuntime;
    try {
      ar = await createAppRuntime(app, { time, write: std.write, stdin, args: luaArgs(opts), log: opts.log, logFormat: opts.logFormat, logLevel: opts.logLevel, tsBuild: ts.build });
    } catch (e) {
      if (!(e instanceof AppStartError)) throw e;
      stderr(`${format === 'json' ? jsonLines(e.records) : e.message}\n`);
      return undefined;
    }
    const problem = exec === undefined ? undefined : rootProblem(ar, exec, opts.host);
    if (problem !== undefined) {
      ar.rt.shutdown();
      stderr(`${problem}\n`);
      return undefined;
    }
    return { ar, time, exec };
  };

  /** Starts a built app; when it ends by itself (the root's end, system.exit) the watch goes on without it. */
  const start = ({ ar, time, exec }: Built): void => {
    // what an app says on stderr once the watcher stops it (its root's end by CANCEL or termination, its services'
    // failures) is the stop's own doing, not news
    let heard = true;
    const say = (s: string): void => {
      if (heard) stderr(s);
    };
    let started: StartedApp;
    if (exec !== undefined) started = startRoot(ar, exec, opts.host, luaArgs(opts), time, std.write, say);
    else {
      const booted = bootApp(ar, { time, stderr: say });
      if (booted.services.length === 0) {
        void booted.stop(0);
        stderr(`${nothingToBoot(ar)}\nmoonforge: watching for changes\n`);
        return;
      }
      started = { booted, ended: ar.exitRequest.made };
    }
    const me: Running = { started, silence: () => (heard = false) };
    running = me;
    void started.ended.then(async (code) => {
      if (running !== me) return; // stopped for a restart or the end of the watch
      running = undefined;
      await started.booted.stop(0);
      std.flush();
      stderr(`moonforge: the app ended (exit code ${code}); watching for changes\n`);
    });
  };

  const stopRunning = async (): Promise<void> => {
    const r = running;
    running = undefined;
    if (r === undefined) return;
    r.silence();
    const grace = Math.min(r.started.booted.stopMs, RESTART_GRACE_MS);
    const terminated = await r.started.booted.stop(grace);
    if (terminated > 0) stderr(`moonforge: terminated ${terminated} process(es) still running after ${grace}ms\n`);
  };

  // changes are built one at a time: those that come during a build are built together after it
  let building: Promise<void> | undefined;
  let queued: FolderChange | undefined;
  const rebuild = async (change: FolderChange | undefined): Promise<void> => {
    const built = await build();
    if (closed) {
      built?.ar.rt.shutdown();
      return;
    }
    const what = change === undefined ? undefined : changedText(dir, change.files);
    if (built === undefined) {
      if (what !== undefined) stderr(`moonforge: ${what} changed: not restarted (the problems above); ${running !== undefined ? 'the app keeps running' : 'watching for changes'}\n`);
      return;
    }
    await stopRunning();
    start(built);
    if (change !== undefined) stderr(`moonforge: ${what} changed, restarted in ${Math.round(performance.now() - change.at)} ms\n`);
  };
  const schedule = (change: FolderChange | undefined): void => {
    if (building !== undefined) {
      if (change !== undefined) queued = queued === undefined ? change : { files: [...new Set([...queued.files, ...change.files])], at: queued.at };
      return;
    }
    building = rebuild(change)
      .catch((e: unknown) => stderr(`moonforge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`))
      .finally(() => {
        building = undefined;
        const next = queued;
        queued = undefined;
        if (next !== undefined && !closed) schedule(next);
      });
  };

  const watcher = watchFolder(dir, true, (change) => {
    ts.changed(change.files);
    schedule(change);
  });
  if (watcher === undefined) return 1;
  schedule(undefined);
  await (opts.shutdownSignal ?? firstSignal());
  closed = true;
  watcher.close();
  await building;
  await stopRunning();
  input.close?.();
  std.flush();
  return 0;
}

/** The changed files as the line about them names them: relative to the app, the first three. */
function changedText(dir: string, files: readonly string[]): string {
  const shown = files.map((f) => relative(dir, f).split(sep).join('/'));
  return shown.length <= 3 ? shown.join(', ') : `${shown.slice(0, 3).join(', ')} and ${shown.length - 3} more`;
}
