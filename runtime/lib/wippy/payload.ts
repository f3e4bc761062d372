// Wippy's payload values and the `payload` global (docs en/lua/data/payload.md; wippyai/runtime
// runtime/lua/modules/payload/module.go, the transcoders of runtime/lua/engine/payload/ and system/payload/): a value
// with a format, converted between formats on demand. Formats held here, and what their data is:
//   lua/any: a Lua value · json/plain, yaml/plain: the text (a byte string) · text/plain, application/octet-stream:
//   a byte string · golang/any: a plain JS value (go-value.ts; what host code passes and receives) ·
//   golang/error: an error value.
// Conversions go through lua/any, each step with the one codec of its format (json/, yaml/, go-value.ts), as Wippy's
// transcoder graph routes them; application/msgpack and golang/error have no conversion here (Wippy: the error
// payload has none either; MessagePack is not implemented), which is the "no transcoding path found" error.
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { LuaUserdata, typeName } from '../../core/value.js';
import { MT } from '../../core/symbols.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { argError, checkStr } from '../../core/args.js';
import { numberToString } from '../../core/number-format.js';
import { addressOf } from '../../core/tostring.js';
import { createError, ERROR_KINDS, errorText, LuaErrorValue, wrapError } from './errors.js';
import { encodeJson, JsonEncodeError } from './json/encode.js';
import { decodeJson, JsonDecodeError } from './json/decode.js';
import { encodeYaml } from './yaml/encode.js';
import { decodeYaml, YamlDecodeError } from './yaml/decode.js';
import { goToLua, GoValueCycleError, luaToGo, type GoValue } from './go-value.js';
import { textToLua } from '../lua-text.js';

export const PAYLOAD_FORMATS = Object.freeze({
  JSON: 'json/plain',
  YAML: 'yaml/plain',
  STRING: 'text/plain',
  BYTES: 'application/octet-stream',
  MSGPACK: 'application/msgpack',
  LUA: 'lua/any',
  GOLANG: 'golang/any',
  ERROR: 'golang/error',
} as const);

const F = PAYLOAD_FORMATS;

/**
 * A payload: immutable (format and data never change; a conversion makes a new one). Every message's msg:payload()
 * makes one, so its metatable sits on the prototype (LuaUserdata's constructor would store an own `[MT]` on each) and
 * its fields are assigned, not class fields (two stores each); the prototype chain still reaches
 * LuaUserdata.prototype, so `type()` and `instanceof LuaUserdata` hold.
 */
export class Payload {
  declare readonly format: string;
  declare readonly data: unknown;
  constructor(format: string, data: unknown) {
    this.format = format;
    this.data = data;
  }
}

/** `payload.new(v)`'s rule: an error value makes an error payload, anything else a Lua one. */
export function newPayload(v: unknown): Payload {
  return v instanceof LuaErrorValue ? new Payload(F.ERROR, v) : new Payload(F.LUA, v);
}

// ---- conversions ----

/** Go's fmt `%v` of a converted value (what Wippy writes for a table turned into text). */
function goFormat(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  const keys = [...v.keys()].sort();
  return `map[${keys.map((k) => `${k}:${goFormat(v.get(k)!)}`).join(' ')}]`;
}

/** A Lua value as text/plain or application/octet-stream data (engine/payload/string.go, bytes.go). */
function textOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberToString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return '';
    default:
      break;
  }
  if (v instanceof LuaTable) return textToLua(goFormat(luaToGo(v)));
  if (v instanceof LuaErrorValue) return errorText(v);
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

class NoPath extends Error {}

/** A value or text a codec refused (anything else thrown is a bug or a Lua error, and propagates). */
function isCodecError(e: unknown): e is Error {
  return (
    e instanceof JsonEncodeError || e instanceof JsonDecodeError || e instanceof YamlDecodeError || e instanceof GoValueCycleError
  );
}

function toLua(p: Payload): unknown {
  switch (p.format) {
    case F.LUA:
      return p.data;
    case F.JSON:
      return decodeJson(p.data as string);
    case F.YAML:
      return decodeYaml(p.data as string);
    case F.STRING:
    case F.BYTES:
      return p.data;
    case F.GOLANG:
      return goToLua(p.data);
    default:
      throw new NoPath();
  }
}

function fromLua(v: unknown, to: string): Payload {
  switch (to) {
    case F.LUA:
      return new Payload(to, v);
    case F.JSON:
      return new Payload(to, encodeJson(v));
    case F.YAML:
      return new Payload(to, encodeYaml(v));
    case F.STRING:
    case F.BYTES:
      return new Payload(to, textOf(v));
    case F.GOLANG:
      return new Payload(to, luaToGo(v));
    default:
      throw new NoPath();
  }
}

/** `p` in format `to`, or the error Wippy's transcoder gives (no path: NotFound; a failed step: Internal). */
export function transcode(p: Payload, to: string): Payload | LuaErrorValue {
  if (p.format === to) return p;
  const known = (f: string): boolean => f !== F.ERROR && f !== F.MSGPACK && (Object.values(F) as string[]).includes(f);
  if (!known(p.format) || !known(to)) {
    return createError({ message: 'no transcoding path found', kind: ERROR_KINDS.NOT_FOUND, retryable: false, details: { from: p.format, to } });
  }
  try {
    return fromLua(toLua(p), to);
  } catch (e) {
    // a JS stack overflow: a value nested deeper than a codec can walk (as deep as Lua tables can be made)
    if (!isCodecError(e) && !(e instanceof RangeError)) throw e;
    const cause = e instanceof RangeError ? 'value nested too deeply' : e.message;
    return createError({ message: `error transcoding payload: ${cause}`, kind: ERROR_KINDS.INTERNAL, retryable: false, details: { from: p.format, to, cause } });
  }
}

/** The Lua value of `p` (p:data()), or the error. */
export function payloadValue(p: Payload): { value: unknown } | { error: LuaErrorValue } {
  if (p.format === F.LUA) return { value: p.data };
  const r = transcode(p, F.LUA);
  return r instanceof Payload ? { value: r.data } : { error: r };
}

// ---- the Lua side ----

function checkPayload(v: unknown, fname: string): Payload {
  if (v instanceof Payload) return v;
  throw argError(1, fname, 'payload expected');
}

/** The error a method returns: the transcoder's error wrapped with the method's context, Internal, not retryable. */
function methodError(inner: LuaErrorValue, context: string): LuaErrorValue {
  const e = wrapError(inner, context);
  e.kind = ERROR_KINDS.INTERNAL;
  e.retryable = false;
  return e;
}

function pData(self: unknown): unknown {
  const r = payloadValue(checkPayload(self, 'data'));
  return 'value' in r ? ret1(r.value) : ret2(undefined, methodError(r.error, 'transcode failed'));
}

function pUnmarshal(self: unknown): unknown {
  const r = payloadValue(checkPayload(self, 'unmarshal'));
  return 'value' in r ? ret1(r.value) : ret2(undefined, methodError(r.error, 'unmarshal failed'));
}

function pTranscode(self: unknown, format: unknown): unknown {
  const p = checkPayload(self, 'transcode');
  const r = transcode(p, checkStr(format, 2, 'transcode'));
  return r instanceof Payload ? ret2(r, undefined) : ret2(undefined, methodError(r, 'transcode failed'));
}

function pGetFormat(self: unknown): unknown {
  return ret1(checkPayload(self, 'get_format').format);
}

function pToString(self: unknown): unknown {
  return ret1(`payload{format=${checkPayload(self, '__tostring').format}}`);
}

// Shared by every payload of every process: read-only.
const payloadMethods = readOnly(tableFromRecord({ get_format: pGetFormat, data: pData, unmarshal: pUnmarshal, transcode: pTranscode }));
const payloadMetatable: LuaTable = readOnly(tableFromRecord({ __index: payloadMethods, __tostring: pToString }));
Object.setPrototypeOf(Payload.prototype, LuaUserdata.prototype);
(Payload.prototype as { [MT]?: LuaTable })[MT] = payloadMetatable;

/** The `payload` global: `new` and the `format` constants, read-only. */
export function openPayloadLib(): LuaTable {
  return readOnly(
    tableFromRecord({
      new: (v: unknown) => ret1(newPayload(v)),
      format: readOnly(tableFromRecord({ ...F })),
    }),
  );
}
