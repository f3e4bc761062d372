// Registration of loaded compiled chunks for Lua positions in errors and tracebacks: maps a JS frame of a compiled
// module (its file URL, line, column) back to the Lua chunk and line through the module's source map (decoded lazily,
// only when an error needs it). In a bundle every chunk shares the bundle's URL: one resolver for that URL tells them
// apart by the bundle's trace table (registerBundledChunks).
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

function describeFunction(info: Pick<CompiledChunkInfo, 'functionNames'>, fnName: string | null): string {
  const m = fnName === null ? null : /\$F(\d+)(?:\$[ytr])?$/.exec(fnName);
  if (m === null) return 'function <?>';
  const idx = Number(m[1]);
  if (idx === 0) return 'main chunk';
  return info.functionNames[idx] ?? 'function <?>';
}

/** The chunks of a bundle (sdk/bundle/), all in its one module. */
export interface BundledChunks {
  /** the bundle's URL, which JS stack frames of its chunks (and of its runtime) report */
  url: string;
  chunks: ReadonlyArray<Pick<CompiledChunkInfo, 'chunkName' | 'functionNames'>>;
  /**
   * The bundle's trace table, read at the first error that needs it (sdk/build/trace-table.ts), as JSON text:
   * `{ offset, map }`, `map` a source map of the bundle's lines after the first `offset`, holding only the positions
   * of chunk code, whose `sources` are indexes into `chunks`.
   */
  table: () => string;
}

export function registerBundledChunks(b: BundledChunks): void {
  let tracer: { offset: number; map: TraceMap } | null | undefined;
  const getTracer = (): { offset: number; map: TraceMap } | null => {
    if (tracer === undefined) {
      try {
        const t = JSON.parse(b.table()) as { offset: number; map: ConstructorParameters<typeof TraceMap>[0] };
        tracer = { offset: t.offset, map: new TraceMap(t.map) };
      } catch {
        tracer = null;
      }
    }
    return tracer;
  };
  const resolve = (line: number, column: number, fnName: string | null): LuaFrame | undefined => {
    const t = getTracer();
    if (t === null || line <= t.offset) return undefined;
    const pos = originalPositionFor(t.map, { line: line - t.offset, column: Math.max(0, column - 1), bias: GREATEST_LOWER_BOUND });
    const chunk = pos.source === null ? undefined : b.chunks[Number(pos.source)];
    if (pos.line == null || chunk === undefined) return undefined;
    return { chunk: chunk.chunkName, line: pos.line, what: describeFunction(chunk, fnName) };
  };
  registerChunk(b.url, { name: b.url, resolve, shared: true });
}
