// The gate between TSTL and moonforge's compiler: TSTL 1.37.1 still emits Lua that does not parse for some valid
// TypeScript (a `break` in a `catch` inside a loop, TypeScriptToLua#1598; a `continue` in a `try`, #1726), so its
// output is parsed with luaparse (its 5.3 grammar reads every TSTL target but Luau, facts §1.4) over the UTF-8 bytes,
// and a failure is reported at the .ts position it came from, with what to write instead. Not in the facts
// document's `pseudo-latin1` mode: luaparse's string-keeping modes reject `return "end"` (TSTL emits it for
// `return "end";`), so the gate reads strings as the compiler does, with `encodingMode: 'none'` (compiler/parse.ts).
import luaparse from 'luaparse';
import type { SourceOrigin } from '../../compiler/index.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import { TSL_INVALID_LUA } from './diagnostic-codes.js';
import { bytePositionOfLine } from './ts-diagnostics.js';

/** What to write instead, for the invalid-Lua cases TSTL is known to produce. */
function knownCase(message: string): string | undefined {
  if (/no loop to break/.test(message)) {
    return 'TypeScriptToLua turns a `catch` block into a function, so a `break` in it has no loop (TypeScriptToLua#1598): set a flag in the catch and break after the try statement';
  }
  if (/no visible label/.test(message)) {
    return 'TypeScriptToLua turns a `try` block into a function, so a `continue` in it cannot reach its loop (TypeScriptToLua#1726): set a flag in the try and continue after the try statement';
  }
  return undefined;
}

/**
 * Parses `lua` (bytes as latin1 chars); undefined when it parses, else the diagnostic at the .ts position `origin`
 * gives the failing Lua line.
 */
export function gateLua(lua: string, origin: SourceOrigin): Diagnostic | undefined {
  try {
    luaparse.parse(lua, { luaVersion: '5.3', encodingMode: 'none', locations: false, ranges: false, comments: false, scope: false } as luaparse.Options);
    return undefined;
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    if (typeof err.line !== 'number') throw e;
    const message = err.message.replace(/^\[\d+:\d+\] /, '');
    const mapped = origin.position(err.line, Math.max(0, (err.column ?? 1) - 1));
    const at = bytePositionOfLine(origin.source, mapped.line, mapped.column);
    const fix = knownCase(message);
    return {
      code: TSL_INVALID_LUA,
      message: `TypeScriptToLua emitted Lua that does not parse: ${message}`,
      file: origin.file,
      line: at.line,
      column: at.column,
      ...(fix !== undefined ? { fix } : {}),
    };
  }
}
