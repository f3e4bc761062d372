// Lua value -> YAML text, as Wippy's yaml.encode (runtime/lua/modules/yaml/module.go): the value goes through Go's
// `any` (go-value.ts luaToGo: a table with a sequence is a list, any other table a mapping with its keys as text)
// and is written by yaml.v3, which orders mapping keys naturally (key-order.ts) and indents by 4. With options
// (the module's `field_order` / `sort_unordered`), Wippy re-orders every mapping and writes with an indent of 2: the
// keys `fieldOrder` names first, in its order, then the others, in byte order if `sortUnordered`, else as they were.
import { Scalar, stringify, type ScalarTag } from 'yaml';
import { formatFloatG } from '../../../core/number-format.js';
import { BUDGET } from '../../../core/preempt.js';
import { luaToGo, type GoValue } from '../go-value.js';
import { textToLua } from '../../lua-text.js';
import { yamlKeyCompare } from './key-order.js';

// yaml.v3 writes a string double-quoted where a YAML 1.1 reader would take it for something else, beyond what the
// YAML 1.2 core schema of the `yaml` package quotes: the old booleans (encode.go isOldBool), base-60 numbers
// (isBase60Float) and timestamps (resolve's timestamp formats).
const OLD_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:Z|[+-]\d{1,2}(?::\d{2})?)?)?$/;

/** A string as yaml.v3 would write it: forced into double quotes when a YAML 1.1 reader would misread it. */
function text(s: string): string | Scalar {
  if (!OLD_BOOL.test(s) && !BASE60.test(s) && !TIMESTAMP.test(s)) return s;
  const quoted = new Scalar(s);
  quoted.type = 'QUOTE_DOUBLE';
  return quoted;
}

export interface YamlEncodeOptions {
  fieldOrder?: readonly string[];
  sortUnordered?: boolean;
}

const TWO53 = 2 ** 53;
const TWO63 = 2 ** 63;

/**
 * Numbers as Go has them: an integral value within int64 is an int64 (exact digits: a bigint past 2^53), any other a
 * float64, which yaml.v3 writes with strconv.FormatFloat(f, 'g', -1, 64) (`1e-06`, `1e+21`, `.inf`).
 */
function isGoFloat(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && !(Number.isInteger(v) && v >= -TWO63 && v < TWO63);
}

const goFloat: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: isGoFloat,
  // used for writing only: never matches a scalar being read
  test: /^(?!)/,
  resolve: (s: string) => Number(s),
  stringify: ({ value }) => formatFloatG(value as number),
};

/** What `stringify` writes for `v`: mappings in yaml.v3's key order (re-ordered by the options), strings quoted as v3. */
function ordered(v: GoValue, reorder: ((keys: string[]) => string[]) | undefined): unknown {
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number') return Number.isInteger(v) && (v > TWO53 || v < -TWO53) && v >= -TWO63 && v < TWO63 ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map((x) => ordered(x, reorder));
  if (!(v instanceof Map)) return v;
  let keys = [...v.keys()].sort(yamlKeyCompare);
  if (reorder !== undefined) keys = reorder(keys);
  const out = new Map<unknown, unknown>();
  for (const k of keys) {
    // each key is a step of the backstop: a mapping of hundreds of thousands of keys is a long run
    if (--BUDGET.p < 0) BUDGET.out();
    out.set(text(k), ordered(v.get(k)!, reorder));
  }
  return out;
}

/** module.go orderMappingNode: a stable sort by field_order rank, then (sort_unordered) by bytes. */
function reorderer(fieldOrder: readonly string[], sortUnordered: boolean): (keys: string[]) => string[] {
  const rank = new Map<string, number>();
  fieldOrder.forEach((k, i) => rank.set(k, i));
  return (keys) =>
    keys.slice().sort((a, b) => {
      const ra = rank.get(a);
      const rb = rank.get(b);
      if (ra !== undefined && rb !== undefined) return ra - rb;
      if (ra !== undefined) return -1;
      if (rb !== undefined) return 1;
      if (!sortUnordered) return 0;
      return a < b ? -1 : a > b ? 1 : 0;
    });
}

/** `v` as YAML text (a byte string holding UTF-8); throws GoValueCycleError for a table that contains itself. */
export function encodeYaml(v: unknown, opts: YamlEncodeOptions = {}): string {
  const fieldOrder = opts.fieldOrder ?? [];
  const withOptions = fieldOrder.length > 0 || opts.sortUnordered === true;
  const reorder = withOptions ? reorderer(fieldOrder, opts.sortUnordered === true) : undefined;
  const out = stringify(ordered(luaToGo(v), reorder), {
    indent: withOptions ? 2 : 4,
    indentSeq: true,
    lineWidth: 0,
    customTags: (tags) => [goFloat, ...tags],
  });
  return textToLua(out);
}
