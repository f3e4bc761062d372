// The entry module esbuild bundles into app.mjs: the prebuilt bundle runtime, the app's compiled chunks, and its
// definitions as data — entries and config written as JavaScript literals (js-literal.ts), so the bundle parses no
// YAML when it starts, with the paths of definition files and `source: file://` files relative to the app's folder
// (sdk/bundle/bundle-main.ts resolves them against app.mjs's own folder).
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { platformModuleNames } from '../../runtime/modules/index.js';
import { isLuaEntry, type App, type Entry } from '../../runtime/process/index.js';
import { jsLiteral } from './js-literal.js';

/** An entry and the index of its chunk among the bundle's modules. */
export interface BundledChunk {
  id: string;
  module: number;
}

/** The function the build appends to app.mjs, returning its trace table (build-app.ts). */
export const TRACE_FUNCTION = '$moonforgeTraceTable';

/** `path` relative to the app's root, with `/` between its parts wherever the bundle was built. */
const inApp = (app: App, path: string): string => relative(app.root, path).split(sep).join('/');

/** An entry as the bundle carries it: its files relative to the app's root. */
function portable(app: App, e: Entry): Entry {
  const out = { ...e, file: inApp(app, e.file) };
  if ('source' in e && (e.source as { type: string }).type === 'file') {
    const source = e.source as { type: 'file'; url: string; path: string };
    (out as { source: unknown }).source = { ...source, path: inApp(app, source.path) };
  }
  return out;
}

/**
 * The files the app reads that a bundle carries: each env.storage.file's, as it is in the app's folder now (it is
 * named relative to the current folder, which is the app's folder when an app is run as `moonforge run` is usually
 * run, from inside it), by its `file_path` as written. Absent files, and files outside the app's folder, are not
 * carried.
 */
export function carriedFiles(app: App): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of app.entries.values()) {
    const path = e.kind === 'env.storage.file' ? e.fields.file_path : undefined;
    if (typeof path !== 'string' || path === '') continue;
    const full = resolve(app.root, path);
    if (!existsSync(full) || !statSync(full).isFile()) continue;
    // nothing from outside the app's folder goes into a bundle, through a link neither
    const inside = relative(realpathSync(app.root), realpathSync(full));
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    files[path] = readFileSync(full, 'latin1');
  }
  return files;
}

/**
 * The platform modules a bundle carries: every one a Lua entry lists under `modules:`. Only these are installed in
 * the bundle's runtime (runtime/modules/platform-modules.bundle.ts), so that esbuild leaves the others' code out of
 * app.mjs; other names (time, io, ...) are the runtime's own.
 */
export function carriedModules(app: App): string[] {
  const platform = new Set(platformModuleNames());
  const names = new Set<string>();
  for (const e of app.entries.values()) {
    if (!isLuaEntry(e)) continue;
    for (const m of e.modules) if (platform.has(m)) names.add(m);
  }
  return [...names].sort();
}

/**
 * The entry module's text. With `withLuaCompiler`, it also imports the Lua compiler, built beside the runtime
 * (dist/bundle-compiler.mjs, sdk/bundle/runtime-compiler.ts), which the runtime then compiles run-time-made entries with.
 */
export function bundleEntrySource(app: App, runtimePath: string, moduleCount: number, chunks: readonly BundledChunk[], withLuaCompiler = false): string {
  const imports = Array.from({ length: moduleCount }, (_, i) => `import * as m${i} from 'moonforge-chunk:${i}';`);
  const chunkIndex = Object.fromEntries(chunks.map((c) => [c.id, c.module]));
  // built beside the runtime from runtime/modules/platform-modules.bundle.ts (esbuild.config.mjs)
  const platformPath = join(dirname(runtimePath), 'bundle-modules.mjs');
  const carried = carriedModules(app);
  return `import { startBundle } from ${JSON.stringify(runtimePath)};
import { carryPlatformModules${carried.map((m) => `, ${m}`).join('')} } from ${JSON.stringify(platformPath)};
${withLuaCompiler ? `import { compileAtRunTime } from ${JSON.stringify(join(dirname(runtimePath), 'bundle-compiler.mjs'))};\n` : ''}${imports.join('\n')}
carryPlatformModules([${carried.join(', ')}]);
startBundle({
  url: import.meta.url,
  config: ${jsLiteral(app.config)},
  entries: ${jsLiteral([...app.entries.values()].map((e) => portable(app, e)))},
  modules: [${Array.from({ length: moduleCount }, (_, i) => `m${i}`).join(', ')}],
  chunks: ${jsLiteral(chunkIndex)},
  table: () => ${TRACE_FUNCTION}(),
  files: ${jsLiteral(carriedFiles(app))},${withLuaCompiler ? '\n  compileAtRunTime,' : ''}
});
`;
}
