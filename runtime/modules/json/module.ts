// The `json` module (docs en/lua/data/json.md; wippyai/runtime runtime/lua/modules/json/module.go, json.go, spec.md):
// encode and decode with the one JSON codec of runtime/lib/wippy/json (which payloads use too), and JSON Schema
// validation (schema.ts). Every call answers `value, err` with Wippy's error kinds: bad input is Invalid, an encoder
// or decoder failure Internal (its message the codec's, the context "encode failed" / "decode failed"), every
// validation problem Invalid; none is retryable.
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError, type LuaErrorValue } from '../../lib/wippy/errors.js';
import { encodeJson, JsonEncodeError } from '../../lib/wippy/json/encode.js';
import { decodeJson, JsonDecodeError } from '../../lib/wippy/json/decode.js';
import { GoValueCycleError, luaToGo, textOfBytes, type GoValue } from '../../lib/wippy/go-value.js';
import type { PlatformModule } from '../module-host.js';
import { compileSchema, validationMessage } from './schema.js';

function failure(kind: string, cause: string, context: string): LuaErrorValue {
  return wrapError(createError({ message: cause, kind, retryable: false }), context);
}

function invalid(message: string): LuaErrorValue {
  return createError({ message, kind: ERROR_KINDS.INVALID, retryable: false });
}

function encode(v: unknown): unknown {
  if (v === undefined) return ret2('null', undefined);
  try {
    return ret2(encodeJson(v), undefined);
  } catch (e) {
    if (e instanceof JsonEncodeError) return ret2(undefined, failure(ERROR_KINDS.INTERNAL, e.message, 'encode failed'));
    throw e;
  }
}

function decode(s: unknown): unknown {
  if (typeof s !== 'string') return ret2(undefined, invalid('string expected'));
  if (s === '') return ret2(undefined, invalid('empty string is not valid JSON'));
  try {
    return ret2(decodeJson(s), undefined);
  } catch (e) {
    if (e instanceof JsonDecodeError) return ret2(undefined, failure(ERROR_KINDS.INTERNAL, e.message, 'decode failed'));
    throw e;
  }
}

/** A Go-shaped value (Maps for objects) as the plain JS value ajv validates. */
function plain(v: GoValue): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (!(v instanceof Map)) return v;
  const o: Record<string, unknown> = Object.create(null);
  for (const [k, x] of v) o[k] = plain(x);
  return o;
}

/** The schema argument as JSON text (a Lua string is its text; a table is encoded), or the error to return. */
function schemaText(schema: unknown): string | LuaErrorValue {
  if (typeof schema === 'string') return textOfBytes(schema);
  if (schema instanceof LuaTable) {
    try {
      return textOfBytes(encodeJson(schema));
    } catch (e) {
      if (e instanceof JsonEncodeError) return failure(ERROR_KINDS.INVALID, e.message, 'schema error');
      throw e;
    }
  }
  return failure(ERROR_KINDS.INVALID, 'schema must be a string or table', 'schema error');
}

/** Validates `data` (a JS value) against the schema argument: `true` or `false, err`. */
function check(schema: unknown, data: () => unknown): unknown {
  const text = schemaText(schema);
  if (typeof text !== 'string') return ret2(false, text);
  let validate;
  try {
    validate = compileSchema(text);
  } catch (e) {
    return ret2(false, failure(ERROR_KINDS.INVALID, e instanceof Error ? e.message : String(e), 'compile schema'));
  }
  let value: unknown;
  try {
    value = data();
  } catch (e) {
    if (e instanceof JsonEncodeError || e instanceof GoValueCycleError) return ret2(false, failure(ERROR_KINDS.INVALID, e.message, 'convert data'));
    if (e instanceof SyntaxError) return ret2(false, failure(ERROR_KINDS.INVALID, e.message, 'validation failed'));
    throw e;
  }
  if (validate(value) === true) return ret1(true);
  return ret2(false, failure(ERROR_KINDS.INVALID, validationMessage(validate.errors), 'validation failed'));
}

function validate(schema: unknown, data: unknown): unknown {
  if (schema === undefined) return ret2(false, invalid('schema is required'));
  if (data === undefined) return ret2(false, invalid('data is required'));
  // json.go: a value Go sees as a map (a table without a sequence, the empty table too) is validated as an object;
  // anything else as the JSON the encoder makes of it
  return check(schema, () => {
    const go = data instanceof LuaTable ? luaToGo(data) : undefined;
    return go instanceof Map ? plain(go) : JSON.parse(textOfBytes(encodeJson(data)));
  });
}

function validateString(schema: unknown, s: unknown): unknown {
  if (schema === undefined) return ret2(false, invalid('schema is required'));
  if (typeof s !== 'string') return ret2(false, invalid('data must be a JSON string'));
  return check(schema, () => JSON.parse(textOfBytes(s)));
}

function createJsonModule(): LuaTable {
  return readOnly(tableFromRecord({ encode, decode, validate, validate_string: validateString }));
}

export const JSON_MODULE: PlatformModule = { name: 'json', create: createJsonModule };
