// `moonforge check APPDIR`: every problem of an app in one run, without running it. The app is loaded and its runtime
// built as `run` builds it (createAppRuntime: its policies, the modules its entries list, every Lua entry compiled in
// process mode through the compile cache and the .ts entries as one program), so check and run cannot disagree; no
// process is spawned. Unlike run, definition-file errors do not stop it: the entries that loaded are compiled too.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { diagnosticRecord, formatDiagnostic, jsonLines, type Diagnostic, type DiagnosticFormat, type DiagnosticRecord } from '../diagnostics/index.js';
import { isLuaEntry, loadApp, type App } from '../runtime/process/index.js';
import { AppStartError, createAppRuntime } from './app-runtime.js';

export interface CheckReport {
  /** each problem as text (with its source line and caret when it has a source), in the order found, without repeats */
  texts: string[];
  /** the same problems as JSON records */
  records: DiagnosticRecord[];
  /** how many files were checked: definition files and entry sources */
  files: number;
  /** the app as loaded (what `moonforge build` bundles when no problem is an error) */
  app: App;
}

/**
 * The text of the definition file a loader diagnostic points into, for its source line (the loader reports no
 * source); undefined when it cannot be read (a missing file is itself the problem) or is no file of the app (an
 * absolute path: the app folder itself, not found).
 */
function definitionSource(root: string, d: Diagnostic): string | undefined {
  if (d.line < 1 || isAbsolute(d.file)) return undefined;
  try {
    return readFileSync(join(root, d.file), 'latin1');
  } catch {
    return undefined;
  }
}

function checkedFiles(app: App): number {
  const files = new Set<string>();
  for (const e of app.entries.values()) {
    files.add(e.pos.file);
    if (isLuaEntry(e) && e.source.type === 'file') files.add(e.source.path);
  }
  return files.size;
}

/**
 * Every problem of the app in `dir`: its definition files, then what the caller knows of (`more`: what a bundle
 * cannot honour), then what building its runtime finds.
 */
export async function checkApp(dir: string, more?: (app: App) => Diagnostic[]): Promise<CheckReport> {
  const { app, diagnostics } = await loadApp(dir);
  const unique = new Map<string, DiagnosticRecord>();
  const report = (d: Diagnostic, source = definitionSource(app.root, d)): void => {
    const text = formatDiagnostic(d, source);
    if (!unique.has(text)) unique.set(text, diagnosticRecord(d, source));
  };
  for (const d of diagnostics) report(d);
  for (const d of more?.(app) ?? []) report(d);
  try {
    // nothing is read or written: the app is only built
    await createAppRuntime(app, { stdin: { readLine: (cb) => cb(undefined) }, write: () => {}, log: () => {}, oneThread: true });
  } catch (e) {
    if (!(e instanceof AppStartError)) throw e;
    // a compile error carries its source; a definition problem (a module, a policy) gets its definition file's line
    for (const p of e.found) report(p.diagnostic, p.source ?? definitionSource(app.root, p.diagnostic));
  }
  return { texts: [...unique.keys()], records: [...unique.values()], files: checkedFiles(app), app };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * `moonforge check`: text diagnostics and a summary line on stderr, or (`--format json`) JSON Lines on stdout and
 * nothing else; exit 1 when any problem is an error.
 */
export async function checkCommand(dir: string, format: DiagnosticFormat): Promise<number> {
  return printCheckReport(await checkApp(dir), format);
}

/** Writes a check's report as `moonforge check` does (also `moonforge build`'s); 1 when a problem is an error. */
export function printCheckReport(report: CheckReport, format: DiagnosticFormat): number {
  const errors = report.records.filter((r) => r.severity === 'error').length;
  const warnings = report.records.filter((r) => r.severity === 'warning').length;
  if (format === 'json') {
    if (report.records.length > 0) process.stdout.write(`${jsonLines(report.records)}\n`);
  } else {
    const shown = report.texts.length > 0 ? `${report.texts.join('\n')}\n` : '';
    const summary = `${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(report.files, 'file')}\n`;
    // the texts are characters already (the renderer decodes the sources' UTF-8)
    process.stderr.write(shown + summary);
  }
  return errors > 0 ? 1 : 0;
}
