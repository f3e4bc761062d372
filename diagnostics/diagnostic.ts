// The one shape every part of moonforge reports a problem in: the compiler (LUA1xxx syntax, LUA2xxx typed Lua), the
// app loader (APPnnnn definition files) and the code families still to come (TypeScript, builds). Neutral ground:
// this folder imports nothing from compiler/ or runtime/, so both (and the SDK) can use it without importing each
// other.

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  /** the family prefix and number, e.g. LUA1001, LUA2003, APP0004 */
  code: string;
  /** absent means 'error': every diagnostic reported today stops the compile or the app */
  severity?: Severity;
  message: string;
  /** the path as shown to the user (relative to the app root for app files) */
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (it cannot be read), then column is 0 too */
  line: number;
  /**
   * 1-based, in units of the source the reporter read: bytes of the line for the compiler (it reads Lua source as
   * latin1, one char per byte), characters for the app loader. The renderers convert to characters.
   */
  column: number;
  /** how many units the caret span covers (1 when absent) */
  length?: number;
  /** further lines of explanation, each shown as `note: ...` */
  notes?: string[];
  /** a suggested fix, where one is known, shown as `help: ...` */
  fix?: string;
}

/** True for a diagnostic that stops what reported it (an error: the severity absent or 'error'), not a warning or note. */
export function isError(d: Diagnostic): boolean {
  return (d.severity ?? 'error') === 'error';
}
