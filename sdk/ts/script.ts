// `moonforge run FILE.ts`: the script is a program of its own (with the tsconfig.json of its folder, when there is
// one), compiled through the cache as a plain script; its problems come back rendered, ready for stderr.
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { unreadableFile, type DiagnosticFormat } from '../../diagnostics/index.js';
import type { CachedModule } from '../cache.js';
import { buildTsProject } from './compile-ts.js';
import { renderLocated } from './ts-diagnostics.js';
import { findConfig } from './ts-project.js';

export type ScriptBuild = { ok: true; module: CachedModule } | { ok: false; rendered: string };

/** Compiles the script at `path` (as the user named it: diagnostics and the chunk name show it so). */
export async function compileTsScript(path: string, format: DiagnosticFormat): Promise<ScriptBuild> {
  const file = resolve(path);
  try {
    readFileSync(file);
  } catch (e) {
    // reported as for a .lua file, before TypeScript is loaded for nothing
    return { ok: false, rendered: renderLocated(format, [{ diagnostic: unreadableFile(path, e) }]) };
  }
  const dir = dirname(file);
  const build = await buildTsProject(
    { rootDir: dir, configPath: findConfig(dir), files: [file] },
    { processMode: false, shown: (p) => (p === file ? path : p) },
  );
  const module = build.modules.get(file);
  if (build.ok && module !== undefined) return { ok: true, module };
  return { ok: false, rendered: renderLocated(format, build.problems) };
}
