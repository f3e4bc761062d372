// TypeScript → Lua for one program: type-check it whole (every problem of every file, one run), then TSTL over the
// files asked for, its output kept in memory (Lua text and source map per .ts file). Nothing here caches or runs.
import type * as ts from 'typescript';
import { isError } from '../../diagnostics/index.js';
import { convertDiagnostic, utf8Bytes, type Located } from './ts-diagnostics.js';
import { programConfig, type TsProject } from './ts-project.js';
import { checkProcessRules, createProcessRulesPlugin } from './plugin/index.js';
import type { Toolchain } from './toolchain.js';

export interface TranspiledChunk {
  /** the Lua TSTL emitted, as bytes (latin1 chars of its UTF-8), as moonforge's compiler reads Lua */
  lua: string;
  /** TSTL's source map of it (Lua → .ts) */
  map: string;
  /** the .ts text */
  tsText: string;
}

export interface TranspileResult {
  /** by absolute .ts path, for each file of project.files that compiled */
  chunks: Map<string, TranspiledChunk>;
  problems: Located[];
  ok: boolean;
  /** every file the program read but TypeScript's own lib: what the compile cache checks a stored build against */
  inputs: string[];
}

export function transpileProgram(tc: Toolchain, project: TsProject, shown: (path: string) => string): TranspileResult {
  const { ts } = tc;
  const config = programConfig(tc, project);
  const program = ts.createProgram({ rootNames: config.rootNames, options: config.options as ts.CompilerOptions });
  const diagnostics: ts.Diagnostic[] = [...config.configErrors, ...ts.getPreEmitDiagnostics(program)];
  return transpileFiles(tc, program, diagnostics, project.files, shown);
}

/**
 * TSTL over `files` of a type-checked `program` (an incremental build passes only the files a change affected),
 * with the process rules; `diagnostics` are the checker's, reported with TSTL's and the rules'.
 */
export function transpileFiles(
  tc: Toolchain,
  program: ts.Program,
  diagnostics: readonly ts.Diagnostic[],
  files: readonly string[],
  shown: (path: string) => string,
): TranspileResult {
  const { ts, tstl } = tc;
  const all = [...diagnostics];
  const wanted = new Set(files.map((f) => ts.sys.resolvePath(f)));
  const sourceFiles = program.getSourceFiles().filter((sf) => wanted.has(ts.sys.resolvePath(sf.fileName)));
  const lua = new Map<string, { code?: string; map?: string; sf: ts.SourceFile }>();
  const emit = (): { diagnostics: readonly ts.Diagnostic[] } => new tstl.Transpiler().emit({
    program,
    sourceFiles,
    // what cannot work in a moonforge process, as MF9xxx errors with a suggestion (plugin/catalogue.ts)
    plugins: [createProcessRulesPlugin(ts)],
    writeFile: (name, text, _bom, _onError, emitted) => {
      const sf = emitted?.[0];
      if (sf === undefined) return;
      const slot = lua.get(sf.fileName) ?? { sf };
      if (name.endsWith('.map')) slot.map = text;
      else slot.code = text;
      lua.set(sf.fileName, slot);
    },
  });
  all.push(...emitOrExplain(ts, program, emit, () => lua.clear()));
  const problems = all.map((d) => convertDiagnostic(ts, d, shown));
  const chunks = new Map<string, TranspiledChunk>();
  for (const { code, map, sf } of lua.values()) {
    if (code !== undefined && map !== undefined) chunks.set(ts.sys.resolvePath(sf.fileName), { lua: utf8Bytes(code), map, tsText: sf.text });
  }
  const inputs = program.getSourceFiles().filter((sf) => !program.isSourceFileDefaultLibrary(sf)).map((sf) => sf.fileName);
  return { chunks, problems, ok: !problems.some((p) => isError(p.diagnostic)), inputs };
}

/**
 * TSTL's diagnostics; when TSTL throws instead (it does on a few constructs, #private names among them), the process
 * rules' findings, which name those constructs at their .ts position: the exception went past the plugin's report.
 * An exception the rules cannot explain is TSTL's own failure and goes on up.
 */
function emitOrExplain(ts: Toolchain['ts'], program: ts.Program, emit: () => { diagnostics: readonly ts.Diagnostic[] }, discard: () => void): readonly ts.Diagnostic[] {
  try {
    return emit().diagnostics;
  } catch (e) {
    const found = checkProcessRules(ts, program);
    if (found.length === 0) throw e;
    discard();
    return found;
  }
}
