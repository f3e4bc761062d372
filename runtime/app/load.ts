// loadApp: scans an app folder as Wippy does (recursive walk of the source and module directories for YAML
// definition files, boot/loader/file_loader.go), merges entries under "namespace:name", and checks references
// between entries. Problems come back as diagnostics; whatever loads cleanly is in the App.
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics.js';
import { readAppConfig } from './config.js';
import { readDefinitionFile } from './entries.js';
import { checkImportCycles } from './bindings.js';
import { reportUnrunEntries } from './unrun-kinds.js';
import { IMPORTABLE_KINDS, isLuaEntry, isProcessService, type App, type AppConfig, type Entry, type SourcePos } from './model.js';
import { parseYamlFile } from './yaml-file.js';
import { escapes } from './confine.js';

const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIP_DIRS = new Set(['node_modules']);
const PROCESS_KINDS = ['process.lua', 'process.lua.bc', 'process.wasm'];
const HOST_KINDS = ['process.host', 'terminal.host'];

/** A definition file found by the walk, with the folder it was found in (its `file://` paths stay inside it). */
interface Found {
  path: string;
  root: string;
}

async function walk(dir: string, out: Found[], root = dir): Promise<void> {
  const items = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const item of items) {
    const path = join(dir, item.name);
    if (item.isDirectory()) {
      if (!SKIP_DIRS.has(item.name)) await walk(path, out, root);
    } else if (DEFINITION_EXTENSIONS.some((ext) => item.name.endsWith(ext))) {
      out.push({ path, root });
    }
  }
}

/** The largest definition file read (16 MiB): far past any real one, and its YAML tree stays a fraction of the heap. */
const MAX_DEFINITION_BYTES = 16 * 2 ** 20;

/**
 * Why a definition file found by the walk cannot be read, or undefined: a dangling link (that was an internal error),
 * a FIFO or device named *.yaml (reading it blocked forever), or a file too large to parse.
 */
async function whyUnreadable(path: string): Promise<string | undefined> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
  if (!st.isFile()) return 'not a regular file';
  if (st.size > MAX_DEFINITION_BYTES) return `too large: ${st.size} bytes, the limit is ${MAX_DEFINITION_BYTES / 2 ** 20} MiB`;
  return undefined;
}

function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

/** An App over entries already read (the loader's, or a bundle's, sdk/bundle/). */
export function createApp(root: string, config: AppConfig, entries: Map<string, Entry>): App {
  return {
    root,
    config,
    entries,
    get: (id: string) => entries.get(id),
    byKind: ((kind: string) => [...entries.values()].filter((e) => e.kind === kind)) as App['byKind'],
  };
}

function at(p: SourcePos): Pick<Diagnostic, 'file' | 'line' | 'column'> {
  return { file: p.file, line: p.line, column: p.column };
}

/**
 * Namespaces that `ns.dependency` entries promise (component "wippy/views" -> "wippy.views" or "views"), for a hint
 * when an import points into a module that is not installed under .wippy/.
 */
function dependencyHints(entries: Map<string, Entry>): Map<string, string> {
  const hints = new Map<string, string>();
  for (const e of entries.values()) {
    const component = e.kind === 'ns.dependency' ? e.fields.component : undefined;
    if (typeof component !== 'string') continue;
    const hint = `; it may come from dependency '${component}' (${e.id}), which is not installed`;
    hints.set(component.replace(/\//g, '.'), hint);
    hints.set(component.slice(component.lastIndexOf('/') + 1), hint);
  }
  return hints;
}

/** Cross-entry checks: imports name libraries, services name a process and a host. */
function checkReferences(entries: Map<string, Entry>, diags: Diagnostic[]): void {
  const hints = dependencyHints(entries);
  for (const e of entries.values()) {
    if (isLuaEntry(e)) {
      for (const [alias, target] of Object.entries(e.imports)) {
        const p = e.positions[`imports.${alias}`] ?? e.pos;
        const t = entries.get(target);
        if (t === undefined) {
          const hint = hints.get(target.slice(0, target.indexOf(':'))) ?? '';
          diags.push({
            code: DIAGNOSTIC_CODES.UNKNOWN_IMPORT,
            message: `${e.id}: import '${alias}' names unknown entry '${target}'${hint}`,
            ...at(p),
          });
        } else if (!IMPORTABLE_KINDS.includes(t.kind)) {
          diags.push({
            code: DIAGNOSTIC_CODES.UNKNOWN_IMPORT,
            message: `${e.id}: import '${alias}' names '${target}' of kind ${t.kind}, which cannot be imported`,
            ...at(p),
          });
        }
      }
    } else if (isProcessService(e)) {
      const refs: Array<[string, string, string[], string]> = [
        ['process', e.process, PROCESS_KINDS, 'a process.lua entry'],
        ['host', e.host, HOST_KINDS, 'a process.host or terminal.host entry'],
      ];
      for (const [field, id, kinds, what] of refs) {
        if (id === '') continue; // already reported as missing
        const t = entries.get(id);
        const p = e.positions[field] ?? e.pos;
        if (t === undefined) {
          diags.push({ code: DIAGNOSTIC_CODES.UNKNOWN_REFERENCE, message: `${e.id}: ${field} '${id}' is not a known entry`, ...at(p) });
        } else if (!kinds.includes(t.kind)) {
          diags.push({
            code: DIAGNOSTIC_CODES.UNKNOWN_REFERENCE,
            message: `${e.id}: ${field} '${id}' is a ${t.kind} entry, expected ${what}`,
            ...at(p),
          });
        }
      }
    }
  }
}

/**
 * What is checked across entries once they are all built: references between them, import cycles, and the warnings
 * about what moonforge will not run (again after overrides change entries, overrides.ts).
 */
export function checkEntries(entries: Map<string, Entry>, diagnostics: Diagnostic[]): void {
  checkReferences(entries, diagnostics);
  checkImportCycles(entries, diagnostics);
  reportUnrunEntries(entries.values(), diagnostics);
}

/**
 * Loads the app in `dir`. Never throws for problems in the app's files: they are returned as diagnostics; those with
 * `severity: 'warning'` (unrun-kinds.ts) do not stop the app.
 */
export async function loadApp(dir: string): Promise<{ app: App; diagnostics: Diagnostic[] }> {
  const root = resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, Entry>();
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    diagnostics.push({ code: DIAGNOSTIC_CODES.BAD_CONFIG, message: `app folder not found: ${dir}`, file: dir, line: 1, column: 1 });
    const config: AppConfig = {
      raw: {},
      security: { strictMode: false },
      lua: { typeSystem: { enabled: false } },
      runtime: { maxRunMs: undefined },
      logger: {},
      directories: { src: './src', modules: '.wippy' },
    };
    return { app: createApp(root, config, entries), diagnostics };
  }
  const config = await readAppConfig(root, diagnostics);
  const files: Found[] = [];
  // installed modules first, then the app's own sources; a folder outside the app is never walked (config.ts
  // reports it at its wippy.lock line)
  const modulesDir = resolve(root, config.directories.modules);
  const modulesInside = escapes(root, modulesDir) === undefined;
  if (modulesInside && existsSync(modulesDir) && (await stat(modulesDir)).isDirectory()) await walk(modulesDir, files);
  const srcDir = resolve(root, config.directories.src);
  const srcInside = escapes(root, srcDir) === undefined;
  if (srcInside && existsSync(srcDir) && (await stat(srcDir)).isDirectory()) await walk(srcDir, files);
  else if (srcInside) {
    diagnostics.push({
      code: DIAGNOSTIC_CODES.BAD_CONFIG,
      message: `source directory not found: ${config.directories.src}`,
      // without a wippy.lock naming it, the folder itself is what is wrong: named as given (not '.')
      file: existsSync(join(root, 'wippy.lock')) ? 'wippy.lock' : dir,
      line: 1,
      column: 1,
    });
  }
  for (const { path, root: folder } of files) {
    // a definition file that is a link to a file outside the app is not read (its text would show in diagnostics)
    if (escapes(folder, path) !== undefined) {
      diagnostics.push({
        code: DIAGNOSTIC_CODES.FILE_OUTSIDE_APP,
        message: 'definition file is a link to a file outside the app folder',
        file: shownPath(root, path),
        line: 1,
        column: 1,
      });
      continue;
    }
    const unreadable = await whyUnreadable(path);
    if (unreadable !== undefined) {
      diagnostics.push({ code: DIAGNOSTIC_CODES.BAD_CONFIG, message: `definition file cannot be read (${unreadable})`, file: shownPath(root, path), line: 1, column: 1 });
      continue;
    }
    const f = parseYamlFile(path, shownPath(root, path), await readFile(path, 'utf8'), diagnostics);
    if (f === undefined) continue;
    f.root = folder;
    for (const e of readDefinitionFile(f, diagnostics)) {
      const first = entries.get(e.id);
      if (first !== undefined) {
        diagnostics.push({
          code: DIAGNOSTIC_CODES.DUPLICATE_ID,
          message: `duplicate entry id '${e.id}' (first defined at ${first.pos.file}:${first.pos.line}:${first.pos.column})`,
          ...at(e.pos),
        });
        continue;
      }
      entries.set(e.id, e);
    }
  }
  checkEntries(entries, diagnostics);
  // stable: by file in load order, then by position within the file
  const fileOrder = new Map<string, number>();
  diagnostics.forEach((d) => fileOrder.has(d.file) || fileOrder.set(d.file, fileOrder.size));
  diagnostics.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column);
  return { app: createApp(root, config, entries), diagnostics };
}
