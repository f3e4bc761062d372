// Entry overrides (.wippy.yaml's `override:`, then `-o NS:ENTRY:FIELD=VALUE`) applied to a loaded app by the commands
// that run one (run, run --watch, run list, test, a bundle), their problems reported as the app's load problems are.
import { isError, renderDiagnosticsAs, type DiagnosticFormat } from '../diagnostics/index.js';
import { applyOverrides, type App } from '../runtime/process/index.js';

/**
 * Applies the overrides of the app's .wippy.yaml and then `opts.overrides` to `app` (runtime/app/overrides.ts),
 * writing their problems to `stderr`; false when one is an error, and the app must not run.
 */
export function overrideReported(
  app: App,
  opts: { overrides?: readonly string[]; format?: DiagnosticFormat },
  stderr: (s: string) => void,
): boolean {
  const cli = opts.overrides ?? [];
  if (cli.length === 0 && (app.config.overrides ?? []).length === 0) return true;
  const diagnostics = applyOverrides(app, cli);
  if (diagnostics.length > 0) stderr(`${renderDiagnosticsAs(opts.format ?? 'text', diagnostics)}\n`);
  return !diagnostics.some(isError);
}
