// Lua value -> YAML text, as Wippy's yaml.encode (runtime/lua/modules/yaml/module.go): the value goes through Go's
// `any` (go-value.ts luaToGo: a table with a sequence is a list, any other table a mapping with its keys as text)
// and is written by yaml.v3, which orders mapping keys naturally (key-order.ts) and indents by 4. With options
// (the module's `field_order` / `sort_unordered`), Wippy re-orders every mapping and writes with an indent of 2: the
// keys `fieldOrder` names first, in its order, then the others, in byte order if `sortUnordered`, else as they were.
import { stringify } from 'yaml';
import { luaToGo, bytesOfText, type GoValue } from '../go-value.js';
import { yamlKeyCompare } from './key-order.js';

export interface YamlEncodeOptions {
  fieldOrder?: readonly string[];
  sortUnordered?: boolean;
}

function ordered(v: GoValue, reorder: ((keys: string[]) => string[]) | undefined): GoValue {
  if (Array.isArray(v)) return v.map((x) => ordered(x, reorder));
  if (!(v instanceof Map)) return v;
  let keys = [...v.keys()].sort(yamlKeyCompare);
  if (reorder !== undefined) keys = reorder(keys);
  const out = new Map<string, GoValue>();
  for (const k of keys) out.set(k, ordered(v.get(k)!, reorder));
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
  const text = stringify(ordered(luaToGo(v), reorder), { indent: withOptions ? 2 : 4, indentSeq: true, lineWidth: 0 });
  return bytesOfText(text);
}
