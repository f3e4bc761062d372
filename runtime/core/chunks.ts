// Registration of loaded compiled chunks for Lua positions in errors and tracebacks: maps a JS frame of a compiled
// module (its file URL, line, column) back to the Lua chunk and line through the module's source map (decoded lazily,
// only when an error needs it).
import { GREATEST_LOWER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { registerChunk, type LuaFrame } from './errors.js';

export interface CompiledChunkInfo {
  /** the URL (or path) JS stack frames report for the module */
  url: string;
  chunkName: string;
  /** Lua function descriptions by function index (the `$F<n>` suffix of JS function names) */
  functionNames: string[];
  /** the source map, or a function that loads it */
  map: object | string | (() => object | string | undefined) | undefined;
}

export function registerCompiledChunk(info: CompiledChunkInfo): void {
  let tracer: TraceMap | null | undefined;
  const getTracer = (): TraceMap | null => {
    if (tracer !== undefined) return tracer;
    try {
      const m = typeof info.map === 'function' ? info.map() : info.map;
      tracer = m === undefined ? null : new TraceMap(m as ConstructorParameters<typeof TraceMap>[0]);
    } catch {
      tracer = null;
    }
    return tracer;
  };
  const resolve = (line: number, column: number, fnName: string | null): LuaFrame | undefined => {
    const t = getTracer();
    if (t === null) return undefined;
    const pos = originalPositionFor(t, { line, column: Math.max(0, column - 1), bias: GREATEST_LOWER_BOUND });
    if (pos.line == null) return undefined;
    return { chunk: info.chunkName, line: pos.line, what: describeFunction(info, fnName) };
  };
  registerChunk(info.url, { name: info.chunkName, resolve });
}

function describeFunction(info: CompiledChunkInfo, fnName: string | null): string {
  const m = fnName === null ? null : /\$F(\d+)(?:\$y)?$/.exec(fnName);
  if (m === null) return 'function <?>';
  const idx = Number(m[1]);
  if (idx === 0) return 'main chunk';
  return info.functionNames[idx] ?? 'function <?>';
}
