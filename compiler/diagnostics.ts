// Compiler diagnostics: the one shape every pass reports in, the catalogue of codes, and the renderer
// (`file:line:col: error LUAnnnn: message`, then the source line and a caret). Lines and columns are 1-based;
// `Diagnostic.column` counts bytes of the line (the compiler reads bytes), the rendered form counts characters (UTF-8
// decoded, a tab is one), which is what editors and terminals expect of `file:line:col`.

export interface Diagnostic {
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  length: number;
}

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

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES | `LUA2${string}`;

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

/** The text of a 1-based line (bytes as latin1 chars). */
function lineText(source: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? source.length : end).replace(/\r$/, '');
}

/**
 * Renders a diagnostic with its source line and a caret. `source` is the byte string (latin1) the compiler read;
 * the line is shown decoded as UTF-8 and the caret is placed under the right character.
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  if (source === undefined) return `${d.file}:${d.line}:${d.column}: error ${d.code}: ${d.message}`;
  const raw = lineText(source, d.line);
  const decode = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
  const shown = [...decode(raw).replace(/\t/g, ' ')];
  // A caret inside a multi-byte character stays on that character.
  const caretAt = [...decode(raw.slice(0, Math.max(0, d.column - 1)))].length;
  const width = Math.max(1, Math.min(d.length, shown.length - caretAt));
  const head = `${d.file}:${d.line}:${caretAt + 1}: error ${d.code}: ${d.message}`;
  return `${head}\n${shown.join('')}\n${' '.repeat(caretAt)}${'^'.repeat(width)}`;
}
