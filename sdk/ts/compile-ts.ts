// A TypeScript program through the compile cache, in two steps that never load TypeScript: a key of what decides the
// program before it is read (the files asked for, the tsconfig.json, the folder listings, moonforge's declarations,
// the toolchain's versions, the compiler build) names a manifest, which lists every file the program read with a
// hash of its text, and the compiled module of each file; the build is reused when every listed file is unchanged.
// A miss type-checks and transpiles the whole program once (transpile.ts), gates TSTL's Lua (lua-gate.ts) and
// compiles each file's Lua with positions named in the .ts (lua-origin.ts); a program with problems is not cached,
// so the next run reports them again.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { SourceOrigin } from '../../compiler/index.js';
import { isError } from '../../diagnostics/index.js';
import { cacheDir, cacheKey, hash128, store, type CachedModule } from '../cache.js';
import { toLuaString } from '../lua-string.js';
import { gateLua } from './lua-gate.js';
import { luaOrigin } from './lua-origin.js';
import { bytePositionOfLine, utf8Bytes, type Located } from './ts-diagnostics.js';
import { inputText, listedFiles, sdkDeclarationFiles, type TsProject } from './ts-project.js';
import { declarationPackage, loadToolchain, toolchainVersions } from './toolchain.js';
import { transpileProgram, type TranspiledChunk } from './transpile.js';

export interface TsBuildOptions {
  /** process mode (apps) or plain script */
  processMode: boolean;
  /** a file's path as diagnostics and chunk names show it */
  shown: (path: string) => string;
}

export interface TsBuild {
  ok: boolean;
  /** the compiled module of each file of project.files, by absolute path (all of them when ok) */
  modules: Map<string, CachedModule>;
  problems: Located[];
}

export async function buildTsProject(project: TsProject, opts: TsBuildOptions): Promise<TsBuild> {
  const key = cacheKey([
    'ts-program',
    toolchainVersions(),
    opts.processMode ? 'process' : 'script',
    ...project.files.map((f) => `${f}\0${opts.shown(f)}`),
    ...(project.configPath !== undefined ? [project.configPath, inputText(project.configPath)] : []),
    ...listedFiles(project),
    ...sdkDeclarationFiles().map((p) => `${p}\0${inputText(p)}`),
  ]);
  const hit = readManifest(key);
  if (hit !== undefined && project.files.every((f) => hit.has(f))) return { ok: true, modules: hit, problems: [] };
  const tc = loadToolchain();
  const transpiled = transpileProgram(tc, project, opts.shown);
  const problems = [...transpiled.problems];
  const modules = await compileChunks(transpiled.chunks, project.files, opts, problems);
  const ok = !problems.some((p) => isError(p.diagnostic)) && project.files.every((f) => modules.has(f));
  if (ok) writeManifest(key, transpiled.inputs, modules);
  return { ok, modules, problems };
}

/**
 * TSTL's Lua of `files` through the gate, then (when no problem at all was found, `problems` included) moonforge's
 * compiler, each module stored in the cache by what it is compiled from. Problems are added to `problems`. The gate
 * runs even when the type checker found problems: all of them are reported in one run.
 */
export async function compileChunks(
  chunks: ReadonlyMap<string, TranspiledChunk>,
  files: readonly string[],
  opts: TsBuildOptions,
  problems: Located[],
): Promise<Map<string, CachedModule>> {
  const modules = new Map<string, CachedModule>();
  const gated = new Map<string, SourceOrigin>();
  for (const file of files) {
    const chunk = chunks.get(file);
    if (chunk === undefined) continue;
    const origin = luaOrigin(opts.shown(file), chunk.tsText, chunk.map);
    const gate = gateLua(chunk.lua, origin);
    if (gate === undefined) gated.set(file, origin);
    // the process rules name TSTL's known invalid-Lua cases with a suggestion of their own: the gate's is not repeated
    else if (!problems.some((p) => isError(p.diagnostic) && p.diagnostic.file === gate.file && p.diagnostic.line === gate.line)) {
      problems.push({ diagnostic: gate, source: utf8Bytes(chunk.tsText) });
    }
  }
  if (problems.some((p) => isError(p.diagnostic))) return modules;
  const { compile } = await import('../../compiler/index.js');
  for (const [file, origin] of gated) {
    const chunk = chunks.get(file)!;
    const moduleKey = cacheKey(['ts-module', opts.processMode ? 'process' : 'script', origin.file, chunk.lua, chunk.map, chunk.tsText]);
    const out = compile(chunk.lua, {
      file: origin.file,
      chunkName: toLuaString(origin.file),
      processMode: opts.processMode,
      outName: `${moduleKey}.mjs`,
      origin,
    });
    if (!out.ok) {
      // a limit of moonforge's compiler met by TSTL's output: shown at the .ts line it came from
      for (const d of out.diagnostics) {
        const at = origin.position(d.line, Math.max(0, d.column - 1));
        const diagnostic = { ...d, file: origin.file, ...bytePositionOfLine(chunk.tsText, at.line, at.column) };
        problems.push({ diagnostic, source: utf8Bytes(chunk.tsText) });
      }
      continue;
    }
    modules.set(file, store(moduleKey, out.code, out.map));
  }
  return modules;
}

function manifestPath(key: string): string {
  return join(cacheDir(), `${key}.ts.json`);
}

interface Manifest {
  /** each file the program read, with the hash of its text then */
  inputs: [string, string][];
  modules: [string, CachedModule][];
}

/** The stored build of `key`, when every file it read is as it was and its modules are still there. */
function readManifest(key: string): Map<string, CachedModule> | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(key), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (!manifest.inputs.every(([path, hash]) => hash128(inputText(path)) === hash)) return undefined;
  if (!manifest.modules.every(([, m]) => existsSync(m.jsPath))) return undefined;
  return new Map(manifest.modules);
}

/** Written atomically (concurrent runs may build the same program). */
function writeManifest(key: string, inputs: readonly string[], modules: Map<string, CachedModule>): void {
  // moonforge's own packages (lua-types, TSTL's extensions) are covered by the toolchain versions in the key
  const own = ['lua-types', '@typescript-to-lua/language-extensions'].map((n) => declarationPackage(n) + sep);
  const read = inputs.filter((p) => !own.some((dir) => p.startsWith(dir)));
  const manifest: Manifest = { inputs: read.map((p) => [p, hash128(inputText(p))]), modules: [...modules] };
  const path = manifestPath(key);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, path);
}
