// Go's json.Marshal of a Go-shaped value (go-value.ts): what Wippy writes where it marshals Go maps rather than Lua
// tables (JWT headers and claims): object keys sorted by their bytes, numbers as encoding/json writes a float64 or an
// int64, strings escaped as json.Marshal does (string-text.ts). The result is a byte string holding UTF-8.
import type { GoValue } from '../go-value.js';
import { textToLua } from '../../lua-text.js';
import { topNumberText } from './number-text.js';
import { jsonStringText } from './string-text.js';

export function marshalGo(v: GoValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return topNumberText(v);
    case 'string':
      return jsonStringText(textToLua(v));
    default:
      break;
  }
  if (Array.isArray(v)) return `[${v.map(marshalGo).join(',')}]`;
  const keys = [...v.keys()].map((k) => [textToLua(k), k] as const);
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${keys.map(([bytes, k]) => `${jsonStringText(bytes)}:${marshalGo(v.get(k)!)}`).join(',')}}`;
}
