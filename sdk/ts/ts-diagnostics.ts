// TypeScript's and TypeScriptToLua's diagnostics in moonforge's one shape (diagnostics/): `TS2345` and the like, at
// the .ts position in bytes of the line as the renderer counts them, the first line of TypeScript's message chain as
// the message and the rest (and related locations) as notes. A problem is carried with the source it points into,
// since one program's problems span many files.
import type * as ts from 'typescript';
import { readRuleDiagnostic } from './plugin/index.js';
import { formatDiagnostic, diagnosticRecord, jsonLines, type Diagnostic, type DiagnosticFormat } from '../../diagnostics/index.js';

/** A diagnostic and the text of its file (bytes as latin1 chars), for the source line under it. */
export interface Located {
  diagnostic: Diagnostic;
  source?: string;
}

/** The bytes (latin1 chars) of a JS string's UTF-8. */
export function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** 1-based line and byte column of a UTF-16 offset of `text`. */
export function bytePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', start)) {
    line++;
    start = nl + 1;
  }
  return { line, column: Buffer.byteLength(text.slice(start, offset), 'utf8') + 1 };
}

export function convertDiagnostic(tsApi: typeof ts, d: ts.Diagnostic, shown: (path: string) => string): Located {
  const rule = readRuleDiagnostic(d);
  if (rule !== undefined) return locate({ code: rule.code, message: rule.message, fix: rule.suggestion, file: '', line: 0, column: 0 }, d, shown);
  const [message, ...chain] = tsApi.flattenDiagnosticMessageText(d.messageText, '\n').split('\n');
  const notes = chain.map((l) => l.trim()).filter((l) => l !== '');
  for (const r of d.relatedInformation ?? []) {
    const text = tsApi.flattenDiagnosticMessageText(r.messageText, ' ');
    if (r.file === undefined || r.start === undefined) notes.push(text);
    else {
      const at = bytePosition(r.file.text, r.start);
      notes.push(`${shown(r.file.fileName)}:${at.line}:${at.column}: ${text}`);
    }
  }
  const severity = d.category === tsApi.DiagnosticCategory.Error ? undefined : d.category === tsApi.DiagnosticCategory.Warning ? 'warning' : 'note';
  const base: Diagnostic = { code: `TS${d.code}`, message: message ?? '', file: '', line: 0, column: 0, ...(severity ? { severity } : {}) };
  if (notes.length > 0) base.notes = notes;
  return locate(base, d, shown);
}

/** `base` placed where `d` points, with the source it points into. */
function locate(base: Diagnostic, d: ts.Diagnostic, shown: (path: string) => string): Located {
  if (d.file === undefined || d.start === undefined) return { diagnostic: { ...base, file: d.file ? shown(d.file.fileName) : 'tsconfig' } };
  const at = bytePosition(d.file.text, d.start);
  const length = Math.max(1, [...d.file.text.slice(d.start, d.start + (d.length ?? 1)).split('\n')[0]!].length);
  return {
    diagnostic: { ...base, file: shown(d.file.fileName), line: at.line, column: at.column, length },
    source: utf8Bytes(d.file.text),
  };
}

/** Renders problems of many files in `format`, through the one renderer, each with its own source. */
export function renderLocated(format: DiagnosticFormat, problems: readonly Located[]): string {
  if (format === 'json') return jsonLines(problems.map((p) => diagnosticRecord(p.diagnostic, p.source)));
  return problems.map((p) => formatDiagnostic(p.diagnostic, p.source)).join('\n');
}

/** The 1-based line and byte column of a 1-based line and 0-based UTF-16 column of `text`. */
export function bytePositionOfLine(text: string, line: number, column: number): { line: number; column: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
  }
  return bytePosition(text, start + column);
}
