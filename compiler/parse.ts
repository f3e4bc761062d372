// Parsing plain Lua (types already blanked) with luaparse, and turning its exceptions into positioned diagnostics.
// luaparse is run with encodingMode 'none' (string values are decoded from `raw` by strings.ts, byte-exact, and this
// also avoids luaparse's `return "end"` bug of the string-keeping modes), in its 5.3 mode for `//`, bitwise
// operators and goto.
import luaparse from 'luaparse';
import type { Chunk } from './lua-ast.js';
import { positionOf, type Diagnostic } from './diagnostics.js';

export interface ParseResult {
  chunk: Chunk | undefined;
  diagnostics: Diagnostic[];
}

interface LuaparseError extends Error {
  index?: number;
}

export function parseLua(source: string, file: string): ParseResult {
  try {
    const chunk = luaparse.parse(source, {
      luaVersion: '5.3',
      encodingMode: 'none',
      locations: true,
      ranges: true,
      comments: true,
      scope: false,
    } as luaparse.Options) as unknown as Chunk;
    return { chunk, diagnostics: [] };
  } catch (e) {
    const err = e as LuaparseError;
    if (typeof err.index !== 'number') throw e;
    // luaparse's own columns mix 0- and 1-based counting: positions are recomputed here from the offset, once.
    const { line, column } = positionOf(source, err.index);
    const message = err.message.replace(/^\[\d+:\d+\] /, '');
    const code = classify(message);
    return { chunk: undefined, diagnostics: [{ code, message, file, line, column, length: 1 }] };
  }
}

function classify(message: string): string {
  if (message.startsWith('no loop to break')) return 'LUA1003';
  if (message.startsWith('no visible label')) return 'LUA1004';
  if (/^label '.*' already defined/.test(message)) return 'LUA1005';
  if (message.startsWith('malformed number')) return 'LUA1008';
  if (message.startsWith('unfinished')) return 'LUA1009';
  if (/escape/.test(message)) return 'LUA1007';
  return 'LUA1001';
}
