// The one renderer of diagnostics, in two forms: text for people (`file:line:col: error CODE: message`, then the
// source line and a caret span under the offending text) and JSON records for tools (`--format json`), which carry
// the same fields and the same character column as the text form.
import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * Lines longer than this (in characters) are shown as a window around the caret: a generated or minified chunk's one
 * line can be megabytes. Generous, so that any line a person wrote is shown whole.
 */
const MAX_SHOWN = 1000;
/** How much of a windowed line is kept before the caret. */
const CONTEXT_BEFORE = 400;

/** The JSON form of a diagnostic: every field present, the column in characters. */
export interface DiagnosticRecord {
  code: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  length: number;
  message: string;
  notes: string[];
  fix: string | null;
}

/** The text of a 1-based line, without its line ending ('' past the end: an error at end of file). */
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

function decode(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

interface Located {
  /** the source line as characters (UTF-8 decoded, tabs as one space so the caret lines up), one array item each */
  shown: string[];
  /** 0-based character index of the caret */
  caretAt: number;
  /** characters the caret span covers, at least 1, never past the end of the line */
  width: number;
}

/**
 * Where `d` points in `source` (bytes as latin1 chars, as the compiler reads them), in characters. A caret inside a
 * multi-byte character stays on that character.
 */
function locate(d: Diagnostic, source: string): Located | undefined {
  if (d.line < 1) return undefined;
  const raw = lineText(source, d.line);
  const shown = [...decode(raw).replace(/\t/g, ' ')];
  const caretAt = [...decode(raw.slice(0, Math.max(0, d.column - 1)))].length;
  const width = Math.max(1, Math.min(d.length ?? 1, shown.length - caretAt));
  return { shown, caretAt, width };
}

function head(d: Diagnostic, column: number): string {
  const at = d.line < 1 ? d.file : `${d.file}:${d.line}:${column}`;
  return `${at}: ${d.severity ?? 'error'} ${d.code}: ${d.message}`;
}

function trailer(d: Diagnostic): string {
  let out = '';
  for (const n of d.notes ?? []) out += `\n  note: ${n}`;
  if (d.fix !== undefined) out += `\n  help: ${d.fix}`;
  return out;
}

/**
 * Renders one diagnostic as text. With `source` (the bytes the reporter read, as latin1 chars) the offending line
 * follows, decoded as UTF-8, with a caret span under the reported text; a long line is cut to a window around it.
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const at = source === undefined ? undefined : locate(d, source);
  if (at === undefined) return head(d, d.column) + trailer(d);
  let { shown, caretAt } = at;
  let prefix = '';
  let suffix = '';
  if (shown.length > MAX_SHOWN) {
    const from = Math.max(0, Math.min(caretAt - CONTEXT_BEFORE, shown.length - MAX_SHOWN));
    if (from > 0) prefix = '...';
    if (from + MAX_SHOWN < shown.length) suffix = '...';
    shown = shown.slice(from, from + MAX_SHOWN);
    caretAt -= from;
  }
  const width = Math.max(1, Math.min(at.width, shown.length - caretAt));
  const line = `${prefix}${shown.join('')}${suffix}`;
  const caret = `${' '.repeat(prefix.length + caretAt)}${'^'.repeat(width)}`;
  return `${head(d, at.caretAt + 1)}\n${line}\n${caret}${trailer(d)}`;
}

/** Renders several diagnostics of one source, one after another, in the order they were reported. */
export function renderDiagnostics(diags: readonly Diagnostic[], source?: string): string {
  return diags.map((d) => formatDiagnostic(d, source)).join('\n');
}

/** The JSON record of one diagnostic; with `source`, the column and length are counted in characters, as shown. */
export function diagnosticRecord(d: Diagnostic, source?: string): DiagnosticRecord {
  const at = source === undefined ? undefined : locate(d, source);
  return {
    code: d.code,
    severity: d.severity ?? 'error',
    file: d.file,
    line: d.line,
    column: at === undefined ? d.column : at.caretAt + 1,
    length: at === undefined ? (d.length ?? 1) : at.width,
    message: d.message,
    notes: d.notes ?? [],
    fix: d.fix ?? null,
  };
}

/** Records as JSON Lines: one record per line, so a tool can read them as they come. */
export function jsonLines(records: readonly DiagnosticRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n');
}

/** Diagnostics of one source as JSON Lines. */
export function renderDiagnosticsJson(diags: readonly Diagnostic[], source?: string): string {
  return jsonLines(diags.map((d) => diagnosticRecord(d, source)));
}

/** The two forms a command prints diagnostics in (`--format text|json`). */
export type DiagnosticFormat = 'text' | 'json';

/** Renders diagnostics of one source in `format`. */
export function renderDiagnosticsAs(format: DiagnosticFormat, diags: readonly Diagnostic[], source?: string): string {
  return format === 'json' ? renderDiagnosticsJson(diags, source) : renderDiagnostics(diags, source);
}
