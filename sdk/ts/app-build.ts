// The .ts entries of an app (process.lua, function.lua and library.lua entries whose source is a .ts file) built as
// ONE program: type-checked once for the whole app, whatever the number of entries, with the app's tsconfig.json
// when it has one. Their chunk names are their paths relative to the app folder, as for Lua entries.
import { dirname, relative, sep } from 'node:path';
import type { CachedModule } from '../cache.js';
import { buildTsProject } from './compile-ts.js';
import type { Located } from './ts-diagnostics.js';
import { findConfig } from './ts-project.js';

export interface AppTsBuild {
  modules: Map<string, CachedModule>;
  problems: Located[];
}


/** Builds `files` (absolute .ts paths) of the app in `appRoot`. */
export async function buildAppTs(appRoot: string, files: readonly string[]): Promise<AppTsBuild> {
  const shown = (p: string): string => {
    const rel = relative(appRoot, p);
    return rel.startsWith('..') ? p : rel.split(sep).join('/');
  };
  const sorted = [...new Set(files)].sort();
  // relative imports become require paths relative to rootDir: the sources' common folder unless tsconfig says
  const rootDir = commonFolder(sorted);
  const build = await buildTsProject(
    { rootDir, configPath: findConfig(appRoot), files: sorted, declarationsFolder: rootDir },
    { processMode: true, shown },
  );
  return { modules: build.modules, problems: build.problems };
}

function commonFolder(files: readonly string[]): string {
  let common = dirname(files[0]!);
  for (const f of files) {
    while (!(dirname(f) + sep).startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}
