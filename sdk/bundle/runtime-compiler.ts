// The Lua compiler a bundle carries when built with `moonforge build --with-lua-compiler`: built ahead of time into
// dist/bundle-compiler.mjs (esbuild.config.mjs: the compiler there is text compiled at its first use), which such a
// bundle's app.mjs imports. It compiles, while the app runs, the Lua entries the bundle was not built with: those the
// registry module makes or changes with new source text (changesets, registry.apply_version). TypeScript is not
// carried (~10 MB, and its type checker), so an entry whose source is a .ts file the bundle lacks stays an error.
//
// Compiled modules are kept in memory, never written: a bundle is deployed to folders and containers that are often
// read-only, with no home folder for a cache, and code an app makes at run time is made again at its next start (a
// cache across runs would rarely hit). Each module is imported from a data: URL, under which V8 reports its frames,
// and its source map is handed to the runtime with it, so tracebacks name the entry's Lua lines.
import { compile } from '../../compiler/index.js';
import type { CompiledChunkModule } from '../../runtime/index.js';
import type { CompiledChunk } from '../../runtime/process/index.js';
import type { RunTimeCompile, StartProblem } from '../app-runtime.js';
import { toLuaString } from '../lua-string.js';

/** Imports a compiled module from its text. */
async function importModule(code: string): Promise<{ module: CompiledChunkModule; url: string }> {
  const url = `data:text/javascript;base64,${Buffer.from(code, 'utf8').toString('base64')}`;
  return { module: (await import(url)) as CompiledChunkModule, url };
}

/** The inline source text of entry `id`, compiled in process mode, its chunk named after the entry as `run` names it. */
export const compileAtRunTime: RunTimeCompile = async (id: string, code: string, problems: StartProblem[]): Promise<CompiledChunk | undefined> => {
  // inline code is text (UTF-8); Lua reads bytes
  const source = Buffer.from(code, 'utf8').toString('latin1');
  const out = compile(source, { file: id, chunkName: toLuaString(id), processMode: true });
  if (!out.ok) {
    for (const diagnostic of out.diagnostics) problems.push({ diagnostic, source });
    return undefined;
  }
  const { module, url } = await importModule(out.code);
  const map = out.map;
  return { module, url, map: () => map };
};
