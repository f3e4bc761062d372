// `--format text|json`, as every command that reports diagnostics takes it.
import type { DiagnosticFormat } from '../../diagnostics/index.js';
import { enumValue } from './parse-options.js';

export const FORMAT_OPTION = { format: { type: 'string' } } as const;

export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['text', 'json'];

/** The `--format` given (text when none), or the message saying what it must be. */
export function diagnosticFormat(value: string | undefined): { ok: true; value: DiagnosticFormat } | { ok: false; message: string } {
  return value === undefined ? { ok: true, value: 'text' } : enumValue('--format', value, DIAGNOSTIC_FORMATS);
}
