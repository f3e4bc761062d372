// From a line of TSTL's Lua back to its .ts position, through the source map TSTL writes beside it. TSTL maps only
// some Lua lines (TypeScriptToLua#1113): a line without a mapping takes the last mapped position before it (an `end`
// belongs to the statement above it). The inlined lualib helpers TSTL writes before anything of the file take the
// file's first line and are marked as helper code, so tracebacks skip their frames. This is the SourceOrigin the
// compiler names runtime positions with (sites, function names, its source map).
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';
import type { SourceOrigin } from '../../compiler/index.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * The origin of a Lua chunk TSTL emitted for `file` (shown as `shownFile`): `tsText` is the .ts text, `luaMap` the
 * `.lua.map` JSON. Lua lines are 1-based, columns 0-based, as in source maps; so are the positions returned.
 */
export function luaOrigin(shownFile: string, tsText: string, luaMap: string): SourceOrigin {
  const lines = decodedMappings(new TraceMap(luaMap));
  // carried[i]: the last original position mapped on Lua line i+1 or before it
  const carried: (Position | undefined)[] = [];
  let last: Position | undefined;
  for (let i = 0; i < lines.length; i++) {
    for (const seg of lines[i]!) if (seg.length >= 4) last = { line: seg[2]! + 1, column: seg[3]! };
    carried.push(last);
  }
  const first: Position = { line: 1, column: 0 };
  // TSTL writes the lualib helpers a file uses before anything of the file, unmapped
  const firstMapped = carried.findIndex((p) => p !== undefined) + 1;
  return {
    helper: (line: number) => firstMapped === 0 || line < firstMapped,
    file: shownFile,
    source: tsText,
    position(line: number, column: number): Position {
      const segs = lines[line - 1];
      if (segs !== undefined) {
        let best: Position | undefined;
        for (const seg of segs) {
          if (seg.length < 4) continue;
          if (best === undefined || seg[0] <= column) best = { line: seg[2]! + 1, column: seg[3]! };
          if (seg[0] > column) break;
        }
        if (best !== undefined) return best;
      }
      const i = Math.min(line - 1, carried.length) - 1;
      return (i >= 0 ? carried[i] : undefined) ?? first;
    },
  };
}
