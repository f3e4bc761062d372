// `moonforge build APPDIR -o OUTDIR --sea`: OUTDIR/app, one executable holding Node.js and the app, which runs as
// `node OUTDIR/app.mjs` does on a machine without Node.js (Node's single executable applications, Node 20).
//
// Node 20 runs one CommonJS script from the executable, whose `require` reaches only Node's built-ins. So the app is
// bundled a second time, from the same entry, chunks and prebuilt runtime as app.mjs but as CommonJS, and carried as
// a SEA asset; the SEA's main script (loader()) compiles it with vm.compileFunction under the executable's file URL.
// That URL is what `import.meta.url` was in app.mjs: its folder is the app's root, and JS frames of the chunks report
// it, so the trace table (of this bundle's own positions) names Lua lines in tracebacks here as in app.mjs.
//
// The steps are Node's: a preparation blob from a JSON config (`node --experimental-sea-config`), a copy of the node
// binary, and the blob injected into the copy by postject, which flips the fuse Node checks at start-up.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { App } from '../../runtime/process/index.js';
import { bundleRuntimePath, chunkModules, compiledChunks, type BuildOptions } from './build-app.js';
import { bundleEntrySource, TRACE_FUNCTION } from './bundle-entry.js';
import { traceTable } from './trace-table.js';

/** The sentinel postject looks for in the node binary (Node's documented fuse for single executable applications). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** What the bundle's `import.meta.url` becomes: a parameter the loader passes. */
const URL_PARAM = '__moonforgeUrl';
const ASSET = 'app.cjs';

/**
 * The SEA's main script: runs the bundle under the executable's URL (see the header). A bundle carrying the Lua
 * compiler imports the modules it compiles at run time from data: URLs, which the compiled function can do only
 * through Node's own loader (vm's USE_MAIN_CONTEXT_DEFAULT_LOADER): Node 20 warns that the option is experimental
 * whenever it is given, a warning about the executable's insides, not the app: that one warning is not shown.
 */
function loader(withLuaCompiler: boolean): string {
  const run = `compileFunction(getAsset(${JSON.stringify(ASSET)}, 'utf8'), ['require', 'module', 'exports', ${JSON.stringify(URL_PARAM)}], OPTIONS)(require, module, module.exports, url);`;
  const head = `'use strict';
const { getAsset } = require('node:sea');
const { compileFunction, constants } = require('node:vm');
const url = require('node:url').pathToFileURL(process.execPath).href;
`;
  if (!withLuaCompiler) return `${head}${run.replace('OPTIONS', '{ filename: url }')}\n`;
  // the warning is emitted on a later tick, straight to the process's 'warning' event
  return `${head}const emit = process.emit;
process.emit = function (name, w, ...rest) {
  return name === 'warning' && String(w?.message).includes('USE_MAIN_CONTEXT_DEFAULT_LOADER') ? false : emit.call(this, name, w, ...rest);
};
${run.replace('OPTIONS', '{ filename: url, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }')}
`;
}

/** Why this machine cannot build a single executable, or undefined when it can. */
export function seaUnsupported(): string | undefined {
  // macOS and Windows need the copied binary's signature removed and the blob in a named segment (codesign,
  // signtool): not done here, and not tested
  if (process.platform !== 'linux') return `single executables are built on Linux only (this is ${process.platform})`;
  return undefined;
}

/** Runs one step; its output is shown only when it fails (postject warns about every ELF note it cannot name). */
function step(what: string, cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err === null) done();
      else fail(new Error(`${what} failed (${err.code ?? err.signal}):\n${`${stdout}${stderr}`.trim()}`));
    });
  });
}

/** The app bundled as CommonJS for the SEA, with the trace table of its own positions appended. */
async function commonJsBundle(app: App, outFile: string, opts: BuildOptions): Promise<string> {
  const { modules, chunks } = await compiledChunks(app, opts);
  const runtime = bundleRuntimePath();
  const result = await build({
    stdin: {
      contents: bundleEntrySource(app, runtime, modules.length, chunks, opts.withLuaCompiler),
      resolveDir: dirname(runtime),
      sourcefile: 'moonforge-bundle-entry.mjs',
      loader: 'js',
    },
    outfile: outFile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    write: false,
    logLevel: 'silent',
    define: { 'import.meta.url': URL_PARAM },
    // app.mjs is an ES module, strict throughout; the function compileFunction makes of this text is strict only
    // with the directive first in its body (else the chunks and the runtime would run in sloppy mode here)
    banner: { js: "'use strict';" },
    plugins: [chunkModules(modules)],
  });
  const js = result.outputFiles.find((f) => f.path === outFile)!.text;
  const map = result.outputFiles.find((f) => f.path === `${outFile}.map`)!.text;
  return `${js}function ${TRACE_FUNCTION}() { return ${JSON.stringify(traceTable(map))}; }\n`;
}

/**
 * Writes OUTDIR/app, a single executable of the app (checked and built by buildApp already). Throws with a message
 * for the user when a step fails.
 */
export async function buildSea(app: App, outDir: string, opts: BuildOptions = {}): Promise<string> {
  const why = seaUnsupported();
  if (why !== undefined) throw new Error(why);
  const out = resolve(outDir);
  const exe = join(out, 'app');
  const work = mkdtempSync(join(tmpdir(), 'moonforge-sea-'));
  try {
    writeFileSync(join(work, ASSET), await commonJsBundle(app, join(work, ASSET), opts));
    writeFileSync(join(work, 'main.cjs'), loader(opts.withLuaCompiler === true));
    const config = { main: 'main.cjs', output: 'app.blob', disableExperimentalSEAWarning: true, assets: { [ASSET]: ASSET } };
    writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config));
    // the blob must come from the very binary it goes into
    await step('node --experimental-sea-config', process.execPath, ['--experimental-sea-config', 'sea-config.json'], work);
    // injected beside the target and renamed over it: a run of the old executable never meets half a new one
    const staged = `${exe}.tmp`;
    copyFileSync(process.execPath, staged);
    chmodSync(staged, 0o755);
    const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
    try {
      await step('postject (injecting the app into a copy of node)', process.execPath, [postject, staged, 'NODE_SEA_BLOB', 'app.blob', '--sentinel-fuse', SEA_FUSE], work);
    } catch (e) {
      rmSync(staged, { force: true });
      throw e;
    }
    renameSync(staged, exe);
    return exe;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
