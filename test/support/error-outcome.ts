// Normalises how an interpreter reports an uncaught error, so lua5.1 and moonforge can be compared on what matters:
// the `file:line:` position of the first stderr line, not the wording (PUC 5.1 words some messages differently).

/**
 * The first stderr line without the program-name prefix (`lua5.1: `, `lua: `, `moonforge: `). Blank lines and
 * Node's own warnings (`(node:123) ExperimentalWarning: ...`) are skipped: they are not the Lua error.
 */
export function firstErrorLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('(node:') && !l.startsWith('(Use `node')) ?? '';
  return line.replace(/^(lua5\.1|lua|moonforge): /, '').replace(/\r$/, '');
}

/** `file:line:` at the start of the first stderr line, or null when the message carries no position. */
export function errorLocation(stderr: string): string | null {
  const m = /^([^\s:][^:]*):(\d+):/.exec(firstErrorLine(stderr));
  return m ? `${m[1]}:${m[2]}:` : null;
}

/** True for a run that ended in error (non-zero exit, signal, or timeout). */
export function isFailure(r: { status: number | null }): boolean {
  return r.status !== 0;
}

/** stdout, then `error: <first stderr line>` when the run failed: what the snippet differential tests compare. */
export function outputAndError(r: { stdout: string; stderr: string; status: number | null }): string {
  return r.stdout + (isFailure(r) ? `error: ${firstErrorLine(r.stderr)}\n` : '');
}
