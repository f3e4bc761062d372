// Runs a child process with a timeout and a bounded number of processes in flight, capturing stdout/stderr as
// byte-exact latin1 strings (Lua strings are bytes, so comparing latin1 text compares bytes).
import { execFile } from 'node:child_process';

export interface RunResult {
  stdout: string;
  stderr: string;
  /** exit code, or null when the process was killed by a signal */
  status: number | null;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  /** added to this process's environment */
  env?: Record<string, string>;
  /** written to the child's stdin (a pipe), which is then closed; without it stdin stays an open, empty pipe */
  input?: string;
}

/** Runs `cmd args` once; never rejects: spawn failures and timeouts are reported in the result. */
export function runProcess(cmd: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      [...args],
      { cwd: opts.cwd, env: opts.env ? { ...process.env, ...opts.env } : process.env, timeout: opts.timeoutMs, killSignal: 'SIGKILL', encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const out = Buffer.isBuffer(stdout) ? stdout.toString('latin1') : '';
        let errText = Buffer.isBuffer(stderr) ? stderr.toString('latin1') : '';
        let status = 0;
        let timedOut = false;
        if (err) {
          const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: unknown };
          timedOut = e.killed === true && e.signal === 'SIGKILL';
          if (typeof e.code === 'number') status = e.code;
          else if (e.signal) status = -1;
          else {
            // spawn failure (ENOENT ...): report it as a failed run so the comparison shows why
            status = 127;
            errText += `spawn failed: ${e.message}\n`;
          }
        }
        resolve({ stdout: out, stderr: errText, status: timedOut ? null : status, timedOut });
      },
    );
    if (opts.input !== undefined) {
      // a child that exits without reading all of it closes the pipe: that is its business, not an error here
      child.stdin?.on('error', () => {});
      child.stdin?.end(Buffer.from(opts.input, 'latin1'));
    }
  });
}

/** A counting semaphore: `limit(fn)` runs fn when fewer than `max` earlier calls are still running. */
export function createLimiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      release();
    }
  };
}
