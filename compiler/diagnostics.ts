// Compiler diagnostics: the catalogue of the compiler's codes, and positions in its source. The shape and the
// renderer are the project's one diagnostics system (diagnostics/). Lines and columns are 1-based; `Diagnostic.column`
// counts bytes of the line (the compiler reads bytes), the rendered form counts characters (UTF-8 decoded, a tab is
// one), which is what editors and terminals expect of `file:line:col`.
export { formatDiagnostic, renderDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { TypedDiagnosticCode } from './typed/diagnostic-codes.js';

/** The catalogue of the compiler's own codes (the typed front end has its LUA2xxx codes in typed/diagnostic-codes.ts). */
export const DIAGNOSTIC_CODES = {
  /** luaparse syntax errors */
  LUA1001: 'syntax error',
  /** `goto` jumping forward into the scope of a local (Lua 5.2+ rule, as go-lua's compiler) */
  LUA1002: 'goto jumps into the scope of a local',
  /** `break` outside a loop */
  LUA1003: 'break outside a loop',
  /** `goto` with no visible label */
  LUA1004: 'no visible label for goto',
  /** a label defined twice in the same function scope */
  LUA1005: 'label already defined',
  /** `f\n(x)`: ambiguous syntax, a call whose `(` starts a new line (Lua 5.1 and go-lua reject it) */
  LUA1006: 'ambiguous syntax (function call x new statement)',
  /** a string escape that Lua rejects, e.g. a decimal escape above 255 */
  LUA1007: 'invalid escape sequence',
  /** a number literal that cannot be read */
  LUA1008: 'malformed number',
  /** unfinished string or long string/comment */
  LUA1009: 'unfinished string',
  /** a source file that cannot be read */
  LUA1010: 'cannot read file',
  /** goto/label regions that cross each other (compiler/emit/goto.ts cannot express them as JS blocks) */
  LUA1011: 'crossing goto jumps not supported',
  /** nesting past lua5.1's 200 syntax levels (compiler/limits.ts MAX_SYNTAX_LEVELS) */
  LUA1012: 'chunk has too many syntax levels',
  /** an expression tree too deep to compile, or a call with too many arguments (compiler/limits.ts) */
  LUA1013: 'function or expression too complex',
  /** an `if` with more `elseif` branches than the emitted JS can nest (compiler/limits.ts MAX_TREE_DEPTH) */
  LUA1014: 'control structure too long',
} as const;

/** Every code the compiler reports: its own LUA1xxx and the typed front end's LUA2xxx. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES | TypedDiagnosticCode;

/** Line and column (1-based) of a character offset in `source`. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
