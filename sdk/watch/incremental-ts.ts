// The .ts build a watcher keeps across restarts: one incremental build (ts/incremental.ts) per program, that is per
// app folder, set of .ts entries and tsconfig.json; a change of any of them starts a new one (a cold build).
import { basename } from 'node:path';
import type { TsEntriesBuild } from '../app-runtime.js';
import type { IncrementalTsBuild } from '../ts/incremental.js';

export interface WatchedTsBuild {
  /** what createAppRuntime builds the app's .ts entries with */
  build: TsEntriesBuild;
  /** files changed since the last build (absolute paths): the next build re-checks what they affect */
  changed(files: readonly string[]): void;
}

export function watchedTsBuild(): WatchedTsBuild {
  let key: string | undefined;
  let incremental: IncrementalTsBuild | undefined;
  let changed: string[] = [];
  return {
    async build(root, files) {
      const k = [root, ...[...files].sort()].join('\0');
      if (k !== key || incremental === undefined) {
        // loaded at the first .ts build only: a Lua app under --watch never loads TypeScript
        const [{ appTsProject }, { createIncrementalTsBuild }] = await Promise.all([import('../ts/app-build.js'), import('../ts/incremental.js')]);
        const { project, options } = appTsProject(root, files);
        incremental = createIncrementalTsBuild(project, options);
        key = k;
        changed = [];
      }
      const since = changed;
      changed = [];
      return incremental.rebuild(since);
    },
    changed(files) {
      // the program's options are read when it is made: a new tsconfig.json is a new program
      if (files.some((f) => basename(f) === 'tsconfig.json')) incremental = undefined;
      changed.push(...files);
    },
  };
}
