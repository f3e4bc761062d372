// The trace table of a bundle: what runtime/core/chunks.ts registerBundledChunks reads to name the Lua (or .ts) file
// and line of a JS frame in app.mjs, without app.mjs.map (a deployment may copy app.mjs alone). It is the bundle's
// source map cut down to the positions of chunk code — each with the chunk's index as its source and the original
// line, no column, no names, no sources' text; only where the line they map to changes — and a position of anything
// else (the runtime) after chunk code on the same line, so that a lookup there finds no chunk. Its lines start at
// the first line of chunk code (`offset` lines of the bundle before it), so the runtime's lines cost nothing.
import { GenMapping, addSegment, toEncodedMap } from '@jridgewell/gen-mapping';
import { TraceMap, decodedMappings } from '@jridgewell/trace-mapping';

/** `sources` of the bundle's map that are chunk `i` are named `chunkSource(i)` (the build names them so). */
export const chunkSource = (i: number): string => `moonforge-chunk:${i}`;

/**
 * The trace table of a bundle whose source map is `bundleMap` (JSON text), as JSON text:
 * `{ offset, map }`, `map` a source map of the bundle's lines from `offset + 1` on.
 */
export function traceTable(bundleMap: string): string {
  const parsed = JSON.parse(bundleMap) as { sources: string[] };
  // the chunk index of each source of the bundle's map, or -1
  const chunkOf = parsed.sources.map((s) => {
    const m = /^moonforge-chunk:(\d+)$/.exec(s);
    return m === null ? -1 : Number(m[1]);
  });
  const lines = decodedMappings(new TraceMap(bundleMap));
  const inChunk = (seg: readonly number[]): boolean => seg.length >= 4 && chunkOf[seg[1]!]! >= 0;
  const offset = Math.max(0, lines.findIndex((segments) => segments.some(inChunk)));
  const table = new GenMapping();
  for (let line = offset; line < lines.length; line++) {
    // what the last segment kept on this line maps to: none yet, the runtime, or a chunk's line
    let last: string | undefined;
    for (const seg of lines[line]!) {
      const at = inChunk(seg) ? `${chunkOf[seg[1]!]}:${seg[2]}` : 'runtime';
      if (at === last || (last === undefined && at === 'runtime')) continue;
      if (at === 'runtime') addSegment(table, line - offset, seg[0]);
      else addSegment(table, line - offset, seg[0], String(chunkOf[seg[1]!]), seg[2]!, 0);
      last = at;
    }
  }
  return JSON.stringify({ offset, map: toEncodedMap(table) });
}
