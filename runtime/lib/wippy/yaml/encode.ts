// Lua value -> YAML text, as Wippy's yaml.encode (runtime/lua/modules/yaml/module.go): the value goes through Go's
// `any` (go-value.ts luaToGo: a table with a sequence is a list, any other table a mapping with its keys as text)
// and is written by yaml.v3, which sorts mapping keys and indents by 4. `fieldOrder` puts the keys it names first, in
// its order, in every mapping (the module's `field_order` option); the other keys stay sorted.
import { stringify } from 'yaml';
import { luaToGo, bytesOfText, type GoValue } from '../go-value.js';

export interface YamlEncodeOptions {
  fieldOrder?: readonly string[];
}

function ordered(v: GoValue, rank: Map<string, number>): GoValue {
  if (Array.isArray(v)) return v.map((x) => ordered(x, rank));
  if (!(v instanceof Map)) return v;
  const keys = [...v.keys()].sort((a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out = new Map<string, GoValue>();
  for (const k of keys) out.set(k, ordered(v.get(k)!, rank));
  return out;
}

/** `v` as YAML text (a byte string holding UTF-8); throws GoValueCycleError for a table that contains itself. */
export function encodeYaml(v: unknown, opts: YamlEncodeOptions = {}): string {
  const rank = new Map<string, number>();
  (opts.fieldOrder ?? []).forEach((k, i) => {
    if (!rank.has(k)) rank.set(k, i);
  });
  const text = stringify(ordered(luaToGo(v), rank), { indent: 4, indentSeq: true, lineWidth: 0 });
  return bytesOfText(text);
}
