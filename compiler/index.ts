// The compiler's public API: Lua (or Wippy typed Lua) source in, an ES module with its source map and the diagnostics
// out. Build-time only: nothing here is needed to run compiled code.
import { parseLua } from './parse.js';
import { analyzeChunk } from './analyze/analyze.js';
import { ChunkEmitter } from './emit/context.js';
import { emitModule } from './emit/module.js';
import { EscapeError } from './strings.js';
import { positionOf, type Diagnostic } from './diagnostics.js';
import { prepareSource } from './front-end.js';

export {
  formatDiagnostic,
  renderDiagnostics,
  renderDiagnosticsJson,
  diagnosticRecord,
  type Diagnostic,
  type DiagnosticRecord,
} from '../diagnostics/index.js';

export interface CompileOptions {
  /** path of the source as shown in diagnostics and source maps */
  file: string;
  /** chunk name in runtime messages ("main.lua:7: ..."); defaults to `file` */
  chunkName?: string;
  /** process mode: preemption points in loops of generator twins (apps); off for plain scripts */
  processMode?: boolean;
  /** file name of the emitted module, for the source map's `file` field */
  outName?: string;
  /** the source the Lua was generated from (TypeScriptToLua output), when runtime positions should point there */
  origin?: SourceOrigin;
}

/**
 * Where generated Lua came from. Runtime positions (error messages, function names in tracebacks, the source map)
 * are given in this source instead of the Lua text; compile diagnostics stay in the Lua text (the caller maps them).
 */
export interface SourceOrigin {
  /** the original file as shown at run time and named in the source map */
  file: string;
  /** its text, embedded in the source map */
  source: string;
  /** the original 1-based line and 0-based column of a 1-based line and 0-based column of the Lua text */
  position(line: number, column: number): { line: number; column: number };
  /**
   * Whether a Lua line is helper code of the generator's own, with no place in the origin (TSTL's inlined lualib):
   * the source map leaves it out, so tracebacks skip its frames as they skip the runtime's.
   */
  helper?(line: number): boolean;
}

export interface CompileResult {
  code: string;
  map: object | undefined;
  diagnostics: Diagnostic[];
  /** type aliases declared by the chunk (typed Lua), bound as globals when it loads */
  ok: boolean;
}

/** Compiles one chunk. `source` holds bytes (one JS char per byte, i.e. the file read as latin1). */
export function compile(source: string, options: CompileOptions): CompileResult {
  const file = options.file;
  const chunkName = options.chunkName ?? file;
  const front = prepareSource(source, file);
  if (front.diagnostics.length > 0) return { code: '', map: undefined, diagnostics: front.diagnostics, ok: false };
  const parsed = parseLua(front.code, file);
  if (parsed.chunk === undefined) return { code: '', map: undefined, diagnostics: parsed.diagnostics, ok: false };
  const chunk = parsed.chunk;
  try {
    const origin = options.origin;
    const lineOf = origin === undefined ? undefined : (line: number) => origin.position(line, 0).line;
    const analysis = analyzeChunk(chunk, { processMode: options.processMode ?? false, chunkName, lineOf });
    const comments = (chunk.comments ?? []).map((c) => c.range).sort((a, b) => a[0] - b[0]);
    const ce = new ChunkEmitter(
      analysis,
      { chunkName, processMode: options.processMode ?? false, source: front.code, comments },
      front.extras,
    );
    const main = analysis.functions.get(chunk)!;
    const out = emitModule(ce, main, origin ?? { file, source, position: (line, column) => ({ line, column }) }, options.outName ?? `${file}.mjs`);
    // problems found while emitting are collected: all of them are reported, and the emitted text is not used
    const diagnostics = ce.diagnostics(file);
    if (diagnostics.length > 0) return { code: '', map: undefined, diagnostics, ok: false };
    return { code: out.code, map: out.map, diagnostics, ok: true };
  } catch (e) {
    if (!(e instanceof EscapeError)) throw e;
    const { line, column } = positionOf(front.code, e.offset);
    return { code: '', map: undefined, diagnostics: [{ code: 'LUA1007', message: e.message, file, line, column, length: e.length }], ok: false };
  }
}
