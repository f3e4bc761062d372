// A chunk compiled against another ABI version is refused when it is loaded, with a message that says why, before any
// of its code runs: by a plain run (runChunk) and by the process runtime.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABI_VERSION } from '../../abi/index.js';
import { compile } from '../../compiler/index.js';
import { instantiateChunk, type CompiledChunkModule } from '../../runtime/abi.js';
import { FatalLuaError } from '../../runtime/core/errors.js';
import { runChunk } from '../../runtime/run-chunk.js';
import { createProcessRuntime } from '../../runtime/process/process-runtime.js';
import type { ExitResult } from '../../runtime/process/proc.js';
import { errorText, isLuaErrorValue } from '../../runtime/lib/wippy/errors.js';
import { VirtualTimeScheduler } from 'rxjs';

const dir = mkdtempSync(join(tmpdir(), 'mf-abi-test-'));
let n = 0;

/** `source` compiled, with its `abi` export rewritten to `abi`, loaded as a module. */
async function chunkWithAbi(source: string, abi: number, processMode = false): Promise<{ mod: CompiledChunkModule; url: string }> {
  const out = compile(source, { file: 'stale.lua', chunkName: 'stale', processMode });
  if (!out.ok) throw new Error('compile failed');
  const header = `export const abi = ${ABI_VERSION};\n`;
  expect(out.code.startsWith(header)).toBe(true);
  const file = join(dir, `c${++n}.mjs`);
  writeFileSync(file, `export const abi = ${abi};\n${out.code.slice(header.length)}`);
  const url = pathToFileURL(file).href;
  return { mod: (await import(url)) as CompiledChunkModule, url };
}

const MESSAGE = `compiled chunk 'stale' was built for moonforge ABI version ${ABI_VERSION - 1}, but this runtime speaks version ${ABI_VERSION}: compile it again with this moonforge`;

describe('loading a chunk checks its ABI version', () => {
  it('runs a chunk of this version', async () => {
    const { mod, url } = await chunkWithAbi('print("ran")', ABI_VERSION);
    const written: string[] = [];
    const r = runChunk(mod, { url, map: () => undefined, write: (s) => written.push(s), scriptName: 'stale.lua', args: [] });
    expect(r).toEqual({ ok: true });
    expect(written.join('')).toBe('ran\n');
  });

  it('refuses a stale chunk before running any of it, with its message alone', async () => {
    const { mod, url } = await chunkWithAbi('print("ran")', ABI_VERSION - 1);
    let thrown: unknown;
    try {
      instantiateChunk(mod);
    } catch (e) {
      thrown = e;
    }
    // a Lua error no pcall catches, whose value is the message
    expect(thrown).toBeInstanceOf(FatalLuaError);
    expect((thrown as FatalLuaError).value).toBe(MESSAGE);
    const written: string[] = [];
    const r = runChunk(mod, { url, map: () => undefined, write: (s) => written.push(s), scriptName: 'stale.lua', args: [] });
    expect(r.ok).toBe(false);
    expect(r.error).toBe(MESSAGE);
    expect(written).toEqual([]);
  });

  it('refuses a stale chunk a process would run, ending the process with the message', async () => {
    const { mod, url } = await chunkWithAbi('return { main = function() print("ran") end }', ABI_VERSION - 1, true);
    const time = new VirtualTimeScheduler();
    const written: string[] = [];
    const rt = createProcessRuntime({
      time,
      entries: new Map([['app:main', { module: mod, url, map: () => undefined, method: 'main', modules: [] }]]),
      hosts: new Set(['app:processes']),
      write: (s) => written.push(s),
    });
    let exit: ExitResult | undefined;
    rt.spawn('app:main', 'app:processes', []).onExit.push((r) => {
      exit = r;
    });
    time.flush();
    const error = exit?.error;
    expect(isLuaErrorValue(error) && errorText(error)).toBe(MESSAGE);
    expect(written).toEqual([]);
  });
});
