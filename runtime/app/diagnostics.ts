// The catalogue of the app loader's codes (APPnnnn): problems found while loading an app's definition files,
// collected (never thrown) with file, line and column, in the project's one Diagnostic shape and rendered by its one
// renderer (diagnostics/). Each code means one thing: a new problem gets the next number, never a used one.
import { formatDiagnostic as render, type Diagnostic } from '../../diagnostics/index.js';

export type { Diagnostic };

export const DIAGNOSTIC_CODES = {
  /** the YAML text does not parse */
  YAML_SYNTAX: 'APP0001',
  /** namespace/entries/entry are not the right YAML shapes */
  BAD_STRUCTURE: 'APP0002',
  /** a required field is absent */
  MISSING_FIELD: 'APP0003',
  /** a field has the wrong type or an invalid value */
  WRONG_TYPE: 'APP0004',
  /** an entry kind moonforge does not know */
  UNKNOWN_KIND: 'APP0005',
  /** two entries with the same namespace:name */
  DUPLICATE_ID: 'APP0006',
  /** `source: file://...` names a file that does not exist */
  MISSING_SOURCE: 'APP0007',
  /** an `imports:` target that is not a known entry, or not an importable (library or function) entry */
  UNKNOWN_IMPORT: 'APP0008',
  /** a reference to an entry that does not exist or has the wrong kind (process.service process/host) */
  UNKNOWN_REFERENCE: 'APP0009',
  /** a duration string Go's time.ParseDuration rejects */
  BAD_DURATION: 'APP0010',
  /** .wippy.yaml, wippy.lock or the source directories are unusable */
  BAD_CONFIG: 'APP0011',
  /** Lua entries that import each other in a cycle */
  IMPORT_CYCLE: 'APP0012',
  /** a `modules:` item naming a module moonforge does not provide (reported at start, at that item) */
  UNAVAILABLE_MODULE: 'APP0013',
  /** a file the app names (`source: file://`, a linked definition file, wippy.lock directories) outside its folder */
  FILE_OUTSIDE_APP: 'APP0014',
  /** (warning) entries of a known kind moonforge does not run (http.service, queue.consumer, ...): once per kind */
  KIND_NOT_RUN: 'APP0015',
  /** (warning) a process.lua entry with `lifecycle.auto_start` in an app with no process.host to start it on */
  AUTO_START_WITHOUT_HOST: 'APP0016',
  /** in a bundle, an entry the registry module gave code the bundle was not built with (a bundle cannot compile) */
  NOT_PREBUILT: 'APP0017',
  /** an entry override (`-o NS:ENTRY:FIELD=VALUE`) that is malformed, names no entry, or cannot be applied */
  BAD_OVERRIDE: 'APP0018',
  /**
   * (warning) a process.host's `workers:` that the way the app is run does not honour (the embedding API, a bundle):
   * the host's processes run on one thread
   */
  WORKERS_ON_ONE_THREAD: 'APP0019',
} as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[keyof typeof DIAGNOSTIC_CODES];

/**
 * The one renderer, for definition-file diagnostics: the head line only (`file:line:col: error APPnnnn: message`),
 * without a source excerpt, since their messages already name the offending field and value. One parameter, so that
 * `diagnostics.map(formatDiagnostic)` reads as it looks.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return render(d);
}
