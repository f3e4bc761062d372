// Wippy's `errors` global and its error values (spec §3.4), after go-lua's `errorslib.go` and `error.go`:
// an error is userdata (`type(err) == "userdata"`) with kind, message, retryable, details and a Lua stack.
import { LuaUserdata, typeName } from '../../core/value.js';
import { LuaTable, tableFromArray, tableFromRecord, tableNext, isTable } from '../../core/table.js';
import { ret1 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { argError, checkStr } from '../../core/args.js';
import { currentLuaFrames, type LuaFrame } from '../../core/errors.js';
import { numberToString } from '../../core/number-format.js';
import { addressOf } from '../../core/tostring.js';
import { STRING_VALUE } from '../../core/symbols.js';

/** go-lua error.go `Kind` constants: PascalCase strings, and UNKNOWN is "" (errors/constants.lua). */
export const ERROR_KINDS = Object.freeze({
  NOT_FOUND: 'NotFound',
  ALREADY_EXISTS: 'AlreadyExists',
  INVALID: 'Invalid',
  PERMISSION_DENIED: 'PermissionDenied',
  UNAVAILABLE: 'Unavailable',
  INTERNAL: 'Internal',
  CANCELED: 'Canceled',
  CONFLICT: 'Conflict',
  TIMEOUT: 'Timeout',
  RATE_LIMITED: 'RateLimited',
  UNKNOWN: '',
} as const);

/** Detail values as go-lua keeps them (a Go `map[string]any`): tables keep only their string keys. */
export type DetailValue = string | number | boolean | DetailRecord;
export interface DetailRecord {
  [key: string]: DetailValue;
}

/** One Lua frame of an error's call stack (go-lua error.go `StackFrame`). */
export interface ErrorFrame {
  level: number;
  source: string;
  line: number;
  name: string;
  type: string;
}

export interface CreateErrorOptions {
  message: string;
  kind?: string;
  retryable?: boolean;
  details?: DetailRecord;
  /** context of a wrap: `Error()` becomes "context: message" */
  context?: string;
  /** the wrapped error, walked by `:stack()` */
  cause?: LuaErrorValue;
  /** Lua frames, innermost first; captured from the current stack when omitted */
  frames?: ErrorFrame[];
}

let threadSeq = 0;

/** An error value. Its fields are invisible to Lua, which sees only the metatable's methods. */
export class LuaErrorValue extends LuaUserdata {
  message: string;
  context: string;
  kind: string;
  retryable: boolean | undefined;
  details: DetailRecord | undefined;
  cause: LuaErrorValue | undefined;
  frames: ErrorFrame[];
  thread: string;
  constructor(o: CreateErrorOptions) {
    super(errorMetatable);
    this.message = o.message;
    this.context = o.context ?? '';
    this.kind = o.kind ?? '';
    this.retryable = o.retryable;
    this.details = o.details;
    this.cause = o.cause;
    this.frames = o.frames ?? captureFrames();
    this.thread = `0x${(++threadSeq).toString(16)}`;
  }

  /**
   * What string functions take an error value as (go-lua: LVCanConvToString accepts *Error, CheckString reads its
   * String(), the message alone): string.find(err, "not found"), string.len(err), ...
   */
  [STRING_VALUE](): string {
    return this.message;
  }
}

function captureFrames(): ErrorFrame[] {
  return currentLuaFrames(captureFrames).map(framesFromLua);
}

function framesFromLua(f: LuaFrame, level: number): ErrorFrame {
  const m = /'([^']*)'/.exec(f.what);
  const type = f.what === 'main chunk' ? 'main' : 'Lua';
  return { level, source: f.chunk, line: f.line, name: m === null ? '' : m[1]!, type };
}

export function isLuaErrorValue(v: unknown): v is LuaErrorValue {
  return v instanceof LuaErrorValue;
}

/** An error value for the runtime and host modules (go-lua `NewLuaError(...).WithKind(...)`). */
export function createError(o: CreateErrorOptions): LuaErrorValue {
  return new LuaErrorValue(o);
}

/**
 * Wraps an error value or a plain message with a context, keeping kind, retryable and details (go-lua
 * `WrapError`). The new message is the wrapped error's `Error()` text, so `:message()` of a single wrap is
 * the inner message (errors/wrap.lua) and a double wrap shows the first context.
 */
export function wrapError(inner: LuaErrorValue | string, context: string): LuaErrorValue {
  if (typeof inner === 'string') return new LuaErrorValue({ message: inner, context });
  const e = new LuaErrorValue({ message: errorText(inner), context, cause: inner });
  if (inner.kind !== '') e.kind = inner.kind;
  if (inner.retryable !== undefined) e.retryable = inner.retryable;
  if (inner.details !== undefined && Object.keys(inner.details).length > 0) e.details = inner.details;
  return e;
}

/** Go's `Error()` of an error value: "context: message" when wrapped, else the message. */
export function errorText(e: LuaErrorValue): string {
  return e.context !== '' ? `${e.context}: ${e.message}` : e.message;
}

/** `err:stack()`: each wrap level's context line and its Lua frames (go-lua error.go `Stack`, without Go frames). */
export function errorStackText(e: LuaErrorValue): string {
  let out = '';
  for (let cur: LuaErrorValue | undefined = e; cur !== undefined; cur = cur.cause) {
    if (cur.context !== '') out += `${cur.context}\n`;
    for (const f of cur.frames) out += `  ${f.source}:${f.line} (${f.name})\n`;
  }
  return out;
}

// ---- conversions between Lua tables and details (errorslib.go luaToGoValue / goToLuaValue) ----

/** Go's `LValue.String()` for values that are neither strings nor errors (no metamethods involved). */
function goValueString(v: unknown): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'string') return v;
  if (v instanceof LuaErrorValue) return v.message;
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function detailFromLua(v: unknown, seen: Set<LuaTable>): DetailValue | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (isTable(v)) {
    if (seen.has(v)) return goValueString(v);
    seen.add(v);
    const rec = recordFromTable(v, seen);
    seen.delete(v);
    return rec;
  }
  return goValueString(v);
}

function recordFromTable(t: LuaTable, seen: Set<LuaTable>): DetailRecord {
  const rec: DetailRecord = {};
  const out: unknown[] = [undefined];
  for (let k = tableNext(t, undefined, out); k !== undefined; k = tableNext(t, k, out)) {
    if (typeof k !== 'string') continue; // only string keys survive (errorslib.go luaToGoValue)
    const d = detailFromLua(out[0], seen);
    if (d !== undefined) rec[k] = d;
  }
  return rec;
}

/** A Lua table to details, as `errors.new{details = t}` stores it. */
export function detailsFromTable(t: LuaTable): DetailRecord {
  return recordFromTable(t, new Set([t]));
}

function detailToLua(v: DetailValue): unknown {
  if (typeof v === 'object') return detailsToTable(v);
  return v;
}

/** A fresh table for `err:details()`: each call builds a new one. */
export function detailsToTable(rec: DetailRecord): LuaTable {
  const fields: Record<string, unknown> = {};
  for (const k of Object.keys(rec)) fields[k] = detailToLua(rec[k]!);
  return tableFromRecord(fields);
}

// ---- the metatable ----

function errorKind(self: unknown): unknown {
  return ret1(self instanceof LuaErrorValue ? self.kind : '');
}

function errorRetryable(self: unknown): unknown {
  return ret1(self instanceof LuaErrorValue ? self.retryable : undefined);
}

function errorDetails(self: unknown): unknown {
  if (!(self instanceof LuaErrorValue) || self.details === undefined) return ret1(undefined);
  if (Object.keys(self.details).length === 0) return ret1(undefined); // errors/details.lua: empty details is nil
  return ret1(detailsToTable(self.details));
}

function errorMessage(self: unknown): unknown {
  return ret1(self instanceof LuaErrorValue ? self.message : '');
}

function errorStack(self: unknown): unknown {
  return ret1(self instanceof LuaErrorValue ? errorStackText(self) : '');
}

/** `__tostring` is the message alone, without a wrap's context (go-lua error.go `String`). */
function errorToString(self: unknown): unknown {
  return ret1(self instanceof LuaErrorValue ? self.message : '');
}

function concatSide(v: unknown): string {
  return typeof v === 'string' ? v : goValueString(v);
}

/** `__concat` in either order, also error .. error (errors/strings.lua). */
function errorConcat(a: unknown, b: unknown): unknown {
  return ret1(concatSide(a) + concatSide(b));
}

/** Error values are shared between processes (messages carry them by reference): their tables are read-only. */
const frozen = readOnly;

const errorMethods = frozen(
  tableFromRecord({
    kind: errorKind,
    retryable: errorRetryable,
    details: errorDetails,
    message: errorMessage,
    stack: errorStack,
  }),
);

/** The one metatable shared by all error values (immutable, as go-lua's cached error metatable). */
export const errorMetatable: LuaTable = frozen(
  tableFromRecord({ __tostring: errorToString, __concat: errorConcat, __index: errorMethods }),
);

// ---- the `errors` library ----

function errorsNew(...args: unknown[]): unknown {
  if (args.length < 1) throw argError(1, 'new', 'value expected');
  const arg = args[0];
  if (typeof arg === 'string') return ret1(new LuaErrorValue({ message: arg, frames: captureFrames() }));
  if (!isTable(arg)) throw argError(1, 'new', 'expected string or table');
  const msg = arg.message;
  if (msg === undefined) throw argError(1, 'new', 'message field is required');
  if (typeof msg !== 'string') throw argError(1, 'new', 'message must be a string');
  const e = new LuaErrorValue({ message: msg, frames: captureFrames() });
  // Fields of the wrong type are ignored, as errorsNew does.
  if (typeof arg.kind === 'string') e.kind = arg.kind;
  if (typeof arg.retryable === 'boolean') e.retryable = arg.retryable;
  if (isTable(arg.details)) e.details = detailsFromTable(arg.details);
  return ret1(e);
}

function errorsWrap(...args: unknown[]): unknown {
  if (args.length < 1) throw argError(1, 'wrap', 'value expected');
  if (args.length < 2) throw argError(2, 'wrap', 'value expected');
  const [parent, ctx] = args;
  if (!(parent instanceof LuaErrorValue) && typeof parent !== 'string') {
    throw argError(1, 'wrap', 'expected string or error object');
  }
  let context: string;
  if (ctx instanceof LuaErrorValue) context = ctx.message;
  else if (typeof ctx === 'string') context = ctx;
  else throw argError(2, 'wrap', 'expected string or error object');
  const e = wrapError(parent, context);
  e.frames = captureFrames();
  return ret1(e);
}

/** `errors.call_stack(err)`: `{thread, frames = {{level, source, line, name, type}}}`, nil without frames. */
function errorsCallStack(v: unknown): unknown {
  if (!(v instanceof LuaErrorValue) || v.frames.length === 0) return ret1(undefined);
  const frames = v.frames.map((f) => tableFromRecord({ ...f }));
  return ret1(tableFromRecord({ thread: v.thread, frames: tableFromArray(frames) }));
}

function errorsIs(...args: unknown[]): unknown {
  if (args.length < 1) throw argError(1, 'is', 'value expected');
  const kind = checkStr(args[1], 2, 'is');
  const v = args[0];
  return ret1(v instanceof LuaErrorValue && v.kind === kind);
}

/** The `errors` global: functions and kind constants, read-only. */
export function openErrorsLib(): LuaTable {
  return frozen(
    tableFromRecord({
      new: errorsNew,
      wrap: errorsWrap,
      call_stack: errorsCallStack,
      is: errorsIs,
      ...ERROR_KINDS,
    }),
  );
}
