// The front end before luaparse: Wippy's typed syntax is blanked by compiler/typed, so luaparse sees plain Lua with
// every line and column where it was, and the type aliases (values at run time) are passed on to the emitter.
import type { Diagnostic } from './diagnostics.js';
import { stripTypes, type TypeAlias } from './typed/index.js';

export interface FrontEndResult {
  code: string;
  diagnostics: Diagnostic[];
  extras: FrontEndExtras;
}

export interface FrontEndExtras {
  /** `type` aliases of the chunk: bound as globals when it loads (go-lua binds them into the environment) */
  aliases: TypeAlias[];
}

export function prepareSource(source: string, file: string): FrontEndResult {
  const r = stripTypes(source, file);
  return { code: r.code, diagnostics: r.diagnostics, extras: { aliases: r.aliases } };
}
