// Parsing plain Lua (types already blanked) with luaparse, and turning its exceptions into positioned diagnostics.
// luaparse is run with encodingMode 'none' (string values are decoded from `raw` by strings.ts, byte-exact, and this
// also avoids luaparse's `return "end"` bug of the string-keeping modes), in its 5.3 mode for `//`, bitwise
// operators and goto. luaparse's 5.3 mode is stricter than Wippy's lexer about escapes (`"\q"` is `q` in Lua 5.1 and
// go-lua), and looser about numbers (hex floats `0x1p4` are 5.2+): both are corrected here.
import luaparse from 'luaparse';
import type { Chunk } from './lua-ast.js';
import { positionOf, type Diagnostic, type DiagnosticCode } from './diagnostics.js';

export interface ParseResult {
  chunk: Chunk | undefined;
  diagnostics: Diagnostic[];
}

interface LuaparseError extends Error {
  index?: number;
}

export function parseLua(source: string, file: string): ParseResult {
  // Escapes luaparse rejects but Wippy's lexer reads literally are masked as `\\` (same length, so every position
  // stays); string values are decoded later from the original text (strings.ts), so the mask never shows.
  let text = source;
  for (;;) {
    try {
      const chunk = luaparse.parse(text, {
        luaVersion: '5.3',
        encodingMode: 'none',
        locations: true,
        ranges: true,
        comments: true,
        scope: false,
      } as luaparse.Options) as unknown as Chunk;
      if (text !== source) restoreRaw(chunk, source);
      const bad = findHexFloat(chunk);
      if (bad !== undefined) return { chunk: undefined, diagnostics: [diagnosticAt(source, file, bad.range[0], 'LUA1008', `malformed number near '${bad.raw}'`, bad.raw.length)] };
      return { chunk, diagnostics: [] };
    } catch (e) {
      const err = e as LuaparseError;
      if (typeof err.index !== 'number') throw e;
      const message = err.message.replace(/^\[\d+:\d+\] /, '');
      const masked = maskLenientEscape(text, err.index, message);
      if (masked !== undefined) {
        text = masked;
        continue;
      }
      // luaparse's own columns mix 0- and 1-based counting: positions are recomputed here from the offset, once.
      const code = classify(message);
      const unfinished = /^unfinished string near '([\s\S]*)'$/.exec(message);
      if (unfinished !== null) {
        // luaparse stops past the line end; Lua reports the line where the string starts.
        const start = Math.max(0, err.index - 1 - unfinished[1]!.length);
        return { chunk: undefined, diagnostics: [diagnosticAt(source, file, start, code, message, 1)] };
      }
      if (code === 'LUA1003') {
        // luaparse notices after reading the next token; the caret goes on the `break` itself.
        const at = text.lastIndexOf('break', err.index - 1);
        if (at >= 0) return { chunk: undefined, diagnostics: [diagnosticAt(source, file, at, code, message, 5)] };
      }
      if (code === 'LUA1007') {
        // luaparse stops after the digits; point at the escape itself, as `near '\300'` says.
        const bs = text.lastIndexOf('\\', err.index);
        if (bs >= 0) return { chunk: undefined, diagnostics: [diagnosticAt(source, file, bs, code, message, err.index - bs)] };
      }
      return { chunk: undefined, diagnostics: [diagnosticAt(source, file, err.index, code, message, 1)] };
    }
  }
}

function diagnosticAt(source: string, file: string, offset: number, code: DiagnosticCode, message: string, length: number): Diagnostic {
  const { line, column } = positionOf(source, offset);
  return { code, message, file, line, column, length };
}

/**
 * luaparse (5.3) raises for `\q`, a malformed `\x` or `\u{}`; Lua 5.1 and go-lua take the character after the
 * backslash literally (spec §1.2). Returns the text with that escape masked, or undefined for any other error.
 */
function maskLenientEscape(text: string, index: number, message: string): string | undefined {
  if (!/^(invalid escape sequence|hexadecimal digit expected|missing '[{}]' near|UTF-8 value too large)/.test(message)) return undefined;
  const bs = text.lastIndexOf('\\', index);
  if (bs < 0 || bs + 1 >= text.length) return undefined;
  const masked = `${text.slice(0, bs)}\\\\${text.slice(bs + 2)}`;
  return masked === text ? undefined : masked;
}

interface RawNode {
  type: string;
  raw: string;
  range: [number, number];
}

/** Visits every node of the AST that carries source text (string and number literals). */
function eachLiteral(node: unknown, visit: (n: RawNode) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) eachLiteral(n, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.raw === 'string' && Array.isArray(o.range)) visit(o as unknown as RawNode);
  for (const k in o) {
    if (k === 'loc' || k === 'range' || k === 'comments') continue;
    const v = o[k];
    if (v !== null && typeof v === 'object') eachLiteral(v, visit);
  }
}

function restoreRaw(chunk: Chunk, source: string): void {
  eachLiteral(chunk.body, (n) => {
    if (n.type === 'StringLiteral') n.raw = source.slice(n.range[0], n.range[1]);
  });
}

/** Lua 5.1 and Wippy's lexer have no hex floats (`0x1p4`, `0x1.8`): the first one found, if any. */
function findHexFloat(chunk: Chunk): RawNode | undefined {
  let found: RawNode | undefined;
  eachLiteral(chunk.body, (n) => {
    if (found === undefined && n.type === 'NumericLiteral' && /^0[xX][0-9a-fA-F]*[.pP]/.test(n.raw)) found = n;
  });
  return found;
}

function classify(message: string): DiagnosticCode {
  if (message.startsWith('no loop to break')) return 'LUA1003';
  if (/jumps into the scope of local/.test(message)) return 'LUA1002';
  if (message.startsWith('no visible label')) return 'LUA1004';
  if (/^label '.*' already defined/.test(message)) return 'LUA1005';
  if (message.startsWith('malformed number')) return 'LUA1008';
  if (message.startsWith('unfinished')) return 'LUA1009';
  if (/escape/.test(message)) return 'LUA1007';
  return 'LUA1001';
}
