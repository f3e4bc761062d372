// The one way to run moonforge through its command line: the built `moonforge` (dist/, so `node esbuild.config.mjs`
// first) in a child Node process, output captured byte-exact. runScriptCli is the common case of one Lua file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLimiter, runProcess, type RunResult } from './process-runner.js';
import { MOONFORGE_BIN, REPO_ROOT } from './repo.js';

/** A whole CLI run (start-up, compile, run) under a loaded machine: longer than one interpreter run. */
const CLI_TIMEOUT_MS = 20_000;

export interface MoonforgeCliOptions {
  /** the repository root unless given */
  cwd?: string;
  /** added to this process's environment */
  env?: Record<string, string>;
  /** Node's own flags before the command (`--max-old-space-size=96`, ...) */
  nodeArgs?: readonly string[];
  timeoutMs?: number;
  /** piped to stdin, which is then closed (else stdin is an open pipe nobody writes) */
  input?: string;
  /** stdin redirected from this file, as `moonforge ... < FILE` in a shell does (a file, not a pipe) */
  stdinFile?: string;
}

/** At most two moonforge processes at a time from one test file: the machine has two cores. */
const limit = createLimiter(2);

/** Runs `moonforge <args>`; never rejects: failures and timeouts are in the result. */
export function runMoonforgeCli(args: readonly string[], opts: MoonforgeCliOptions = {}): Promise<RunResult> {
  const argv = [...(opts.nodeArgs ?? []), MOONFORGE_BIN, ...args];
  // execFile cannot hand the child a file as its stdin: a shell makes the redirection, then becomes node
  const [cmd, cmdArgs] =
    opts.stdinFile === undefined
      ? [process.execPath, argv]
      : ['/bin/sh', ['-c', 'exec "$0" "$@" < "$MF_STDIN_FILE"', process.execPath, ...argv]];
  return limit(() =>
    runProcess(cmd, cmdArgs, {
      cwd: opts.cwd ?? REPO_ROOT,
      env: opts.stdinFile === undefined ? opts.env : { ...opts.env, MF_STDIN_FILE: opts.stdinFile },
      timeoutMs: opts.timeoutMs ?? CLI_TIMEOUT_MS,
      input: opts.input,
    }),
  );
}

/** One compile cache for the scripts of a test file, so a script run twice compiles once. */
let cacheDir: string | undefined;

/**
 * Runs Lua `source` as `moonforge run <name>` from a fresh directory holding only that file, so the chunk name in
 * messages is exactly `name` (main.lua unless given).
 */
export function runScriptCli(source: string, opts: { name?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  const name = opts.name ?? 'main.lua';
  const dir = mkdtempSync(join(tmpdir(), 'mf-script-'));
  writeFileSync(join(dir, name), source, 'latin1');
  cacheDir ??= mkdtempSync(join(tmpdir(), 'mf-script-cache-'));
  return runMoonforgeCli(['run', name], { cwd: dir, env: { MOONFORGE_CACHE_DIR: cacheDir, ...opts.env }, timeoutMs: opts.timeoutMs });
}

/** True when stderr shows a JS stack or internal file names instead of a Lua message. */
export function showsJsStack(stderr: string): boolean {
  return /^\s+at /m.test(stderr) || /\.m?[jt]s\b/.test(stderr) || /node:internal/.test(stderr);
}
