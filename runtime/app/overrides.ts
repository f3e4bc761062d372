// Entry overrides, as `wippy run -o NS:ENTRY:FIELD=VALUE` has them: a field of an entry's definition set from the
// command line before the app starts (a port, an address, a process's method, a service's input), the definition
// files untouched. Wippy's rules (cmd/wippy/cmd/run.go parseOverride / parseOverrideValue, boot/build/stages/
// override.go, internal/entry/mutator.go):
// - the text up to the first '=' is the key, the rest the value; the key's namespace ends at its first ':', the
//   entry's name at the next, and FIELD is the rest (`app.v2:gateway.v1:data.addr`);
// - FIELD is a dotted path into the entry's fields (`data.` in front is optional), `meta.NAME...` into its meta, and
//   `kind` changes its kind; a step through something that is not a mapping replaces it with one;
// - VALUE is true/false (any case), a whole number written plainly, a number with '.', 'e' or 'E', or else the
//   text as written.
// The config's `override:` section (`.wippy.yaml`, `app:gateway:addr: ":9090"`, its values keeping their YAML types)
// is applied first, then the command line's, as Wippy merges them into one section; a later one for the same field
// wins.
// A value may hold commas: Wippy's flag library splits an `-o` value at its commas (`-o app:a:hosts=x,y` is two
// overrides there, the second an error for its missing '='), moonforge does not.
// One addition: a step that is the index of an item of a list (0, 1, ... or its length, to append) sets that item,
// where Wippy would replace the list by a mapping that no list field accepts, so that a service's `input` can be
// changed item by item (`app:svc:input.0=fast`).
// The changed entry is built again by the loader (entries.ts rebuildEntry), so what derives from its fields follows,
// and the checks across entries run again; every problem comes back as a diagnostic.
import { resolve, sep } from 'node:path';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import { rebuildEntry } from './entries.js';
import { checkEntries } from './load.js';
import type { App, Entry } from './model.js';

/** One override as parsed: the entry it names, where in the entry, and the value. */
export interface EntryOverride {
  /** how messages name it: `-o TEXT`, or `override KEY` */
  label: string;
  /** where it was written: the command line, or its line in .wippy.yaml */
  at: Pick<Diagnostic, 'file' | 'line' | 'column'>;
  id: string;
  /** 'kind', or a path into the entry's fields (`data`) or its meta */
  target: 'kind' | 'data' | 'meta';
  path: string[];
  value: unknown;
}

const FORMAT = 'namespace:entry:field=value';

/** VALUE as Wippy reads it: a boolean, a whole number, a number written with '.', 'e' or 'E', else the text. */
export function overrideValue(raw: string): unknown {
  const t = raw.trim();
  if (t === '') return raw;
  const lower = t.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  // a whole number only as written plainly (Go's ParseInt then FormatInt gives it back): not 007, +7 or 1_000
  if (/^-?(0|[1-9]\d*)$/.test(t) && Number.isSafeInteger(Number(t)) && t !== '-0') return Number(t);
  // ParseFloat's syntax, where the text has '.', 'e' or 'E' (Infinity and NaN spelled out stay text)
  if (/[.eE]/.test(t) && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  return raw;
}

const COMMAND_LINE = { file: '<command-line>', line: 0, column: 0 };

/** `NS:ENTRY:FIELD` as the entry and the place in it, or the message saying what is wrong with it. */
export function parseOverrideKey(key: string): Pick<EntryOverride, 'id' | 'target' | 'path'> | string {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  if (second < 0) return `missing separator ':', expected format: ${FORMAT}`;
  const namespace = key.slice(0, first).trim();
  const name = key.slice(first + 1, second).trim();
  const field = key.slice(second + 1).trim().replace(/^\./, '');
  if (namespace === '') return 'namespace cannot be empty';
  if (name === '') return 'entry name cannot be empty';
  if (field === '') return 'field cannot be empty';
  const id = `${namespace}:${name}`;
  if (field === 'kind') return { id, target: 'kind', path: [] };
  const parts = field.split('.');
  const target = parts[0] === 'meta' ? 'meta' : 'data';
  const path = parts[0] === 'meta' || parts[0] === 'data' ? parts.slice(1) : parts;
  if (path.length === 0) return `cannot replace entire ${target} field`;
  if (path.includes('')) return `field '${field}' has an empty step`;
  return { id, target, path };
}

/** `-o` text as an override, or the message saying what is wrong with it. */
export function parseOverride(text: string): EntryOverride | string {
  const eq = text.indexOf('=');
  if (eq < 0) return `missing separator '=', expected format: ${FORMAT}`;
  const key = parseOverrideKey(text.slice(0, eq));
  if (typeof key === 'string') return key;
  return { label: `-o ${text}`, at: COMMAND_LINE, ...key, value: overrideValue(text.slice(eq + 1)) };
}

/** Every override of the app, in the order applied: its config's `override:` section, then `cli`. */
function overridesOf(app: App, cli: readonly string[]): Array<EntryOverride | { label: string; at: EntryOverride['at']; problem: string }> {
  const out: Array<EntryOverride | { label: string; at: EntryOverride['at']; problem: string }> = [];
  for (const o of app.config.overrides ?? []) {
    const label = `override ${o.key}`;
    const at = { file: o.pos.file, line: o.pos.line, column: o.pos.column };
    const key = parseOverrideKey(o.key);
    out.push(typeof key === 'string' ? { label, at, problem: key } : { label, at, ...key, value: o.value });
  }
  for (const text of cli) {
    const o = parseOverride(text);
    out.push(typeof o === 'string' ? { label: `-o ${text}`, at: COMMAND_LINE, problem: o } : o);
  }
  return out;
}

type Container = Record<string, unknown> | unknown[];

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `step` as an index into `list` that sets an item or appends one, or undefined. */
function itemIndex(list: unknown[], step: string): number | undefined {
  if (!/^(0|[1-9]\d*)$/.test(step)) return undefined;
  const i = Number(step);
  return i <= list.length ? i : undefined;
}

function setStep(c: Container, step: string, value: unknown): void {
  if (Array.isArray(c)) c[itemIndex(c, step)!] = value;
  else c[step] = value;
}

/** Sets `value` at `path` under `root`, making (or putting in place of anything else) the mappings on the way. */
function setAtPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let c: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i]!;
    const next: unknown = Array.isArray(c) ? c[itemIndex(c, step)!] : c[step];
    const following = path[i + 1]!;
    if (isMapping(next) || (Array.isArray(next) && itemIndex(next, following) !== undefined)) c = next;
    else {
      const made = {};
      setStep(c, step, made);
      c = made;
    }
  }
  setStep(c, path.at(-1)!, value);
}

/** Whether the last step of `path` can be set in what the steps before it reach (a list takes an index only). */
function lastStepFits(root: Record<string, unknown>, path: readonly string[]): boolean {
  let c: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (isMapping(c)) c = c[step];
    else if (Array.isArray(c) && itemIndex(c, step) !== undefined) c = c[Number(step)];
    else return true; // replaced by a new mapping on the way
  }
  return !Array.isArray(c) || itemIndex(c, path.at(-1)!) !== undefined;
}

const describe = (v: unknown): string => (typeof v === 'string' ? 'a string' : typeof v === 'number' ? `a number (${v})` : `a ${typeof v} (${String(v)})`);

/** Where `e`'s definition file was loaded from: the app's modules folder or its source folder (confine.ts). */
function definitionRoot(app: App, e: Entry): string {
  const modules = resolve(app.root, app.config.directories.modules);
  return e.file.startsWith(modules + sep) ? modules : resolve(app.root, app.config.directories.src);
}

function problem(o: Pick<EntryOverride, 'label' | 'at'>, message: string): Diagnostic {
  return { code: DIAGNOSTIC_CODES.BAD_OVERRIDE, message: `${o.label}: ${message}`, ...o.at };
}

const rendered = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;

/**
 * Applies the app's `.wippy.yaml` `override:` section, then `cli` (`NS:ENTRY:FIELD=VALUE` each, in order: a later
 * one wins), to the entries of `app`, and returns the problems: a malformed override, an entry that does not exist,
 * a value that cannot go where it is set, and what the loader reports about a changed entry (a `method` that is no
 * string, an unknown kind) or across entries (a service naming an unknown process now). Entries with problems are
 * left as they were.
 */
export function applyOverrides(app: App, cli: readonly string[]): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const before = new Set<string>();
  const seen: Diagnostic[] = [];
  checkEntries(app.entries, seen);
  for (const d of seen) before.add(rendered(d));
  // every override of one entry applied to one copy of its definition, then the entry built once
  const changes = new Map<string, { kind: string; meta: Record<string, unknown>; fields: Record<string, unknown>; labels: string[] }>();
  for (const o of overridesOf(app, cli)) {
    if ('problem' in o) {
      diags.push(problem(o, o.problem));
      continue;
    }
    const e = app.get(o.id);
    if (e === undefined) {
      diags.push(problem(o, `no entry found for ${o.id}`));
      continue;
    }
    let change = changes.get(e.id);
    if (change === undefined) {
      change = { kind: e.kind, meta: structuredClone(e.meta), fields: structuredClone(e.fields), labels: [] };
      changes.set(e.id, change);
    }
    if (o.target === 'kind') {
      if (typeof o.value !== 'string') {
        diags.push(problem(o, `kind override must be a string, got ${describe(o.value)}`));
        continue;
      }
      if (o.value.trim() === '') {
        diags.push(problem(o, 'kind override must not be empty'));
        continue;
      }
      change.kind = o.value.trim();
    } else {
      const root = o.target === 'meta' ? change.meta : change.fields;
      if (!lastStepFits(root, o.path)) {
        diags.push(problem(o, `'${o.path.at(-1)}' is not an index of the list at '${o.path.slice(0, -1).join('.')}'`));
        continue;
      }
      // a value from the config is the config's: the entry gets its own copy
      setAtPath(root, o.path, structuredClone(o.value));
    }
    change.labels.push(o.label);
  }
  for (const [id, change] of changes) {
    if (change.labels.length === 0) continue;
    const old = app.get(id)!;
    const found: Diagnostic[] = [];
    const rebuilt = rebuildEntry(old, change, definitionRoot(app, old), found);
    const note = `after ${change.labels.join(', ')}`;
    for (const d of found) diags.push({ ...d, notes: [...(d.notes ?? []), note] });
    if (rebuilt !== undefined && !found.some((d) => (d.severity ?? 'error') === 'error')) app.entries.set(id, rebuilt);
  }
  // references, cycles and kinds across entries, as the loader checks them: only what the overrides brought
  const after: Diagnostic[] = [];
  checkEntries(app.entries, after);
  const applied = [...changes.values()].flatMap((c) => c.labels);
  for (const d of after) if (!before.has(rendered(d))) diags.push({ ...d, notes: [...(d.notes ?? []), `after ${applied.join(', ')}`] });
  return diags;
}
