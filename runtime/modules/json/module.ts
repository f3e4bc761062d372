// The `json` module (docs en/lua/data/json.md; wippyai/runtime runtime/lua/modules/json/module.go, json.go, spec.md):
// encode and decode with the one JSON codec of runtime/lib/wippy/json (which payloads use too), and JSON Schema
// validation (schema.ts). Every call answers `value, err` with Wippy's error kinds: bad input is Invalid, an encoder
// or decoder failure Internal (its message the codec's, the context "encode failed" / "decode failed"), every
// validation problem Invalid; none is retryable.
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { ERROR_KINDS } from '../../lib/wippy/errors.js';
import { encodeJson, JsonEncodeError } from '../../lib/wippy/json/encode.js';
import { decodeJson, JsonDecodeError } from '../../lib/wippy/json/decode.js';
import { GoValueCycleError, luaToGo, type GoValue } from '../../lib/wippy/go-value.js';
import { luaToText } from '../../lib/lua-text.js';
import type { PlatformModule } from '../module-host.js';
import { failedResult, invalidResult } from '../error-results.js';
import { compileSchema, validationMessage } from './schema.js';


function encode(v: unknown): unknown {
  if (v === undefined) return ret2('null', undefined);
  try {
    return ret2(encodeJson(v), undefined);
  } catch (e) {
    if (e instanceof JsonEncodeError) return failedResult(e.message, 'encode failed');
    throw e;
  }
}

function decode(s: unknown): unknown {
  if (typeof s !== 'string') return invalidResult('string expected');
  if (s === '') return invalidResult('empty string is not valid JSON');
  try {
    return ret2(decodeJson(s), undefined);
  } catch (e) {
    if (e instanceof JsonDecodeError) return failedResult(e.message, 'decode failed');
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

/** The schema argument as JSON text (a Lua string is its text; a table is encoded), or why it is not one. */
function schemaText(schema: unknown): string | { problem: string } {
  if (typeof schema === 'string') return luaToText(schema);
  if (schema instanceof LuaTable) {
    try {
      return luaToText(encodeJson(schema));
    } catch (e) {
      if (e instanceof JsonEncodeError) return { problem: e.message };
      throw e;
    }
  }
  return { problem: 'schema must be a string or table' };
}

/**
 * A JS stack overflow in ajv (a schema nested thousands deep, a `$ref` to itself applied without end, data nested
 * deeper than the stack): an Invalid answer that says so, not the engine's wording.
 */
const TOO_DEEP = 'schema or data nested too deeply (or a $ref that refers to itself without end)';
const isOverflow = (e: unknown): boolean => e instanceof RangeError;

/** Validates `data` (a JS value) against the schema argument: `true` or `false, err`. */
function check(schema: unknown, data: () => unknown): unknown {
  const text = schemaText(schema);
  if (typeof text !== 'string') return failedResult(text.problem, 'schema error', ERROR_KINDS.INVALID, false);
  let validate;
  try {
    validate = compileSchema(text);
  } catch (e) {
    if (isOverflow(e)) return failedResult(TOO_DEEP, 'compile schema', ERROR_KINDS.INVALID, false);
    return failedResult(e instanceof Error ? e.message : String(e), 'compile schema', ERROR_KINDS.INVALID, false);
  }
  let value: unknown;
  try {
    value = data();
  } catch (e) {
    if (e instanceof JsonEncodeError || e instanceof GoValueCycleError) return failedResult(e.message, 'convert data', ERROR_KINDS.INVALID, false);
    if (e instanceof SyntaxError) return failedResult(e.message, 'validation failed', ERROR_KINDS.INVALID, false);
    if (isOverflow(e)) return failedResult(TOO_DEEP, 'convert data', ERROR_KINDS.INVALID, false);
    throw e;
  }
  let valid: boolean;
  try {
    valid = validate(value) === true;
  } catch (e) {
    if (isOverflow(e)) return failedResult(TOO_DEEP, 'validation failed', ERROR_KINDS.INVALID, false);
    throw e;
  }
  if (valid) return ret1(true);
  return failedResult(validationMessage(validate.errors), 'validation failed', ERROR_KINDS.INVALID, false);
}

function validate(schema: unknown, data: unknown): unknown {
  if (schema === undefined) return invalidResult('schema is required', false);
  if (data === undefined) return invalidResult('data is required', false);
  // json.go: a value Go sees as a map (a table without a sequence, the empty table too) is validated as an object;
  // anything else as the JSON the encoder makes of it
  return check(schema, () => {
    const go = data instanceof LuaTable ? luaToGo(data) : undefined;
    return go instanceof Map ? plain(go) : JSON.parse(luaToText(encodeJson(data)));
  });
}

function validateString(schema: unknown, s: unknown): unknown {
  if (schema === undefined) return invalidResult('schema is required', false);
  if (typeof s !== 'string') return invalidResult('data must be a JSON string', false);
  return check(schema, () => JSON.parse(luaToText(s)));
}

function createJsonModule(): LuaTable {
  return readOnly(tableFromRecord({ encode, decode, validate, validate_string: validateString }));
}

export const JSON_MODULE: PlatformModule = { name: 'json', create: createJsonModule };
