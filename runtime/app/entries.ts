// Definition files to typed entries. A definition file is YAML with `namespace:` and either `entries:` or a
// top-level `name` + `kind` (boot/loader/entry_loader.go); other YAML files are skipped silently, except an empty or
// namespace-less `_index.yaml` and a list or scalar at the top of any file, which are reported. Entry fields sit
// at the entry's root, or under `data:`; the file-level `meta` is merged under each entry's own.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { resolveFileUrl } from './confine.js';
import { Document, LineCounter, isMap, isSeq, isScalar, type YAMLMap } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import { readLifecycle } from './lifecycle.js';
import { KNOWN_KINDS, LUA_KINDS, isLuaEntry, type Entry, type LuaEntry, type LuaKind, type LuaSource, type SourcePos } from './model.js';
import { FieldReader, describeYaml, nodePos, toJS, type YamlFile } from './yaml-file.js';

/** An entry id as written, made absolute: "name" is relative to `namespace` (registry.ID WithDefaultNS). */
export function resolveId(ref: string, namespace: string): string {
  return ref.includes(':') ? ref : `${namespace}:${ref}`;
}

/** The conventional name of a definition file (`wippy init` writes src/_index.yaml). */
const INDEX_FILE = /^_index\.(ya?ml|json)$/;

const ENTRY_STRUCTURAL = new Set(['name', 'kind', 'meta', 'data']);
const SINGLE_STRUCTURAL = new Set(['namespace', 'name', 'kind', 'meta', 'version', 'requirements', 'entries']);

interface RawEntry {
  namespace: string;
  name: string;
  kind: string;
  meta: Record<string, unknown>;
  /** the mapping holding the entry's fields */
  fields: FieldReader;
  exclude: Set<string>;
  pos: SourcePos;
}

function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The entries of one definition file (empty for YAML files that are not definition files). */
export function readDefinitionFile(f: YamlFile, diags: Diagnostic[]): Entry[] {
  const root = f.doc.contents;
  // Wippy skips YAML without a namespace silently (entry_loader.go ValidateFileContent: "not a wippy entry file"), so
  // data files may sit in src/. An `_index.yaml` is a definition file by name, though: one that is empty or has no
  // namespace is a mistake whose only symptom would be "no entry 'app:main'" later, so it is reported.
  const isIndex = INDEX_FILE.test(basename(f.path));
  if (!isMap(root)) {
    if (root === null || (isScalar(root) && root.value === null)) {
      if (isIndex) diags.push({ code: DIAGNOSTIC_CODES.BAD_STRUCTURE, message: `${basename(f.path)} is empty: a definition file needs 'namespace:' and 'entries:'`, ...nodePos(f, undefined) });
      return [];
    }
    // A list or a scalar cannot be a definition file at all: Wippy's loader fails to unmarshal it (unmarshalContent).
    diags.push({
      code: DIAGNOSTIC_CODES.BAD_STRUCTURE,
      message: `a definition file must be a mapping with 'namespace:' and 'entries:', got ${describeYaml(toJS(f, root))}`,
      ...nodePos(f, root),
    });
    return [];
  }
  const nsNode = root.get('namespace', true);
  const ns = toJS(f, nsNode);
  if (ns === undefined || ns === null || (typeof ns === 'string' && ns.trim() === '')) {
    if (isIndex) {
      diags.push({
        code: DIAGNOSTIC_CODES.MISSING_FIELD,
        message: `${basename(f.path)} has no 'namespace:', so none of its entries would load`,
        ...nodePos(f, (nsNode ?? root) as YAMLMap),
      });
    }
    return [];
  }
  const top = new FieldReader(f, root, diags, 'definition file');
  if (typeof ns !== 'string') {
    top.wrongType('namespace', 'a string', ns);
    return [];
  }
  const fileMeta = asRecord(top.value('meta'));
  const raws: RawEntry[] = [];
  const entriesNode = root.get('entries', true);
  if (isSeq(entriesNode) && entriesNode.items.length > 0) {
    entriesNode.items.forEach((item, i) => {
      if (!isMap(item)) {
        diags.push({
          code: DIAGNOSTIC_CODES.BAD_STRUCTURE,
          message: `entries[${i}] must be a mapping, got ${describeYaml(toJS(f, item))}`,
          ...nodePos(f, item as YAMLMap),
        });
        return;
      }
      const raw = readRawEntry(f, item, ns, fileMeta, `entries[${i}]`, diags);
      if (raw !== undefined) raws.push(raw);
    });
  } else if (entriesNode !== undefined && !isSeq(entriesNode) && !(isScalar(entriesNode) && entriesNode.value === null)) {
    top.wrongType('entries', 'a list', toJS(f, entriesNode));
    return [];
  } else if (root.has('name') || root.has('kind')) {
    const raw = readRawEntry(f, root, ns, fileMeta, 'definition file', diags, true);
    if (raw !== undefined) raws.push(raw);
  } else if (entriesNode === undefined) {
    top.report(DIAGNOSTIC_CODES.BAD_STRUCTURE, `namespace '${ns}': a definition file needs 'entries:' or a top-level 'name' and 'kind'`, 'namespace');
  }
  const out: Entry[] = [];
  for (const raw of raws) {
    const e = buildEntry(f, raw, diags);
    if (e !== undefined) out.push(e);
  }
  return out;
}

function readRawEntry(
  f: YamlFile,
  map: YAMLMap,
  namespace: string,
  fileMeta: Record<string, unknown>,
  where: string,
  diags: Diagnostic[],
  single = false,
): RawEntry | undefined {
  const r = new FieldReader(f, map, diags, `${namespace}: ${where}`);
  const name = r.string('name', true);
  const kind = r.string('kind', true);
  if (name === undefined || kind === undefined) return undefined;
  const meta = { ...fileMeta, ...asRecord(single ? undefined : r.value('meta')) };
  // batch entries may wrap their fields in `data:`; otherwise the fields sit beside name/kind/meta
  const data = single ? undefined : map.get('data', true);
  const owner = `${namespace}:${name}`;
  const fields = new FieldReader(f, isMap(data) ? data : map, diags, owner);
  const exclude = isMap(data) ? new Set<string>() : single ? SINGLE_STRUCTURAL : ENTRY_STRUCTURAL;
  return { namespace, name, kind, meta, fields, exclude, pos: nodePos(f, map) };
}

/** Positions of each field's value, and of each `imports:` target as "imports.<alias>". */
function fieldPositions(f: YamlFile, map: YAMLMap): Record<string, SourcePos> {
  const out: Record<string, SourcePos> = {};
  for (const item of map.items) {
    const key = toJS(f, item.key);
    if (typeof key !== 'string') continue;
    out[key] = nodePos(f, (item.value ?? item.key) as YAMLMap);
    if (key === 'modules' && isSeq(item.value)) {
      // each item's own position: an unavailable module is reported at its name, not at the list
      item.value.items.forEach((m, i) => {
        out[`modules.${i}`] = nodePos(f, m as YAMLMap);
      });
    }
    if (key === 'imports' && isMap(item.value)) {
      for (const imp of item.value.items) {
        const alias = toJS(f, imp.key);
        if (typeof alias === 'string') out[`imports.${alias}`] = nodePos(f, (imp.value ?? imp.key) as YAMLMap);
      }
    }
  }
  return out;
}

function fieldsOf(raw: RawEntry): Record<string, unknown> {
  const all = asRecord(raw.fields.map.toJS(raw.fields.file.doc));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(all)) if (!raw.exclude.has(k)) out[k] = all[k];
  return out;
}

function buildEntry(f: YamlFile, raw: RawEntry, diags: Diagnostic[]): Entry | undefined {
  const id = `${raw.namespace}:${raw.name}`;
  if (!KNOWN_KINDS.has(raw.kind)) {
    const kindPos = new FieldReader(f, raw.fields.map, diags, id);
    diags.push({
      code: DIAGNOSTIC_CODES.UNKNOWN_KIND,
      message: `${id}: unknown entry kind '${raw.kind}'`,
      ...(kindPos.has('kind') ? kindPos.pos('kind') : raw.pos),
    });
    return undefined;
  }
  const base = {
    id,
    namespace: raw.namespace,
    name: raw.name,
    meta: raw.meta,
    fields: fieldsOf(raw),
    file: f.path,
    pos: raw.pos,
    positions: fieldPositions(f, raw.fields.map),
  };
  const r = raw.fields;
  if ((LUA_KINDS as readonly string[]).includes(raw.kind)) return buildLuaEntry(f, raw, base, raw.kind as LuaKind);
  switch (raw.kind) {
    case 'process.host': {
      const h = r.sub('host');
      return {
        ...base,
        kind: 'process.host',
        host: {
          workers: h?.number('workers', true),
          queueSize: h?.number('queue_size', true) || 1024,
          localQueueSize: h?.number('local_queue_size', true) || 256,
          maxProcesses: h?.number('max_processes', true),
        },
        threads: readThreads(r),
        lifecycle: readLifecycle(r),
      };
    }
    case 'terminal.host':
      return { ...base, kind: 'terminal.host', lifecycle: readLifecycle(r) };
    case 'process.service': {
      const proc = r.string('process', true);
      const host = r.string('host', true);
      const input = r.value('input');
      if (input !== undefined && input !== null && !Array.isArray(input)) r.wrongType('input', 'a list', input);
      return {
        ...base,
        kind: 'process.service',
        process: proc === undefined ? '' : resolveId(proc, raw.namespace),
        host: host === undefined ? '' : resolveId(host, raw.namespace),
        input: Array.isArray(input) ? input : [],
        lifecycle: readLifecycle(r),
      };
    }
    case 'security.policy':
      return { ...base, kind: 'security.policy' };
    default:
      return { ...base, kind: raw.kind };
  }
}

function buildLuaEntry(
  f: YamlFile,
  raw: RawEntry,
  base: Omit<LuaEntry, 'kind' | 'source' | 'method' | 'modules' | 'imports' | 'pool' | 'lifecycle'>,
  kind: LuaKind,
): LuaEntry | undefined {
  const r = raw.fields;
  const src = r.string('source', true);
  const method = r.string('method', kind !== 'library.lua' && kind !== 'module.lua');
  const modules = r.stringList('modules');
  const imports: Record<string, string> = {};
  const imp = r.sub('imports');
  if (imp !== undefined) {
    for (const item of imp.map.items) {
      const alias = toJS(f, item.key);
      const target = toJS(f, item.value);
      if (typeof alias !== 'string' || typeof target !== 'string' || target.trim() === '') {
        imp.report(
          DIAGNOSTIC_CODES.WRONG_TYPE,
          `${base.id}: imports must map an alias to an entry id ("alias: namespace:name")`,
          undefined,
          (item.value ?? item.key) as YAMLMap,
        );
        continue;
      }
      imports[alias] = resolveId(target, raw.namespace);
    }
  }
  const pool = kind === 'function.lua' ? r.record('pool') : undefined;
  if (src === undefined) return undefined;
  let source: LuaSource;
  const known = f.sources?.get(src);
  if (known !== undefined) source = known;
  else if (src.startsWith('file://')) {
    const dir = dirname(f.path);
    const file = resolveFileUrl(f.root ?? dir, dir, src);
    if ('refused' in file) {
      r.report(DIAGNOSTIC_CODES.FILE_OUTSIDE_APP, `${base.id}: ${file.refused}`, 'source');
      return undefined;
    }
    const path = file.path;
    if (!existsSync(path) || !statSync(path).isFile()) {
      // file:///x is not the absolute /x (Wippy reads it from the loaded folder): say so, it is easily mistaken
      const hint = src.startsWith('file:///') ? ' (file:/// paths start at the folder the app is loaded from)' : '';
      r.report(DIAGNOSTIC_CODES.MISSING_SOURCE, `${base.id}: source file not found: ${src}${hint}`, 'source');
      return undefined;
    }
    source = { type: 'file', url: src, path };
  } else {
    // Wippy's configs hold the Lua text itself when the source is not a file:// URL
    source = { type: 'inline', code: src };
  }
  const lifecycle = kind === 'process.lua' && r.has('lifecycle') ? readLifecycle(r) : undefined;
  return { ...base, kind, source, method, modules, imports, pool, ...(lifecycle === undefined ? {} : { lifecycle }) };
}

/**
 * Entry `old` built again, as the loader builds an entry from its file, from its definition as data: `kind`, `meta`
 * and `fields` (every field but name/kind/meta) changed by an override (overrides.ts). Its typed fields (source,
 * method, modules, imports, lifecycle, host, input, ...) follow the change, and what the loader would report about
 * the new definition is reported, at the entry's position: the entry has no text of its own now. `root` is the folder
 * its file was loaded from (a changed `file://` source stays inside it); an unchanged source is kept as it was
 * resolved, without looking for the file again.
 */
export function rebuildEntry(
  old: Entry,
  change: { kind: string; meta: Record<string, unknown>; fields: Record<string, unknown> },
  root: string,
  diags: Diagnostic[],
): Entry | undefined {
  const definition = { namespace: old.namespace, entries: [{ name: old.name, kind: change.kind, meta: change.meta, data: change.fields }] };
  const sources = new Map<string, LuaSource>();
  const written = old.fields.source;
  if (isLuaEntry(old) && typeof written === 'string') sources.set(written, old.source);
  const f: YamlFile = { path: old.file, shown: old.pos.file, root, doc: new Document(definition), lines: new LineCounter(), at: old.pos, sources };
  const rebuilt = readDefinitionFile(f, diags)[0];
  if (rebuilt === undefined) return undefined;
  // where each field was written stays where it was (the override replaced its value there)
  return { ...rebuilt, pos: old.pos, positions: { ...rebuilt.positions, ...old.positions } };
}

/** A process.host's `workers:` (ProcessHostEntry.threads): a positive integer or `auto`; absent, 1. */
function readThreads(r: FieldReader): number | 'auto' {
  const v = r.value('workers');
  if (v === undefined || v === null) return 1;
  if (v === 'auto') return 'auto';
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  r.wrongType('workers', 'a positive integer or auto', v);
  return 1;
}
