// Runs a Lua snippet in-process through the compiler and runtime (plain script mode), and under the reference lua5.1,
// returning stdout (and the uncaught error, if any) for differential tests of the coroutine machinery.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../../compiler/index.js';
import { runChunk } from '../../runtime/run-chunk.js';
import type { CompiledChunkModule } from '../../runtime/abi.js';

const dir = mkdtempSync(join(tmpdir(), 'mf-coro-b-'));
let n = 0;

export async function runOurs(code: string): Promise<string> {
  const out = compile(code, { file: 'main.lua', chunkName: 'main.lua' });
  if (!out.ok) throw new Error(out.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  const file = join(dir, `m${++n}.mjs`);
  writeFileSync(file, out.code);
  const url = pathToFileURL(file).href;
  const mod = (await import(url)) as CompiledChunkModule;
  const chunks: string[] = [];
  const map = JSON.stringify(out.map);
  const r = runChunk(mod, { url, map: () => map, write: (s) => chunks.push(s), scriptName: 'main.lua', args: [] });
  return chunks.join('') + (r.ok ? '' : `error: ${r.error?.split('\n')[0]}\n`);
}

export function runReference(code: string): string {
  try {
    return execFileSync('lua5.1', ['-e', code], { encoding: 'latin1' });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    const msg = (err.stderr ?? '').split('\n')[0]!.replace(/^lua5\.1: /, '').replace(/^\(command line\)/, 'main.lua');
    return `${err.stdout ?? ''}error: ${msg}\n`;
  }
}
