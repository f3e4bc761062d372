// Reading one YAML file with positions (the `yaml` package's LineCounter), and typed field access on its mapping
// nodes that reports wrong or missing fields as diagnostics at the field's own line and column.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import type { LuaSource, SourcePos } from './model.js';

export interface YamlFile {
  /** absolute path */
  path: string;
  /** as shown in diagnostics */
  shown: string;
  /** the folder its `file://` paths are confined to (confine.ts); its own folder when not set */
  root?: string;
  doc: Document;
  lines: LineCounter;
  /**
   * A definition built again from data, not read from text (an entry changed by an override, overrides.ts): every
   * position in it is this one, the entry's own in its file
   */
  at?: SourcePos;
  /** `source:` values already resolved when the entry was first loaded, kept as they were (a bundle has no sources) */
  sources?: ReadonlyMap<string, LuaSource>;
}

export function positionAt(f: YamlFile, offset: number): SourcePos {
  if (f.at !== undefined) return f.at;
  const p = f.lines.linePos(offset);
  return { file: f.shown, line: p.line, column: p.col };
}

export function nodePos(f: YamlFile, node: Node | null | undefined): SourcePos {
  const range = node?.range;
  return positionAt(f, range ? range[0] : 0);
}

/** Parses YAML text; syntax errors become APP0001 diagnostics and the file is dropped. */
export function parseYamlFile(path: string, shown: string, text: string, diags: Diagnostic[]): YamlFile | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const file: YamlFile = { path, shown, doc, lines };
  if (doc.errors.length === 0) {
    // Converting to JS values can still fail where parsing did not: aliases expanding past the yaml package's limit
    // (a "billion laughs" file) throw from toJS. Convert once here, so that no later field read can throw.
    try {
      doc.toJS();
    } catch (e) {
      const p = positionAt(file, 0);
      diags.push({ code: DIAGNOSTIC_CODES.YAML_SYNTAX, message: `YAML error: ${(e as Error).message}`, ...p });
      return undefined;
    }
    return file;
  }
  let tooDeep = false;
  for (const e of doc.errors) {
    const p = positionAt(file, e.pos[0]);
    // the yaml package composes recursively and reports a JS stack overflow, once per level it unwinds: said once,
    // at the innermost level, in YAML's terms
    const overflow = /call stack/i.test(e.message);
    if (overflow && tooDeep) continue;
    tooDeep ||= overflow;
    const message = overflow ? 'collections nested too deeply' : e.message;
    diags.push({ code: DIAGNOSTIC_CODES.YAML_SYNTAX, message: `YAML syntax error: ${message}`, ...p });
  }
  return undefined;
}

export function toJS(f: YamlFile, node: unknown): unknown {
  if (node === undefined || node === null) return undefined;
  if (isMap(node) || isSeq(node) || isScalar(node)) return node.toJS(f.doc);
  return node;
}

export function describeYaml(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  const shown = typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v) : String(v);
  return `a ${typeof v} (${shown})`;
}

/** Typed access to the fields of one YAML mapping, reporting problems against `owner` (e.g. "entry app:x"). */
export class FieldReader {
  constructor(
    readonly file: YamlFile,
    readonly map: YAMLMap,
    readonly diags: Diagnostic[],
    readonly owner: string,
  ) {}

  has(key: string): boolean {
    return this.map.has(key);
  }

  node(key: string): Node | undefined {
    const n = this.map.get(key, true);
    return (n ?? undefined) as Node | undefined;
  }

  value(key: string): unknown {
    return toJS(this.file, this.node(key));
  }

  /** Position of the field's value, or of the mapping when absent. */
  pos(key?: string): SourcePos {
    const n = key === undefined ? undefined : this.node(key);
    return nodePos(this.file, n ?? this.map);
  }

  report(code: DiagnosticCode, message: string, key?: string, node?: Node): void {
    const p = node !== undefined ? nodePos(this.file, node) : this.pos(key);
    this.diags.push({ code, message, ...p });
  }

  missing(key: string): void {
    this.report(DIAGNOSTIC_CODES.MISSING_FIELD, `${this.owner}: missing required field '${key}'`);
  }

  wrongType(key: string, expected: string, got: unknown): void {
    this.report(DIAGNOSTIC_CODES.WRONG_TYPE, `${this.owner}: field '${key}' must be ${expected}, got ${describeYaml(got)}`, key);
  }

  /** A nested mapping as its own reader, or undefined (reported when present but not a mapping). */
  sub(key: string): FieldReader | undefined {
    const n = this.node(key);
    if (n === undefined || (isScalar(n) && n.value === null)) return undefined;
    if (!isMap(n)) {
      this.wrongType(key, 'a mapping', toJS(this.file, n));
      return undefined;
    }
    return new FieldReader(this.file, n, this.diags, `${this.owner}: ${key}`);
  }

  string(key: string, required = false): string | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) {
      if (required) this.missing(key);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.wrongType(key, 'a string', v);
      return undefined;
    }
    if (required && v.trim() === '') {
      this.missing(key);
      return undefined;
    }
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.wrongType(key, 'a boolean', v);
      return undefined;
    }
    return v;
  }

  number(key: string, integer = false): number | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) {
      this.wrongType(key, integer ? 'an integer' : 'a number', v);
      return undefined;
    }
    return v;
  }

  stringList(key: string): string[] {
    const v = this.value(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      this.wrongType(key, 'a list of strings', v);
      return [];
    }
    return v as string[];
  }

  record(key: string): Record<string, unknown> | undefined {
    const v = this.value(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.wrongType(key, 'a mapping', v);
      return undefined;
    }
    return v as Record<string, unknown>;
  }
}
