// What one TypeScript program is made of: its root files (the .ts sources of an app's entries, or one script), the
// tsconfig.json it is configured by (the app's own, else moonforge's defaults) and the options moonforge always
// imposes, because the Lua it runs and the way processes bind modules depend on them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompilerOptions } from 'typescript-to-lua';
import { declarationPackage, packageRoot, type Toolchain } from './toolchain.js';

export interface TsProject {
  /** the folder the program's sources live in: require paths of relative imports are relative to it (rootDir) */
  rootDir: string;
  /** the app's or the script's tsconfig.json, when it has one */
  configPath?: string;
  /** the .ts files to compile (entries, or the script) */
  files: string[];
  /** without a tsconfig.json: the folder whose .d.ts files are part of the program (an app's sources) */
  declarationsFolder?: string;
}

/** Source folders that are never part of a program. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.wippy']);

/** The tsconfig.json of `dir`, if it has one. */
export function findConfig(dir: string): string | undefined {
  const p = join(dir, 'tsconfig.json');
  return existsSync(p) ? p : undefined;
}

/**
 * The files found by listing folders, which decide what the program is before TypeScript is loaded: with a
 * tsconfig.json, every .ts file below its folder (what its `include` may take); without one, the .d.ts files below
 * `declarationsFolder` (an app's topic contracts), which become root files. Sorted, so keys do not depend on
 * directory order.
 */
export function listedFiles(project: TsProject): string[] {
  const configDir = project.configPath === undefined ? undefined : dirname(project.configPath);
  const folder = configDir ?? project.declarationsFolder;
  if (folder === undefined) return [];
  const out: string[] = [];
  const wanted = configDir !== undefined ? (name: string) => name.endsWith('.ts') : (name: string) => name.endsWith('.d.ts');
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (SKIP_DIRS.has(name)) continue;
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (wanted(name)) out.push(p);
    }
  };
  walk(folder);
  return out;
}

/** moonforge's declarations (types/**\/*.d.ts), the ambient globals and modules of every process. */
export function sdkDeclarationFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.d.ts')) out.push(p);
    }
  };
  const types = join(packageRoot(), 'types');
  if (existsSync(types)) walk(types);
  return out;
}

/**
 * The declaration files every program starts from: moonforge's, TSTL's language extensions (LuaMultiReturn, ...)
 * and the Lua 5.4 standard library. Given as root files rather than `types`, so they resolve from moonforge
 * wherever the app is, and no `@types` package (above all @types/node, whose `process` is not ours) is
 * ever loaded.
 */
function declarationRoots(): string[] {
  return [
    join(declarationPackage('@typescript-to-lua/language-extensions'), 'index.d.ts'),
    join(declarationPackage('lua-types'), '5.4.d.ts'),
    ...sdkDeclarationFiles(),
  ];
}

export interface ProgramConfig {
  rootNames: string[];
  options: CompilerOptions;
  /** problems of the tsconfig.json itself */
  configErrors: import('typescript').Diagnostic[];
}

/**
 * The options of the program: the tsconfig's (when there is one), with what moonforge needs imposed over them. Lua
 * target 5.4 (goto-based continue, native bitwise operators; luaparse's 5.3 grammar reads all of it, facts §1.4),
 * self-less functions, strict (else free functions get `_G` as self), the lualib inlined (below), source maps on,
 * and every require left to the process's own `require`, which returns what the entry's `modules:` and `imports:`
 * bound (spec §1.5): `import * as time from "time"` and `import * as util from "./util"` become `require("time")` and
 * `require("util")`.
 *
 * The lualib is inlined: each chunk carries only the helpers it uses, run once per process with the chunk. With
 * `require`, the 85 KB bundle (1.2 MB of JS once compiled) would be a library every process runs before its main,
 * whatever it uses: measured on a process using a class, Array.map and a Map, 468 µs per spawn-and-run with the
 * bundle as an imported library against 138 µs inlined (46 µs for the same work in plain Lua).
 */
export function programConfig({ ts, tstl }: Toolchain, project: TsProject): ProgramConfig {
  let base: import('typescript').CompilerOptions = {};
  let configFiles: string[] = [];
  const configErrors: import('typescript').Diagnostic[] = [];
  if (project.configPath !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(project.configPath, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
    });
    if (parsed !== undefined) {
      base = parsed.options;
      configFiles = parsed.fileNames;
      // a `types` entry the app names for its editor is replaced by the roots below: not an error here
      configErrors.push(...parsed.errors.filter((d) => d.code !== 2688));
    }
  }
  const rootDir = base.rootDir ?? project.rootDir;
  const options: CompilerOptions = {
    ...base,
    target: ts.ScriptTarget.ESNext,
    lib: ['lib.esnext.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    types: [],
    rootDir,
    outDir: rootDir,
    noEmit: false,
    noEmitOnError: false,
    declaration: false,
    composite: false,
    incremental: false,
    sourceMap: true,
    inlineSourceMap: false,
    luaTarget: tstl.LuaTarget.Lua54,
    noImplicitSelf: true,
    luaLibImport: tstl.LuaLibImportKind.Inline,
    noResolvePaths: ['**'],
    noHeader: true,
    luaBundle: undefined,
    luaBundleEntry: undefined,
  };
  const own = project.configPath === undefined ? listedFiles(project) : configFiles;
  const rootNames = [...new Set([...declarationRoots(), ...own, ...project.files])];
  return { rootNames, options, configErrors };
}

/** The text of a file as the cache key reads it (bytes as latin1 chars), or a marker when it cannot be read. */
export function inputText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch (e) {
    return `\u0100unreadable ${(e as NodeJS.ErrnoException).code ?? ''}`;
  }
}
