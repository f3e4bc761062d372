// The start every command shares: its options read (parse-options.ts), `--help` answered with its usage, `--format`
// checked, and bad usage reported as usage-error.ts does.
import type { DiagnosticFormat } from '../../diagnostics/index.js';
import { diagnosticFormat } from './diagnostic-format.js';
import { parseOptions, type OptionSpecs, type ParsedOptions, type ScanRules } from './parse-options.js';
import { usageError } from './usage-error.js';

export type CommandOptions<S extends OptionSpecs> =
  | { ok: true; parsed: Extract<ParsedOptions<S>, { ok: true }>; format: DiagnosticFormat }
  | { ok: false; exit: number };

/**
 * `argv` read against `specs` for `moonforge COMMAND`: the options and the diagnostics format (text unless a
 * `format` option says otherwise), or the exit code once `--help` printed `usage` (0) or a usage error was reported (2).
 */
export function commandOptions<S extends OptionSpecs>(command: string, argv: readonly string[], specs: S, rules: ScanRules, usage: string): CommandOptions<S> {
  const parsed = parseOptions(argv, specs, rules);
  if (!parsed.ok) return { ok: false, exit: usageError(command, parsed.message, usage) };
  const values = parsed.values as Record<string, unknown>;
  if (values.help === true) {
    process.stdout.write(usage);
    return { ok: false, exit: 0 };
  }
  const f = diagnosticFormat(values.format as string | undefined);
  if (!f.ok) return { ok: false, exit: usageError(command, f.message, usage) };
  return { ok: true, parsed, format: f.value };
}
