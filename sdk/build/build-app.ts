// `moonforge build APPDIR -o OUTDIR`: the app checked as `moonforge check` checks it (every problem, nothing written
// then), each entry that runs or is imported compiled through the compile cache (the chunks `run` would run), and
// one ES module written, OUTDIR/app.mjs, with its source map: the prebuilt bundle runtime (dist/bundle-runtime.mjs,
// sdk/bundle/), the chunks, and the app's definitions as data (bundle-entry.ts), bundled by esbuild. Its trace table
// (trace-table.ts) is appended at the end, so that Lua positions need no map file next to app.mjs.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { bindingPlan, isLuaEntry, type App, type LuaEntry } from '../../runtime/process/index.js';
import type { StartProblem } from '../app-runtime.js';
import { buildTsEntries, compileEntryModule } from '../app-compile.js';
import type { CachedModule } from '../cache.js';
import { checkApp, type CheckReport } from '../check-app.js';
import { progressLine } from '../progress-line.js';
import { workersOnOneThread } from '../worker-hosts/one-thread.js';
import { bundleEntrySource, TRACE_FUNCTION, type BundledChunk } from './bundle-entry.js';
import { chunkSource, traceTable } from './trace-table.js';

export interface BuildResult {
  /** the app's problems, as `moonforge check` reports them; nothing is written when one is an error */
  report: CheckReport;
  /** the files written, when the build succeeded, and esbuild's account of what went into app.mjs */
  written?: { app: string; map: string; metafile: Metafile };
}

/**
 * The prebuilt bundle runtime, in the dist/ of the moonforge package this module belongs to (the CLI runs from
 * dist/, tests from the sources: the package's root is found upwards either way).
 */
export function bundleRuntimePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dist', 'bundle-runtime.mjs');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('dist/bundle-runtime.mjs is missing: build moonforge first (node esbuild.config.mjs)');
    dir = up;
  }
}

/** How a bundle is built. */
export interface BuildOptions {
  /**
   * Carry the Lua compiler (`--with-lua-compiler`): entries the registry makes or changes at run time with new Lua
   * text are compiled while the app runs, and every Lua entry of the app is bundled, so that they may import any
   * library (a compiler-free bundle holds what runs and what that imports)
   */
  withLuaCompiler?: boolean;
}

/**
 * The entries a bundle needs a chunk for: what runs (processes, functions) and every library they import; with
 * `all`, every Lua entry.
 */
function bundledEntries(app: App, all: boolean): LuaEntry[] {
  const out = new Map<string, LuaEntry>();
  for (const e of app.entries.values()) {
    if (!isLuaEntry(e)) continue;
    if (all) {
      out.set(e.id, e);
      continue;
    }
    if (e.kind !== 'process.lua' && e.kind !== 'function.lua') continue;
    out.set(e.id, e);
    for (const l of bindingPlan(app, e.id)?.libraries ?? []) out.set(l.id, l);
  }
  return [...out.values()];
}

/**
 * Each bundled entry's compiled module (cache hits: the check has just compiled them), the same module once for
 * entries sharing their code. The check found no problem, so none is expected here.
 */
export async function compiledChunks(app: App, opts: BuildOptions = {}): Promise<{ modules: CachedModule[]; chunks: BundledChunk[] }> {
  const problems: StartProblem[] = [];
  const tsModules = await buildTsEntries(app, problems);
  const modules: CachedModule[] = [];
  const index = new Map<string, number>();
  const chunks: BundledChunk[] = [];
  for (const e of bundledEntries(app, opts.withLuaCompiler === true)) {
    const m = await compileEntryModule(app, e, problems, tsModules);
    if (m === undefined) continue;
    let i = index.get(m.jsPath);
    if (i === undefined) {
      i = modules.push(m) - 1;
      index.set(m.jsPath, i);
    }
    chunks.push({ id: e.id, module: i });
  }
  if (problems.length > 0) throw new Error(`the app's entries did not compile as they did when checked: ${problems[0]!.diagnostic.message}`);
  return { modules, chunks };
}

/**
 * Resolves `moonforge-chunk:<i>` to module i of the compile cache, its source map inline with its one source named
 * chunkSource(i): esbuild composes it into the bundle's map, where trace-table.ts finds each chunk by that name. The
 * runtime's files (moonforge's dist/) are taken without their own maps: composing them (the runtime's TypeScript
 * sources, 2.8 MB) took ~40% of a build, and the bundle's map then names those files for the runtime's lines (their
 * own maps, in moonforge's dist/, name the sources).
 */
export function chunkModules(modules: readonly CachedModule[]): Plugin {
  return {
    name: 'moonforge-chunks',
    setup(b) {
      const runtimeDir = dirname(bundleRuntimePath()) + sep;
      b.onLoad({ filter: /\.mjs$/ }, (a) =>
        a.path.startsWith(runtimeDir) ? { contents: readFileSync(a.path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n'), loader: 'js' } : undefined,
      );
      b.onResolve({ filter: /^moonforge-chunk:\d+$/ }, (a) => ({ path: a.path, namespace: 'moonforge-chunk' }));
      b.onLoad({ filter: /.*/, namespace: 'moonforge-chunk' }, (a) => {
        const i = Number(a.path.slice(a.path.indexOf(':') + 1));
        const m = modules[i]!;
        const map = JSON.parse(readFileSync(m.mapPath, 'utf8')) as { sources: string[] };
        map.sources = map.sources.map(() => chunkSource(i));
        const js = readFileSync(m.jsPath, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
        const inline = Buffer.from(JSON.stringify(map)).toString('base64');
        return { contents: `${js}//# sourceMappingURL=data:application/json;base64,${inline}\n`, loader: 'js' };
      });
    },
  };
}

/**
 * The bundle's map for people and tools: each chunk's source named by its file, relative to the map, with its text;
 * the runtime's lines name moonforge's files without their text (a megabyte that is moonforge's, not the app's).
 */
function publicMap(map: string, app: App, outDir: string, chunks: readonly BundledChunk[]): string {
  const parsed = JSON.parse(map) as { sources: string[]; sourcesContent?: Array<string | null> };
  const fileOf = new Map<number, string>();
  for (const c of chunks) {
    const e = app.get(c.id) as LuaEntry;
    if (!fileOf.has(c.module)) fileOf.set(c.module, e.source.type === 'file' ? relative(outDir, e.source.path) : e.id);
  }
  parsed.sourcesContent = parsed.sources.map((s, i) => (/^moonforge-chunk:\d+$/.test(s) ? (parsed.sourcesContent?.[i] ?? null) : null));
  parsed.sources = parsed.sources.map((s) => {
    const m = /^moonforge-chunk:(\d+)$/.exec(s);
    return m === null ? s : (fileOf.get(Number(m[1])) ?? s);
  });
  return JSON.stringify(parsed);
}

/** Checks the app in `dir` and, when it has no error, writes OUTDIR/app.mjs and app.mjs.map. */
export async function buildApp(dir: string, outDir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  // counted from the build's start: the compile pool draws its own line while it compiles, this one while esbuild
  // bundles (a second or so), on a terminal only
  const progress = progressLine();
  // a bundle runs every host on its one thread: a host's `workers:` is a warning here, not a surprise at run time
  const report = await checkApp(dir, (a) => workersOnOneThread(a.entries.values(), 'a bundle (moonforge build)'));
  if (report.records.some((r) => r.severity === 'error')) return { report };
  const app = report.app;
  const { modules, chunks } = await compiledChunks(app, opts);
  const out = resolve(outDir);
  const appFile = join(out, 'app.mjs');
  const shown = relative(process.cwd(), appFile);
  const ticking = setInterval(() => progress.update(`bundling ${shown.startsWith('..') ? appFile : shown}`), 100);
  const result = await build({
    stdin: {
      contents: bundleEntrySource(app, bundleRuntimePath(), modules.length, chunks, opts.withLuaCompiler),
      resolveDir: dirname(bundleRuntimePath()),
      sourcefile: 'moonforge-bundle-entry.mjs',
      loader: 'js',
    },
    outfile: appFile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [chunkModules(modules)],
  }).finally(() => {
    clearInterval(ticking);
    progress.end();
  });
  const js = result.outputFiles.find((f) => f.path === appFile)!.text;
  const map = result.outputFiles.find((f) => f.path === `${appFile}.map`)!.text;
  // appended after the code, so that no line of the map moves; a function declaration is hoisted, so the entry's
  // reference to it holds, and its body is compiled only when an error asks for it
  const table = `function ${TRACE_FUNCTION}() { return ${JSON.stringify(traceTable(map))}; }\n`;
  mkdirSync(out, { recursive: true });
  // written beside and renamed: a run of the old app.mjs never reads half a new one
  writeFileSync(`${appFile}.tmp`, `${js}${table}//# sourceMappingURL=app.mjs.map\n`);
  writeFileSync(`${appFile}.map`, publicMap(map, app, out, chunks));
  renameSync(`${appFile}.tmp`, appFile);
  return { report, written: { app: appFile, map: `${appFile}.map`, metafile: result.metafile } };
}
