// The `yaml` module (docs en/lua/data/yaml.md; wippyai/runtime runtime/lua/modules/yaml/module.go, spec.md): encode a
// table and decode a text with the one YAML codec of runtime/lib/wippy/yaml (which payloads use too). `value, err`
// with Wippy's kinds: bad input Invalid, a codec failure Internal; none retryable.
import { LuaTable, rawget, tableFromRecord } from '../../core/table.js';
import { ARR } from '../../core/symbols.js';
import { ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { encodeYaml, type YamlEncodeOptions } from '../../lib/wippy/yaml/encode.js';
import { decodeYaml, YamlDecodeError } from '../../lib/wippy/yaml/decode.js';
import { GoValueCycleError } from '../../lib/wippy/go-value.js';
import { luaToText } from '../../lib/lua-text.js';
import type { PlatformModule } from '../module-host.js';
import { failedResult, invalidResult } from '../error-results.js';


/** module.go extractOptions: `sort_unordered` if a boolean, `field_order`'s string items 1..n. */
function options(t: unknown): YamlEncodeOptions {
  if (!(t instanceof LuaTable)) return {};
  const o: YamlEncodeOptions = {};
  const sort = rawget(t, 'sort_unordered');
  if (typeof sort === 'boolean') o.sortUnordered = sort;
  const order = rawget(t, 'field_order');
  if (order instanceof LuaTable) o.fieldOrder = order[ARR].filter((k): k is string => typeof k === 'string').map(luaToText);
  return o;
}

function encode(...args: unknown[]): unknown {
  const data = args[0];
  if (!(data instanceof LuaTable)) return invalidResult('table expected');
  try {
    return ret2(encodeYaml(data, options(args[1])), undefined);
  } catch (e) {
    if (e instanceof GoValueCycleError) return failedResult(e.message, 'encode failed');
    // a JS stack overflow: a table nested deeper than the encoder can walk
    if (e instanceof RangeError) return failedResult('value nested too deeply', 'encode failed');
    throw e;
  }
}

function decode(s: unknown): unknown {
  if (typeof s !== 'string') return invalidResult('string expected');
  if (s === '') return invalidResult('input cannot be empty');
  try {
    return ret2(decodeYaml(s), undefined);
  } catch (e) {
    if (e instanceof YamlDecodeError) return failedResult(e.message, 'decode failed');
    throw e;
  }
}

export const YAML_MODULE: PlatformModule = { name: 'yaml', create: () => readOnly(tableFromRecord({ encode, decode })) };
