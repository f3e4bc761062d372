// The compiling chunk loader of an app runtime (app-runtime.ts ChunkLoader): each Lua entry through the compile cache
// in process mode, the app's .ts entries first as one TypeScript program (ts/app-build.ts, loaded only for them).
// app-runtime.ts loads this module only when it has no prebuilt chunks, so a bundle (sdk/bundle/), which runs the
// chunks it was built with, never reaches the compiler.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledChunkModule } from '../runtime/index.js';
import { isLuaEntry, type CompiledChunk, type LuaEntry } from '../runtime/process/index.js';
import type { ChunkLoader, EntrySet, StartProblem, TsEntriesBuild } from './app-runtime.js';
import { readMap, type CachedModule } from './cache.js';
import { compileFileCached, compileSourceCached } from './compile-cached.js';
import { importUrl } from './import-url.js';

/** The name a Lua entry's chunk has in errors and tracebacks: its file relative to the app, or the entry's id. */
export function chunkNameOf(app: EntrySet, e: LuaEntry): string {
  if (e.source.type === 'file') {
    const rel = relative(app.root, e.source.path);
    return rel.startsWith('..') ? e.source.path : rel.split(sep).join('/');
  }
  // inline code: name the chunk after the entry, as Wippy names it in errors
  return e.id;
}

/** The compiled modules of an app's .ts entries, by source path (their problems are reported once, by the build). */
export type TsModules = ReadonlyMap<string, CachedModule>;

/**
 * The compiled module of entry `e` as the compile cache holds it (its .mjs and .mjs.map files); undefined, with its
 * problems added to `problems`, when it does not compile.
 */
export async function compileEntryModule(app: EntrySet, e: LuaEntry, problems: StartProblem[], tsModules: TsModules): Promise<CachedModule | undefined> {
  if (e.source.type === 'file' && e.source.path.endsWith('.ts')) return tsModules.get(e.source.path);
  const chunkName = chunkNameOf(app, e);
  const out =
    e.source.type === 'file'
      ? await compileFileCached(e.source.path, chunkName, true)
      : await compileSourceCached(Buffer.from(e.source.code, 'utf8').toString('latin1'), chunkName, true);
  if (!out.ok) {
    for (const diagnostic of out.diagnostics) problems.push({ diagnostic, source: out.source });
    return undefined;
  }
  return { jsPath: out.jsPath!, mapPath: out.mapPath! };
}

/** The kinds whose `.ts` sources are built: what runs (processes, functions) and what they import (libraries). */
const TS_KINDS = new Set(['process.lua', 'function.lua', 'library.lua']);

/**
 * Builds every .ts entry of `app` as one program (the type checker runs once for the app), when it has any; its
 * problems are added to `problems`.
 */
export async function buildTsEntries(app: EntrySet, problems: StartProblem[], tsBuild?: TsEntriesBuild): Promise<TsModules> {
  const files: string[] = [];
  for (const e of app.entries.values()) {
    if (isLuaEntry(e) && TS_KINDS.has(e.kind) && e.source.type === 'file' && e.source.path.endsWith('.ts')) files.push(e.source.path);
  }
  if (files.length === 0) return new Map();
  const build = tsBuild !== undefined ? await tsBuild(app.root, files) : await (await import('./ts/app-build.js')).buildAppTs(app.root, files);
  problems.push(...build.problems);
  return build.modules;
}

/** Compiles each entry (the .ts ones built first, as one program) and imports its module from the compile cache. */
export function compilingLoader(tsBuild?: TsEntriesBuild): ChunkLoader {
  return async (app, problems) => {
    const tsModules = await buildTsEntries(app, problems, tsBuild);
    return async (e) => {
      const compiled = await compileEntryModule(app, e, problems, tsModules);
      if (compiled === undefined) return undefined;
      const url = pathToFileURL(compiled.jsPath).href;
      const module = (await importUrl(url)) as CompiledChunkModule;
      const mapPath = compiled.mapPath;
      const chunk: CompiledChunk = { module, url, map: () => readMap(mapPath) };
      return chunk;
    };
  };
}
