// Lua errors as JS exceptions, and where they happened. A LuaError carries any Lua value; its JS stack is captured
// when it is raised and turned into Lua positions (chunk:line) through the chunk registry (source maps) only when
// someone asks: for `error("msg")`'s position prefix, for luaError from library code, and for tracebacks.

export interface LuaFrame {
  chunk: string;
  line: number;
  /** Lua function description as a traceback shows it: "function 'name'", "main chunk", "function <f.lua:3>" */
  what: string;
}

/** What the runtime knows of a loaded compiled chunk, keyed by the URL/path its JS frames report. */
export interface ChunkInfo {
  /** Lua chunk name as shown in messages, e.g. "main.lua" */
  name: string;
  /** Maps a JS position of the compiled module (1-based line, 1-based column) to a Lua frame, or undefined. */
  resolve(line: number, column: number, jsFunctionName: string | null): LuaFrame | undefined;
  /**
   * The module holds the runtime too (a bundle, sdk/bundle/): a frame that does not resolve is runtime code, read as
   * the frame of a module that is no chunk.
   */
  shared?: boolean;
}

const chunks = new Map<string, ChunkInfo>();

export function registerChunk(fileName: string, info: ChunkInfo): void {
  chunks.set(fileName, info);
}

export function unregisterChunk(fileName: string): void {
  chunks.delete(fileName);
}

const STACK_LIMIT = 100;

/** A captured JS stack, resolved lazily to Lua frames. */
class StackHolder {
  declare stack: unknown;
}

type CallSite = NodeJS.CallSite;

/**
 * How many plain pcall/xpcall frames (runtime/lib/base.ts) are on the JS stack. A Lua `error()` raised under one is
 * caught by it, which keeps only the error's value: its call sites serve for the position in front of a message,
 * never for a traceback. Plain frames cannot give way (coroutine and process switches happen in generator code), so
 * the count is the JS stack's own; pcall's generator twin does not count. Library errors (luaError) do not look at
 * it: their frames are read (a typed value's error position) and one the budget raises passes every pcall.
 */
export const PROTECTED = { n: 0 };

/**
 * V8 takes ~1 us per frame to capture a stack and as much again to hand out its call sites, so `error()` caught by
 * pcall cost ~15 us with the full STACK_LIMIT. Under a plain pcall Lua's `error()` (raiseAt) captures only the frames
 * its position needs: none for a value without one, else the nearest frames, and the whole stack again only when the
 * position lies deeper (sitesFor).
 */
const SITES = (_e: unknown, sites: CallSite[]): CallSite[] => sites;

function captureCallSites(skipFn: Function, limit = STACK_LIMIT): CallSite[] {
  const prevPrepare = Error.prepareStackTrace;
  const prevLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = SITES;
  Error.stackTraceLimit = limit;
  const holder = new StackHolder();
  Error.captureStackTrace(holder, skipFn);
  const sites = holder.stack as CallSite[];
  Error.prepareStackTrace = prevPrepare;
  Error.stackTraceLimit = prevLimit;
  return Array.isArray(sites) ? sites : [];
}

/**
 * Runtime functions that call Lua code the way PUC Lua's C functions do (pcall, sort comparators, `call()`): an error
 * raised by a library function called directly from one of them has no Lua position (luaL_where sees a C frame).
 */
const BOUNDARIES = new Set([
  'call', 'call1', 'call2', 'callAll', 'callMeta', 'bounce', 'bounceY', 'pcallPlain', 'pcallY', 'xpcallPlain',
  'xpcallY', 'runAsGenerator', 'step', 'coroutineStep',
]);

/**
 * Lua frames a coroutine's driver keeps off the JS stack (runtime/core/trampoline.ts, which installs this): the name
 * of the JS function that runs a coroutine's step, and for the k-th of its frames on the stack (0 = innermost) the
 * `chunk:line` of each call the coroutine holds, innermost first.
 */
let held: { driver: string; positions(k: number): string[] } | undefined;

export function setHeldFrames(h: { driver: string; positions(k: number): string[] }): void {
  held = h;
}

/** The position of the innermost Lua frame, unless a call boundary comes first. */
function callerPosition(sites: CallSite[], level: number): string {
  let seen = 0;
  let drivers = 0;
  for (const s of sites) {
    const file = s.getFileName();
    const info = file == null ? undefined : chunks.get(file);
    const f = info?.resolve(s.getLineNumber() ?? 0, s.getColumnNumber() ?? 0, s.getFunctionName());
    if (info === undefined || (f === undefined && info.shared === true)) {
      const name = s.getFunctionName() ?? '';
      if (seen === 0 && level === 1 && BOUNDARIES.has(name)) return '';
      if (held !== undefined && name === held.driver) {
        // the callers of the innermost Lua frames, suspended at their calls in a coroutine's driver
        for (const at of held.positions(drivers++)) if (++seen === level) return `${at}: `;
      }
      continue;
    }
    if (f === undefined) continue;
    seen++;
    if (seen === level) return `${f.chunk}:${f.line}: `;
  }
  return '';
}

function framesOf(sites: CallSite[]): LuaFrame[] {
  const out: LuaFrame[] = [];
  for (const s of sites) {
    const file = s.getFileName();
    if (file == null) continue;
    const info = chunks.get(file);
    if (info === undefined) continue;
    const line = s.getLineNumber();
    const col = s.getColumnNumber();
    if (line == null || col == null) continue;
    const f = info.resolve(line, col, s.getFunctionName());
    if (f !== undefined) out.push(f);
  }
  return out;
}

/** The Lua frames of the current JS stack, innermost first. */
export function currentLuaFrames(skipFn: Function = currentLuaFrames): LuaFrame[] {
  return framesOf(captureCallSites(skipFn));
}

/** `chunk:line: ` of the `level`-th Lua frame on the stack (1 = innermost), or "" (PUC Lua's luaL_where). */
export function where(level: number, skipFn: Function = where): string {
  if (level <= 0) return '';
  return callerPosition(captureCallSites(skipFn), level);
}

export class LuaError {
  /** the Lua error value */
  value: unknown;
  /** JS call sites at the raise point, for the traceback */
  sites: CallSite[] | undefined;
  /** Lua traceback text, when already computed (e.g. carried over from a process) */
  traceback: string | undefined;
  constructor(value: unknown, sites?: CallSite[]) {
    this.value = value;
    this.sites = sites;
    this.traceback = undefined;
  }
  /** The Lua frames where this error was raised, innermost first. */
  luaFrames(): LuaFrame[] {
    return this.sites === undefined ? [] : framesOf(this.sites);
  }
}

/**
 * An error Lua code cannot catch: pcall, xpcall and coroutine.resume pass it on (they take errors through
 * `catchable`), so it ends the task. The liveness backstop raises it (runtime/core/preempt.ts): were it catchable,
 * `while true do pcall(spin) end` would outlive it.
 */
export class FatalLuaError extends LuaError {}

/** toLuaError for Lua's own catchers (pcall, xpcall, coroutine.resume): a FatalLuaError is thrown on instead. */
export function catchable(e: unknown): LuaError {
  if (e instanceof FatalLuaError) throw e;
  return toLuaError(e);
}

/** Raises `value` as a Lua error, capturing the stack for tracebacks (what `error(v, 0)` does). */
export function raise(value: unknown): never {
  throw new LuaError(value, captureCallSites(raise));
}

/**
 * Lua's `error(v, level)`: a string (or number, which Lua 5.1 turns into a string) gets the position of the
 * `level`-th Lua frame; the stack is captured once, for the position and for the traceback.
 */
export function raiseAt(value: unknown, level: number, skipFn: Function): never {
  if ((typeof value === 'string' || typeof value === 'number') && level > 0) {
    const text = typeof value === 'number' ? numberText(value) : value;
    const sites = sitesFor(skipFn, level);
    throw new LuaError(positioned + text, sites);
  }
  throw new LuaError(value, PROTECTED.n > 0 ? [] : captureCallSites(skipFn));
}

/** The position sitesFor found, read right after it (no pair allocated per error). */
let positioned = '';

/**
 * The call sites of an error raised now, and in `positioned` the position of its `level`-th Lua frame. Under a plain
 * pcall the first `level` frames are tried first (the level-th Lua frame is no nearer; a position found there is the
 * same one), and the whole stack only when they do not reach it.
 */
function sitesFor(skipFn: Function, level: number): CallSite[] {
  if (PROTECTED.n > 0) {
    const sites = captureCallSites(skipFn, level);
    positioned = callerPosition(sites, level);
    if (positioned !== '' || sites.length < level) return sites;
  }
  const sites = captureCallSites(skipFn);
  positioned = callerPosition(sites, level);
  return sites;
}

let numberText: (n: number) => string = String;

/**
 * What a caught stack overflow costs the running task (installed by runtime/core/preempt.ts, which imports this
 * module): unwinding thousands of frames takes milliseconds, far more than the one back-edge a retry loop counts.
 */
let chargeOverflow: () => void = () => {};

export function setOverflowCharge(f: () => void): void {
  chargeOverflow = f;
}

/** Installed by the runtime so this module need not import number formatting (no cycle). */
export function setNumberText(f: (n: number) => string): void {
  numberText = f;
}

/**
 * A Lua error for a message from library code, prefixed with the position of the calling Lua code
 * (PUC Lua's luaL_error). Usage: `throw luaError("bad argument #1 to 'rep' (number expected, got nil)")`.
 */
export function luaError(message: string, level = 1): LuaError {
  // Always the whole stack: library code reads a fresh error's frames (a typed value's error position), and the
  // budget turns one into an error no pcall catches, whose traceback is printed.
  const sites = captureCallSites(luaError);
  const prefix = level > 0 ? callerPosition(sites, level) : '';
  return new LuaError(prefix + message, sites);
}

/** A Lua error whose position is already known (compiled code's slow paths pass their site). */
export function luaErrorAt(chunk: string, line: number, message: string): LuaError {
  return new LuaError(`${chunk}:${line}: ${message}`, captureCallSites(luaErrorAt));
}

/**
 * Converts anything thrown while running Lua code into a LuaError: JS stack overflows become Lua's
 * "stack overflow", other JS errors (bugs, or a write to a read-only library table) become Lua errors
 * with their message, so pcall can catch them and nothing leaks a JS stack to the user.
 */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    chargeOverflow();
    return new LuaError(`${whereFromJsError(e)}stack overflow`, sitesOf(e));
  }
  if (e instanceof RangeError && /^Invalid (string|array|typed array) length|allocation failed/i.test(e.message)) {
    // a string or array past what one JS value can hold (`s .. s` past ~512 MiB, table.concat, gsub): Lua's memory
    // error, whatever operation ran into it
    return new LuaError(`${whereFromJsError(e)}not enough memory`, sitesOf(e));
  }
  if (e instanceof TypeError && /read.only|not extensible|Cannot assign|Cannot add property|Cannot delete property/i.test(e.message)) {
    return new LuaError(`${whereFromJsError(e)}attempt to modify a read-only table`, sitesOf(e));
  }
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new LuaError(`${whereFromJsError(e)}internal error: ${msg}`, sitesOf(e));
}

/**
 * The call sites of a JS error, for its Lua traceback: read back from its formatted stack (V8 formats it when the
 * error is made, so the structured sites are gone), as stand-ins with what framesOf and callerPosition read.
 * Without them an uncaught "not enough memory" or "stack overflow" had no traceback at all.
 */
function sitesOf(e: unknown): CallSite[] | undefined {
  if (!(e instanceof Error)) return undefined;
  const out: CallSite[] = [];
  for (const m of String(e.stack ?? '').matchAll(/^\s+at (?:(.+?) \()?((?:file:\/\/|\/)[^()\s]+):(\d+):(\d+)\)?$/gm)) {
    const name = m[1] === undefined || m[1].startsWith('async ') ? null : m[1];
    const file = m[2]!;
    const line = Number(m[3]);
    const column = Number(m[4]);
    out.push({
      getFileName: () => file,
      getLineNumber: () => line,
      getColumnNumber: () => column,
      getFunctionName: () => name,
    } as unknown as CallSite);
  }
  return out.length > 0 ? out : undefined;
}

function whereFromJsError(e: unknown): string {
  if (!(e instanceof Error)) return '';
  // The innermost frame of compiled Lua code: a library function that failed (rawset on a read-only table) sits
  // above it, and Lua puts the position of the Lua code that called the library function in front.
  for (const m of String(e.stack ?? '').matchAll(/\((file:\/\/[^)]+|\/[^)]+):(\d+):(\d+)\)/g)) {
    const info = chunks.get(m[1]!);
    if (info === undefined) continue;
    const f = info.resolve(Number(m[2]), Number(m[3]), null);
    if (f === undefined && info.shared === true) continue;
    return f === undefined ? '' : `${f.chunk}:${f.line}: `;
  }
  return '';
}

/** PUC-style traceback text for an error (without the message line). */
export function formatTraceback(frames: LuaFrame[]): string {
  const lines = ['stack traceback:'];
  for (const f of frames) lines.push(`\t${f.chunk}:${f.line}: in ${f.what}`);
  return lines.join('\n');
}
