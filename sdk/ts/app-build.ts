// The .ts entries of an app (process.lua, function.lua and library.lua entries whose source is a .ts file) built as
// ONE program: type-checked once for the whole app, whatever the number of entries, with the app's tsconfig.json
// when it has one. Their chunk names are their paths relative to the app folder, as for Lua entries.
import { dirname, relative, sep } from 'node:path';
import type { CachedModule } from '../cache.js';
import { buildTsProject, type TsBuildOptions } from './compile-ts.js';
import type { Located } from './ts-diagnostics.js';
import { findConfig, type TsProject } from './ts-project.js';

export interface AppTsBuild {
  modules: Map<string, CachedModule>;
  problems: Located[];
}

/**
 * The program of `files` (absolute .ts paths) of the app in `appRoot`, and how it is built: what the cached build
 * below and a watcher's incremental build (incremental.ts) both take.
 */
export function appTsProject(appRoot: string, files: readonly string[]): { project: TsProject; options: TsBuildOptions } {
  const shown = (p: string): string => {
    const rel = relative(appRoot, p);
    return rel.startsWith('..') ? p : rel.split(sep).join('/');
  };
  const sorted = [...new Set(files)].sort();
  // relative imports become require paths relative to rootDir: the sources' common folder unless tsconfig says
  const rootDir = commonFolder(sorted);
  return {
    project: { rootDir, configPath: findConfig(appRoot), files: sorted, declarationsFolder: rootDir },
    options: { processMode: true, shown },
  };
}

/** Builds `files` (absolute .ts paths) of the app in `appRoot`, through the compile cache. */
export async function buildAppTs(appRoot: string, files: readonly string[]): Promise<AppTsBuild> {
  const { project, options } = appTsProject(appRoot, files);
  const build = await buildTsProject(project, options);
  return { modules: build.modules, problems: build.problems };
}

function commonFolder(files: readonly string[]): string {
  let common = dirname(files[0]!);
  for (const f of files) {
    while (!(dirname(f) + sep).startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}
