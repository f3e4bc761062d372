// `moonforge run --watch FILE.lua|FILE.ts [ARGS...]`: runs the script, and again after every change of a source in
// its folder (a .ts script's imports and tsconfig.json live there), once it builds cleanly: a .lua file through the
// compile cache, a .ts program incrementally (kept between runs). A script runs to its end (it cannot suspend), so
// there is nothing to stop; a build with errors is reported and the watch goes on.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderDiagnosticsAs, unreadableFile, type DiagnosticFormat } from '../../diagnostics/index.js';
import type { CachedModule } from '../cache.js';
import { compileFileCached } from '../compile-cached.js';
import { runCompiled } from '../run-file.js';
import type { IncrementalTsBuild } from '../ts/incremental.js';
import { watchFolder, type FolderChange } from './file-watcher.js';

export async function watchScript(path: string, args: string[], format: DiagnosticFormat): Promise<number> {
  const file = resolve(path);
  const dir = dirname(file);
  // a script that cannot be read at the start is reported as `run` reports it, not waited for
  try {
    statSync(file);
  } catch (e) {
    process.stderr.write(`${renderDiagnosticsAs(format, [unreadableFile(path, e)])}\n`);
    return 1;
  }
  let tsBuild: IncrementalTsBuild | undefined;
  let changedTs: string[] = [];

  /** The script's module, or undefined with its problems written. */
  const build = async (): Promise<CachedModule | undefined> => {
    if (!file.endsWith('.ts')) {
      const out = await compileFileCached(path, path);
      if (out.ok) return { jsPath: out.jsPath!, mapPath: out.mapPath! };
      process.stderr.write(`${renderDiagnosticsAs(format, out.diagnostics, out.source)}\n`);
      return undefined;
    }
    if (tsBuild === undefined || changedTs.some((f) => f.endsWith('tsconfig.json'))) {
      const [{ createIncrementalTsBuild }, { findConfig }] = await Promise.all([import('../ts/incremental.js'), import('../ts/ts-project.js')]);
      tsBuild = createIncrementalTsBuild(
        { rootDir: dir, configPath: findConfig(dir), files: [file] },
        { processMode: false, shown: (p) => (p === file ? path : p) },
      );
      changedTs = [];
    }
    const since = changedTs;
    changedTs = [];
    const built = await tsBuild.rebuild(since);
    const module = built.modules.get(file);
    if (built.ok && module !== undefined) return module;
    const { renderLocated } = await import('../ts/ts-diagnostics.js');
    process.stderr.write(`${renderLocated(format, built.problems)}\n`);
    return undefined;
  };

  let stop: (sig: string) => void = () => {};
  const stopped = new Promise<string>((r) => (stop = r));
  const run = async (change: FolderChange | undefined): Promise<void> => {
    const module = await build();
    if (module === undefined) {
      if (change !== undefined) process.stderr.write(`moonforge: ${path} changed: not run (the problems above); watching for changes\n`);
      return;
    }
    if (change !== undefined) process.stderr.write(`moonforge: ${path} changed, restarted in ${Math.round(performance.now() - change.at)} ms\n`);
    // the script runs on this thread to its end: while it runs, Ctrl+C is left to Node's default (it ends the
    // program), as a script that never ends could not be interrupted otherwise
    detach();
    let code: number;
    try {
      code = await runCompiled(module, path, args);
    } finally {
      attach();
    }
    process.stderr.write(`moonforge: ${path} ended (exit code ${code}); watching for changes\n`);
  };
  const attach = (): void => {
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  };
  const detach = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  attach();

  // runs one at a time, in the order of the changes
  let running = Promise.resolve();
  const queue = (change: FolderChange | undefined): void => {
    running = running
      .then(() => run(change))
      .catch((e: unknown) => void process.stderr.write(`moonforge: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
  };
  const watcher = watchFolder(dir, false, (change) => {
    // a Lua script is its one file; a TypeScript one may import any .ts beside it
    if (!file.endsWith('.ts') && !change.files.includes(file)) return;
    changedTs.push(...change.files);
    queue(change);
  });
  if (watcher === undefined) {
    detach();
    return 1;
  }
  queue(undefined);
  await stopped;
  detach();
  watcher.close();
  return 0;
}
