// The front end before luaparse: Wippy's typed syntax is blanked (compiler/typed, when present) so luaparse sees
// plain Lua with every line and column where it was, and what types mean at run time is passed on to the emitter.
import type { Diagnostic } from './diagnostics.js';

export interface FrontEndResult {
  code: string;
  diagnostics: Diagnostic[];
  /** what the typed front end found that matters at run time (type aliases), for the emitter */
  extras: FrontEndExtras;
}

export interface FrontEndExtras {
  aliases: unknown[];
}

export function prepareSource(source: string, _file: string): FrontEndResult {
  return { code: source, diagnostics: [], extras: { aliases: [] } };
}
