// The value codec of the remote layer (peer.ts states the rules): Lua values and frames to bytes and back.
// One tag byte per value, then its data: lengths and small integers as LEB128 varints (zigzag for signed), other
// numbers as 8-byte doubles (bit-exact: NaN, -0, infinities), strings as their latin1 bytes (runtime strings are
// bytes, every char code 0..255, so one byte per char and nothing to transcode), tables as array part + string keys
// + other keys + metatable. A table seen before in the same encodeValues call is a back-reference, so cycles and
// tables shared between payloads come out as one table, as copy.ts keeps them between processes.
import { Buffer } from 'node:buffer';
import { LuaTable, rawset } from '../core/table.js';
import { ARR, HASH, MT } from '../core/symbols.js';
import { LuaErrorValue, type DetailRecord, type ErrorFrame } from '../lib/wippy/errors.js';
import { Payload } from '../lib/wippy/payload.js';
import type { Frame } from './peer.js';
import { ByteReader, ByteWriter, CodecError } from './bytes.js';

export { CodecError };

const T_NIL = 0;
const T_FALSE = 1;
const T_TRUE = 2;
/** an integer in the int32 range, zigzag varint */
const T_INT = 3;
const T_F64 = 4;
const T_STR = 5;
/** a new table: array length, elements, string-key count, pairs, other-key count, pairs, metatable (a value) */
const T_TABLE = 6;
/** a table seen earlier in this encoding: its index in order of appearance */
const T_REF = 7;
const T_ERROR = 8;
const T_PAYLOAD = 9;
/** a JS record (frames, error details, actor meta): count, then key/value pairs */
const T_OBJ = 10;
/** a JS array (frames; golang/any arrays) */
const T_ARRAY = 11;
const T_BYTES = 12;
/** JS null (golang/any's nil) */
const T_NULL = 13;
/** a JS Map with string keys (golang/any objects) */
const T_MAP = 14;

/**
 * The scratch buffer encodings write into (finish copies the bytes out): one per thread, kept between encodings
 * (an encoding never starts inside another), so a message allocates only its result.
 */
let scratch: Buffer = Buffer.allocUnsafe(4096);

/** The writer of one encoding: the shared scratch buffer, and the tables met so far (back-references). */
class Writer extends ByteWriter {
  seen: Map<LuaTable, number> | undefined = undefined;
  constructor() {
    super(scratch);
  }
  protected override grown(next: Buffer): void {
    // the larger buffer serves the next encodings too, up to a bound (one huge message keeps no huge buffer)
    if (next.length <= 1 << 20) scratch = next;
  }
  /** The encoded bytes, in a buffer of their own (transferable, not a view into a pool). */
  finish(): Uint8Array {
    const out = new Uint8Array(this.at);
    out.set(this.buf.subarray(0, this.at));
    return out;
  }
}

function writeNumber(w: Writer, x: number): void {
  if ((x | 0) === x && !(x === 0 && 1 / x < 0)) {
    w.byte(T_INT);
    w.varint(((x << 1) ^ (x >> 31)) >>> 0);
  } else {
    w.byte(T_F64);
    w.f64(x);
  }
}

/** Writes one value; what cannot cross (functions, coroutines, other userdata) is written as nil. */
function writeValue(w: Writer, v: unknown): void {
  switch (typeof v) {
    case 'undefined':
      w.byte(T_NIL);
      return;
    case 'boolean':
      w.byte(v ? T_TRUE : T_FALSE);
      return;
    case 'number':
      writeNumber(w, v);
      return;
    case 'string':
      w.room(1);
      w.buf[w.at++] = T_STR;
      w.str(v);
      return;
    case 'object':
      break;
    default:
      w.byte(T_NIL);
      return;
  }
  if (v instanceof LuaTable) return writeTable(w, v);
  if (v === null) return w.byte(T_NULL);
  if (v instanceof LuaErrorValue) return writeError(w, v);
  if (v instanceof Payload) {
    w.byte(T_PAYLOAD);
    w.str(v.format);
    writeValue(w, v.data);
    return;
  }
  if (v instanceof Uint8Array) {
    w.byte(T_BYTES);
    w.bytes(v);
    return;
  }
  if (Array.isArray(v)) {
    w.byte(T_ARRAY);
    w.varint(v.length);
    for (const x of v) writeValue(w, x);
    return;
  }
  if (v instanceof Map) {
    w.byte(T_MAP);
    w.varint(v.size);
    for (const [k, x] of v as Map<string, unknown>) {
      w.str(k);
      writeValue(w, x);
    }
    return;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v as object);
    w.byte(T_OBJ);
    w.varint(keys.length);
    for (const k of keys) {
      w.str(k);
      writeValue(w, (v as Record<string, unknown>)[k]);
    }
    return;
  }
  // channels, messages, timers, coroutines, type values: not portable
  w.byte(T_NIL);
}

/** Whether `v` survives the trip (a key or value that would come out nil is left out, as copy.ts leaves it). */
function portable(v: unknown): boolean {
  switch (typeof v) {
    case 'boolean':
    case 'number':
    case 'string':
      return true;
    case 'object':
      return v instanceof LuaTable || v instanceof LuaErrorValue || v instanceof Payload;
    default:
      return false;
  }
}

function writeTable(w: Writer, t: LuaTable): void {
  const seen = (w.seen ??= new Map());
  const ref = seen.get(t);
  if (ref !== undefined) {
    w.byte(T_REF);
    w.varint(ref);
    return;
  }
  seen.set(t, seen.size);
  w.byte(T_TABLE);
  const arr = t[ARR];
  // the array part stays an array part: an element that cannot cross becomes nil in its place (as copy.ts makes
  // it), and trailing ones are left out, so the decoded array part does not end in nil
  let n = arr.length;
  while (n > 0 && !portable(arr[n - 1])) n--;
  w.varint(n);
  for (let i = 0; i < n; i++) writeValue(w, arr[i]);
  // every key is written; a pair whose key or value cannot cross is written with nil there and dropped by the
  // reader (one pass: counting the portable pairs first cost a fifth of the encoding)
  const keys = Object.keys(t);
  w.varint(keys.length);
  for (const k of keys) {
    w.str(k);
    writeValue(w, t[k]);
  }
  const h = t[HASH];
  if (h === undefined || h.size === 0) w.varint(0);
  else {
    w.varint(h.size);
    for (const [k, x] of h) {
      writeValue(w, k);
      writeValue(w, x);
    }
  }
  const mt = t[MT];
  if (mt === undefined) w.byte(T_NIL);
  else writeTable(w, mt);
}

function writeError(w: Writer, e: LuaErrorValue): void {
  w.byte(T_ERROR);
  w.str(e.message);
  w.str(e.context);
  w.str(e.kind);
  w.byte(e.retryable === undefined ? 2 : e.retryable ? 1 : 0);
  writeValue(w, e.details);
  if (e.cause === undefined) w.byte(T_NIL);
  else writeError(w, e.cause);
  w.varint(e.frames.length);
  for (const f of e.frames) {
    w.varint(f.level);
    w.str(f.source);
    w.varint(f.line);
    w.str(f.name);
    w.str(f.type);
  }
}


/** The reader of one decoding, with the tables read so far (back-references). */
class Reader extends ByteReader {
  tables: LuaTable[] | undefined = undefined;
}

function readValue(r: Reader): unknown {
  const tag = r.byte();
  switch (tag) {
    case T_NIL:
      return undefined;
    case T_FALSE:
      return false;
    case T_TRUE:
      return true;
    case T_INT: {
      const z = r.varint();
      return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    }
    case T_F64:
      return r.f64();
    case T_STR:
      return r.str();
    case T_TABLE:
      return readTable(r);
    case T_REF: {
      const i = r.varint();
      const t = r.tables?.[i];
      if (t === undefined) throw new CodecError('bad table reference');
      return t;
    }
    case T_ERROR:
      return readError(r);
    case T_PAYLOAD: {
      const format = r.str();
      return new Payload(format, readValue(r));
    }
    case T_OBJ: {
      const n = r.varint();
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const k = r.str();
        // a key "__proto__" is data here, never the record's prototype
        if (k === '__proto__') Object.defineProperty(o, k, { value: readValue(r), enumerable: true, writable: true, configurable: true });
        else o[k] = readValue(r);
      }
      return o;
    }
    case T_ARRAY: {
      const n = r.varint();
      const a = new Array<unknown>(n);
      for (let i = 0; i < n; i++) a[i] = readValue(r);
      return a;
    }
    case T_BYTES: {
      const v = r.bytes();
      const b = new Uint8Array(v.length);
      b.set(v);
      return b;
    }
    case T_NULL:
      return null;
    case T_MAP: {
      const n = r.varint();
      const m = new Map<string, unknown>();
      for (let i = 0; i < n; i++) {
        const k = r.str();
        m.set(k, readValue(r));
      }
      return m;
    }
    default:
      throw new CodecError(`unknown tag ${tag}`);
  }
}

function readTable(r: Reader): LuaTable {
  const t = new LuaTable();
  (r.tables ??= []).push(t);
  const n = r.varint();
  if (n > 0) {
    const a = new Array<unknown>(n);
    for (let i = 0; i < n; i++) a[i] = readValue(r);
    t[ARR] = a;
  }
  const s = r.varint();
  for (let i = 0; i < s; i++) {
    const k = r.str();
    const v = readValue(r);
    if (v !== undefined) t[k] = v;
  }
  const m = r.varint();
  for (let i = 0; i < m; i++) {
    const k = readValue(r);
    const v = readValue(r);
    if (k !== undefined && v !== undefined && !(typeof k === 'number' && Number.isNaN(k))) rawset(t, k, v);
  }
  const mt = readValue(r);
  if (mt instanceof LuaTable) t[MT] = mt;
  return t;
}

function readError(r: Reader): LuaErrorValue {
  const message = r.str();
  const context = r.str();
  const kind = r.str();
  const rb = r.byte();
  const details = readValue(r) as DetailRecord | undefined;
  const cause = readValue(r);
  const nf = r.varint();
  const frames: ErrorFrame[] = [];
  for (let i = 0; i < nf; i++) {
    const level = r.varint();
    const source = r.str();
    const line = r.varint();
    const name = r.str();
    const type = r.str();
    frames.push({ level, source, line, name, type });
  }
  return new LuaErrorValue({
    message,
    context,
    kind,
    retryable: rb === 2 ? undefined : rb === 1,
    details,
    cause: cause instanceof LuaErrorValue ? cause : undefined,
    frames,
  });
}

/** Encodes a list of values (payloads, arguments); a table shared between them stays shared in the decoded copy. */
export function encodeValues(vals: readonly unknown[]): Uint8Array {
  const w = new Writer();
  w.varint(vals.length);
  for (const v of vals) writeValue(w, v);
  return w.finish();
}

/** The values of an encodeValues result: fresh tables, owned by the caller. Raises CodecError for bad input. */
export function decodeValues(bytes: Uint8Array): unknown[] {
  const r = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const n = r.varint();
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = readValue(r);
  if (r.at !== r.buf.length) throw new CodecError('trailing bytes');
  return out;
}

/** A frame as bytes, for a transport that carries bytes (NATS). */
export function encodeFrame(f: Frame): Uint8Array {
  const w = new Writer();
  writeValue(w, f);
  return w.finish();
}

/** The frame of encodeFrame's bytes. Raises CodecError for bytes that are not a frame. */
export function decodeFrame(bytes: Uint8Array): Frame {
  const r = new Reader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const f = readValue(r);
  if (r.at !== r.buf.length || typeof f !== 'object' || f === null || typeof (f as { t?: unknown }).t !== 'string') {
    throw new CodecError('not a frame');
  }
  return f as Frame;
}
