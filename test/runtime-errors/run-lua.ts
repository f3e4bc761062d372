// Runs a Lua snippet as `main.lua` through the built `moonforge run` (in a fresh temp dir, so the chunk name is
// exactly `main.lua`), returning exit status and byte-exact stdout/stderr.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../cli/run-cli.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'mf-rterr-cache-'));

export function runLua(text: string, name = 'main.lua'): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-rterr-'));
  writeFileSync(join(dir, name), text, 'latin1');
  return runCli(['run', name], { cwd: dir, env: { MOONFORGE_CACHE_DIR: cacheDir } });
}
