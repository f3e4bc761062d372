// Runs a Lua snippet as `main.lua` through the built `moonforge run` (dist/, as test/runtime-errors does) and under
// the reference lua5.1, returning stdout plus the first stderr line, for differential tests of the coroutine machinery.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'mf-coro-b-cache-'));

function writeMain(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mf-coro-b-'));
  writeFileSync(join(dir, 'main.lua'), code, 'latin1');
  return dir;
}

function firstLine(stderr: string): string {
  return stderr.split('\n')[0]!.replace(/^(lua5\.1|moonforge): /, '');
}

export async function runOurs(code: string): Promise<string> {
  const r = await runCli(['run', 'main.lua'], { cwd: writeMain(code), env: { MOONFORGE_CACHE_DIR: cacheDir } });
  return r.stdout + (r.status === 0 ? '' : `error: ${firstLine(r.stderr)}\n`);
}

export function runReference(code: string): string {
  try {
    return execFileSync('lua5.1', ['main.lua'], { cwd: writeMain(code), encoding: 'latin1', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}error: ${firstLine(err.stderr ?? '')}\n`;
  }
}
