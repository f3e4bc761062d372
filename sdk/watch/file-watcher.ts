// Watching a folder for the files a build reads: fs.watch (recursive on Linux since Node 19.1), its bursts of events
// (an editor's save is often a write, a rename and a chmod; `git checkout` touches many files) gathered into one call
// once the folder has been quiet for DEBOUNCE_MS.
import { watch, type FSWatcher } from 'node:fs';
import { resolve, sep } from 'node:path';

/** How long the folder stays quiet before a burst of events counts as one change. */
export const DEBOUNCE_MS = 50;

/** What a build reads: sources, definition files (`_index.yaml`, `.wippy.yaml`), tsconfig.json, wippy.lock. */
const WATCHED = /\.(lua|ts|ya?ml|json)$|(^|[/\\])wippy\.lock$/;
/** Folders no build reads from: an editor or a package manager writing there is no change of the app. */
const IGNORED = /(^|[/\\])(node_modules|\.git)([/\\]|$)/;

export interface FolderChange {
  /** the changed files, absolute, in the order first seen */
  files: string[];
  /** performance.now() at the first event of the burst */
  at: number;
}

export interface FolderWatcher {
  close(): void;
}

/**
 * Watches `dir`; a folder that cannot be watched (gone, or the system's inotify watches used up: ENOSPC) is said on
 * stderr and gives undefined.
 */
export function watchFolder(dir: string, recursive: boolean, onChange: (change: FolderChange) => void): FolderWatcher | undefined {
  let pending: FolderChange | undefined;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive }, onEvent);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`moonforge: cannot watch ${dir} (${err.code ?? err.message})\n`);
    return undefined;
  }
  // a folder removed while watched, or a watch that fails later: said once, the watch stops
  watcher.on('error', (e: NodeJS.ErrnoException) => process.stderr.write(`moonforge: watching ${dir} stopped (${e.code ?? e.message})\n`));
  function onEvent(_event: string, name: string | Buffer | null): void {
    if (name === null) return;
    const file = name.toString();
    if (!WATCHED.test(file) || IGNORED.test(file)) return;
    pending ??= { files: [], at: performance.now() };
    const path = resolve(dir, file.split('/').join(sep));
    if (!pending.files.includes(path)) pending.files.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = pending!;
      pending = undefined;
      onChange(change);
    }, DEBOUNCE_MS);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
