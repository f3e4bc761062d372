// Shared helpers of the typed front-end tests: position-preservation check, luaparse acceptance and tokens.
import luaparse from 'luaparse';
import { stripTypes, type StripResult } from '../../compiler/typed/index.js';

/** Asserts the stripper's invariant: same length, newlines in place, every kept char unchanged, others spaces. */
export function preservationProblem(src: string, out: string): string | null {
  if (out.length !== src.length) return `length ${out.length} != ${src.length}`;
  for (let i = 0; i < src.length; i++) {
    const a = src.charCodeAt(i);
    const b = out.charCodeAt(i);
    if (a === b) continue;
    if (a === 10 || a === 13) return `newline changed at ${i}`;
    if (b !== 32) return `char ${i} changed to ${JSON.stringify(out[i])}`;
  }
  return null;
}

export function strip(src: string, file = 't.lua'): StripResult {
  return stripTypes(src, file);
}

/** luaparse (the compiler's parser, 5.3 mode) accepts the text, or throws its error. */
export function luaparseAccepts(code: string): void {
  luaparse.parse(code, { luaVersion: '5.3', encodingMode: 'none', comments: false, scope: false } as luaparse.Options);
}

interface Lexable {
  parse(opts: object): unknown;
  write(s: string): unknown;
  lex(): { type: number; value: string | number | boolean | null };
}

/** luaparse's token values of a plain Lua text (independent of the stripper's own lexer). */
export function luaTokens(code: string): string[] {
  const lp = luaparse as unknown as Lexable;
  lp.parse({ wait: true, luaVersion: '5.3', encodingMode: 'none' });
  lp.write(code);
  const out: string[] = [];
  for (;;) {
    const t = lp.lex();
    if (t.type === 1) return out;
    out.push(String(t.value));
  }
}
