// A TypeScript program through the compile cache: the key covers every input (the .ts files, the tsconfig.json,
// moonforge's declarations, the toolchain's versions, the compiler build), and a hit reads a small manifest naming
// the compiled module of each file, without loading TypeScript. A miss type-checks and transpiles the whole program
// once (transpile.ts), gates TSTL's Lua (lua-gate.ts) and compiles each file's Lua with positions named in the .ts
// (lua-origin.ts); a program with problems is not cached, so the next run reports them again.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceOrigin } from '../../compiler/index.js';
import { isError } from '../../diagnostics/index.js';
import { cacheDir, cacheKey, store, type CachedModule } from '../cache.js';
import { toLuaString } from '../lua-string.js';
import { gateLua } from './lua-gate.js';
import { luaOrigin } from './lua-origin.js';
import { bytePositionOfLine, utf8Bytes, type Located } from './ts-diagnostics.js';
import { inputText, programInputs, type TsProject } from './ts-project.js';
import { loadToolchain, toolchainVersions } from './toolchain.js';
import { transpileProgram } from './transpile.js';

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
  const inputs = programInputs(project);
  const key = cacheKey([
    'ts-program',
    toolchainVersions(),
    opts.processMode ? 'process' : 'script',
    ...project.files.map((f) => `${f}\0${opts.shown(f)}`),
    ...inputs.map((p) => `${p}\0${inputText(p)}`),
  ]);
  const hit = readManifest(key);
  if (hit !== undefined && project.files.every((f) => hit.has(f))) return { ok: true, modules: hit, problems: [] };
  const tc = loadToolchain();
  const transpiled = transpileProgram(tc, project, opts.shown);
  const problems = [...transpiled.problems];
  const modules = new Map<string, CachedModule>();
  // The gate runs even when the type checker found problems: all of them are reported in one run.
  const gated = new Map<string, SourceOrigin>();
  for (const file of project.files) {
    const chunk = transpiled.chunks.get(file);
    if (chunk === undefined) continue;
    const origin = luaOrigin(opts.shown(file), chunk.tsText, chunk.map);
    const gate = gateLua(chunk.lua, origin);
    if (gate === undefined) gated.set(file, origin);
    else problems.push({ diagnostic: gate, source: utf8Bytes(chunk.tsText) });
  }
  if (!problems.some((p) => isError(p.diagnostic))) {
    const { compile } = await import('../../compiler/index.js');
    for (const [file, origin] of gated) {
      const chunk = transpiled.chunks.get(file)!;
      const moduleKey = cacheKey([key, file]);
      const out = compile(chunk.lua, { file: origin.file, chunkName: toLuaString(origin.file), processMode: opts.processMode, outName: `${moduleKey}.mjs`, origin });
      if (!out.ok) {
        // a limit of moonforge's compiler met by TSTL's output: shown at the .ts line it came from
        for (const d of out.diagnostics) {
          const at = origin.position(d.line, Math.max(0, d.column - 1));
          problems.push({ diagnostic: { ...d, file: origin.file, ...bytePositionOfLine(chunk.tsText, at.line, at.column) }, source: utf8Bytes(chunk.tsText) });
        }
        continue;
      }
      modules.set(file, store(moduleKey, out.code, out.map));
    }
  }
  const ok = !problems.some((p) => isError(p.diagnostic)) && project.files.every((f) => modules.has(f));
  if (ok) writeManifest(key, modules);
  return { ok, modules, problems };
}

function manifestPath(key: string): string {
  return join(cacheDir(), `${key}.ts.json`);
}

function readManifest(key: string): Map<string, CachedModule> | undefined {
  try {
    const entries = JSON.parse(readFileSync(manifestPath(key), 'utf8')) as [string, CachedModule][];
    if (!entries.every(([, m]) => existsSync(m.jsPath))) return undefined;
    return new Map(entries);
  } catch {
    return undefined;
  }
}

/** Written atomically (concurrent runs may build the same program). */
function writeManifest(key: string, modules: Map<string, CachedModule>): void {
  const path = manifestPath(key);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify([...modules]));
  renameSync(tmp, path);
}
