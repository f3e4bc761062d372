// Entries written at run time (registry changesets) become entries exactly as definition files make them: the draft
// is written out as a one-entry definition file and read by the app loader (runtime/app/entries.ts), so a
// `function.lua` made by Lua has the same fields, defaults and checks as one written in YAML, and its problems read
// the same. The source of a Lua entry made this way is its text (`data.source`); file:// sources are refused, since
// such an entry has no folder for the path to be relative to, and it holds at most MAX_RUNTIME_SOURCE bytes. An
// `env.storage.file` made (or changed) this way must
// name a file inside the working directory: its file is read and rewritten by env.get / env.set, and Lua has no other
// way to reach the file system, so a changeset must not be one (`/etc/passwd`, `../../.ssh/...`, a link out).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stringify } from 'yaml';
import { escapes } from '../../app/confine.js';
import { readDefinitionFile } from '../../app/entries.js';
import { LUA_KINDS, type Entry } from '../../app/model.js';
import { parseYamlFile } from '../../app/yaml-file.js';
import type { Diagnostic } from '../../../diagnostics/index.js';
import type { EntryDraft } from './entry-view.js';
import { parseId } from './ids.js';

/**
 * The most source text a Lua entry made at run time may hold. apply() compiles it on the node's one thread, where
 * nothing else runs meanwhile: ~40 µs a statement, so a 1 MB source froze every process for four seconds (Wippy
 * compiles on the caller's goroutine and has no limit). 128 KiB, about half a second at worst, is far beyond what a
 * program generates by hand; bigger code belongs in the app's files, compiled when it starts.
 */
const MAX_RUNTIME_SOURCE = 128 * 1024;

export function buildEntry(d: EntryDraft): Entry | { error: string } {
  const id = parseId(d.id);
  if (id.ns === '' || id.name === '') return { error: `invalid entry id '${d.id}': it needs a namespace and a name` };
  const data = d.data !== null && typeof d.data === 'object' && !Array.isArray(d.data) ? (d.data as Record<string, unknown>) : {};
  if ((LUA_KINDS as readonly string[]).includes(d.kind) && typeof data.source === 'string' && data.source.startsWith('file://')) {
    return { error: `${d.id}: a ${d.kind} entry made at run time needs its source text in data.source, not a file:// path` };
  }
  const size = (LUA_KINDS as readonly string[]).includes(d.kind) && typeof data.source === 'string' ? Buffer.byteLength(data.source) : 0;
  if (size > MAX_RUNTIME_SOURCE) {
    return {
      error: `${d.id}: a ${d.kind} entry made at run time holds at most ${MAX_RUNTIME_SOURCE} bytes of source (this one ${size}): compiling it stops every process`,
    };
  }
  if (d.kind === 'env.storage.file' && typeof data.file_path === 'string' && data.file_path !== '' && leavesWorkingDir(data.file_path)) {
    return { error: `${d.id}: an env.storage.file entry made at run time must keep its file inside the working directory: ${data.file_path}` };
  }
  const text = stringify({ namespace: id.ns, entries: [{ name: id.name, kind: d.kind, meta: d.meta, data }] }, { lineWidth: 0 });
  const shown = `registry:${d.id}`;
  const diags: Diagnostic[] = [];
  const file = parseYamlFile(shown, shown, text, diags);
  const built = file === undefined ? [] : readDefinitionFile(file, diags);
  const errors = diags.filter((x) => x.severity !== 'warning');
  if (errors.length > 0 || built.length !== 1) {
    return { error: errors.length > 0 ? errors.map((x) => x.message).join('; ') : `${d.id}: invalid entry` };
  }
  return built[0]!;
}

/**
 * Whether `file` (relative to the working directory, as env storages read it) is outside it by name, or once links
 * are resolved: the file's own, or, for a file auto_create would make, those of the nearest folder that exists.
 */
function leavesWorkingDir(file: string): boolean {
  const root = process.cwd();
  let path = resolve(root, file);
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  return escapes(root, path) !== undefined || escapes(root, resolve(root, file)) === 'name';
}
