// `moonforge run FILE.lua`: compile through the cache (compile-cached.ts), import the module and run it like lua.c
// runs a script. A FILE.ts goes through the TypeScript build first (ts/script.ts, loaded only for it).
import { pathToFileURL } from 'node:url';
import { readMap, type CachedModule } from './cache.js';
import { compileFileCached } from './compile-cached.js';
import { renderDiagnosticsAs, type DiagnosticFormat } from '../diagnostics/index.js';
import { toLuaString } from './lua-string.js';
import { ByteWriter, runChunk, type CompiledChunkModule } from '../runtime/index.js';

/** Runs a Lua file; compile diagnostics go to stderr in `format`. */
export async function runFile(path: string, args: string[], format: DiagnosticFormat = 'text'): Promise<number> {
  let compiled: CachedModule;
  if (path.endsWith('.ts')) {
    const { compileTsScript } = await import('./ts/script.js');
    const built = await compileTsScript(path, format);
    if (!built.ok) {
      process.stderr.write(`${built.rendered}\n`);
      return 1;
    }
    compiled = built.module;
  } else {
    const out = await compileFileCached(path, path);
    if (!out.ok) {
      process.stderr.write(`${renderDiagnosticsAs(format, out.diagnostics, out.source)}\n`);
      return 1;
    }
    compiled = { jsPath: out.jsPath!, mapPath: out.mapPath! };
  }
  return runCompiled(compiled, path, args);
}

/** Runs the compiled module of the script `path` (as the user named it) to its end; its exit code. */
export async function runCompiled(compiled: CachedModule, path: string, args: string[]): Promise<number> {
  const url = pathToFileURL(compiled.jsPath).href;
  const mod = (await import(url)) as CompiledChunkModule;
  const out = new ByteWriter(1);
  const mapPath = compiled.mapPath;
  let outcome;
  try {
    outcome = runChunk(mod, {
      url,
      map: () => readMap(mapPath),
      write: out.write,
      scriptName: toLuaString(path),
      args: args.map(toLuaString),
    });
  } finally {
    out.flush();
  }
  if (!outcome.ok) {
    // the message is Lua bytes: written as they are, like lua.c does
    process.stderr.write(Buffer.from(`${outcome.error}\n`, 'latin1'));
    return 1;
  }
  return 0;
}
