// Problems found while loading an app's definition files: collected (never thrown) with file, line and column,
// and rendered like a compiler's "file:line:col: error APPnnnn: message".

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
  /** a file the app names (`source: file://`, a linked definition file, wippy.lock directories) outside its folder */
  FILE_OUTSIDE_APP: 'APP0013',
} as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[keyof typeof DIAGNOSTIC_CODES];

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** path of the file, relative to the app root when inside it */
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: error ${d.code}: ${d.message}`;
}
