// The `io` module of terminal hosts (spec §1.4: not the standard io library, a module an entry lists under
// `modules: [io]`): io.write, io.print, io.flush, io.args (the command's arguments), and io.readline, which parks the
// calling task until a line of stdin arrives, so other processes keep running meanwhile.
import { LuaTable, tableFromArray } from '../core/table.js';
import { readOnly } from '../core/read-only.js';
import { ret0, ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { mkY, type LuaGen } from '../core/coroutine.js';
import { tostring } from '../core/tostring.js';
import { printM, withMayDefer } from '../lib/meta-twins.js';
import { createError, ERROR_KINDS } from '../lib/wippy/errors.js';
import type { ProcessScheduler } from '../process/scheduler.js';
import { PARK } from '../../abi/index.js';

/** A source of input lines: calls back with each requested line (without its newline), or undefined at the end. */
export interface LineReader {
  readLine(cb: (line: string | undefined) => void): void;
  /** stops reading for good (pending callers are never called back), so the stream no longer keeps Node alive */
  close?(): void;
}

/**
 * Lines of a readable stream (default: process.stdin) as latin1 byte strings; the stream is paused whenever nobody
 * waits for a line. It is taken at the first read: making process.stdin (a stream over fd 0) costs ~2 ms that an app
 * which never reads paid at start.
 */
export function createStreamLineReader(from?: NodeJS.ReadableStream): LineReader {
  let stream: NodeJS.ReadableStream | undefined;
  let buf = '';
  let ended = false;
  const waiters: Array<(line: string | undefined) => void> = [];
  const pump = (input: NodeJS.ReadableStream): void => {
    while (waiters.length > 0) {
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        waiters.shift()!(line);
      } else if (ended) {
        const rest = buf;
        buf = '';
        waiters.shift()!(rest === '' ? undefined : rest);
      } else {
        break;
      }
    }
    // a paused stdin does not keep Node alive once every process is done
    if (waiters.length === 0 && !ended) input.pause();
  };
  const attach = (): NodeJS.ReadableStream => {
    const input = from ?? process.stdin;
    input.on('data', (chunk: Buffer | string) => {
      buf += typeof chunk === 'string' ? Buffer.from(chunk, 'utf8').toString('latin1') : chunk.toString('latin1');
      pump(input);
    });
    input.on('end', () => {
      ended = true;
      pump(input);
    });
    return input;
  };
  return {
    readLine(cb) {
      waiters.push(cb);
      const input = (stream ??= attach());
      pump(input);
      if (waiters.length > 0 && !ended) input.resume();
    },
    close() {
      waiters.length = 0;
      stream?.pause();
    },
  };
}

const text = (v: unknown, i: number, fname: string): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return tostring(v);
  throw luaError(`bad argument #${i} to '${fname}' (string expected, got ${v === undefined ? 'nil' : typeof v})`);
};

/**
 * The io module over `write` (stdout) and `reader` (stdin lines); `args` are the command's arguments (Lua byte
 * strings) io.args() answers with.
 */
export function createIoModule(sched: ProcessScheduler, write: (s: string) => void, reader?: LineReader, args: readonly string[] = []): LuaTable {
  let input = reader;
  const io = new LuaTable();
  io.write = (...args: unknown[]) => {
    write(args.map((a, i) => text(a, i + 1, 'write')).join(''));
    return ret1(true);
  };
  const print = (...args: unknown[]): unknown => {
    write(`${args.map((a) => tostring(a)).join('\t')}\n`);
    return ret0();
  };
  // as the base print: a `__tostring` that has a twin runs as it from generator code, so it can give way
  io.print = withMayDefer(print, printM(print, write));
  // Output is written as it is produced; flush exists for code written against Wippy's buffered terminal.
  io.flush = () => ret1(true);
  // a new table each call: the module is shared by every process (wippyai/runtime runtime/lua/modules/io/spec.md:
  // "array of string arguments (1-indexed), empty table if no terminal context")
  io.args = () => ret1(tableFromArray([...args]));
  io.readline = mkY(
    () => {
      throw luaError('io.readline must be called from a process task');
    },
    function* (): LuaGen {
      const task = sched.current;
      if (task === undefined) throw luaError('io.readline must be called from a process task');
      input ??= createStreamLineReader();
      // A line already buffered (or the end already seen) is handed over inside readLine, before this task parks:
      // a wake-up then would find it not parked and be lost, so it is taken here without parking.
      let parking = false;
      let ready: { line: string | undefined } | undefined;
      const token = sched.parkToken(task, 'io');
      input.readLine((line) => {
        if (parking) sched.wake(task, line, token);
        else ready = { line };
      });
      parking = true;
      const line = ready !== undefined ? ready.line : ((yield PARK) as string | undefined);
      if (line === undefined) return ret2(undefined, createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'EOF' }));
      return ret1(line);
    },
  );
  return readOnly(io);
}
