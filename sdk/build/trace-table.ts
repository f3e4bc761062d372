// The trace table of a bundle: what runtime/core/chunks.ts registerBundledChunks reads to name the Lua (or .ts) file
// and line of a JS frame in app.mjs, without app.mjs.map (a deployment may copy app.mjs alone). It is the bundle's
// source map cut down to the positions of chunk code — each with the chunk's index as its source and the original
// line, no column, no names, no sources' text — and a position of anything else (the runtime) after chunk code on
// the same line, so that a lookup there finds no chunk.
import { GenMapping, addSegment, toEncodedMap } from '@jridgewell/gen-mapping';
import { TraceMap, decodedMappings } from '@jridgewell/trace-mapping';

/** `sources` of the bundle's map that are chunk `i` are named `chunkSource(i)` (the build names them so). */
export const chunkSource = (i: number): string => `moonforge-chunk:${i}`;

/** The trace table (a source map's JSON text) of a bundle whose source map is `bundleMap` (JSON text). */
export function traceTable(bundleMap: string): string {
  const parsed = JSON.parse(bundleMap) as { sources: string[] };
  // the chunk index of each source of the bundle's map, or -1
  const chunkOf = parsed.sources.map((s) => {
    const m = /^moonforge-chunk:(\d+)$/.exec(s);
    return m === null ? -1 : Number(m[1]);
  });
  const lines = decodedMappings(new TraceMap(bundleMap));
  const table = new GenMapping();
  lines.forEach((segments, line) => {
    let inChunk = false;
    for (const seg of segments) {
      const chunk = seg.length >= 4 ? chunkOf[seg[1]!]! : -1;
      if (chunk >= 0) addSegment(table, line, seg[0], String(chunk), seg[2]!, 0);
      else if (inChunk) addSegment(table, line, seg[0]);
      inChunk = chunk >= 0;
    }
  });
  return JSON.stringify(toEncodedMap(table));
}
