// YAML text -> Lua value, as Wippy's yaml.decode (runtime/lua/modules/yaml/module.go: yaml.v3 into Go's `any`, then
// GoToLua): the first document of the text; mappings are tables (string, number and boolean keys), sequences 1-based
// tables, null is nil. YAML 1.2's core schema as yaml.v3 (`yes`/`no` stay strings); aliases are expanded, with the
// `yaml` package's limit on alias expansion standing in for yaml.v3's guard against alias bombs.
import { parseAllDocuments, type YAMLError } from 'yaml';
import { goToLua } from '../go-value.js';
import { luaToText } from '../../lua-text.js';

/** Why a text cannot be decoded; `message` is the parser's. */
export class YamlDecodeError extends Error {}

/**
 * A parse error in yaml.v3's shape, `yaml: line N: what` (the wording is the `yaml` package's): its message without
 * the position and source excerpt it appends.
 */
function errorText(e: YAMLError): string {
  const what = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
  const line = e.linePos?.[0]?.line;
  return line === undefined ? `yaml: ${what}` : `yaml: line ${line}: ${what}`;
}

/** Decodes the first document of `text` (a byte string holding UTF-8). */
export function decodeYaml(text: string): unknown {
  const docs = parseAllDocuments(luaToText(text));
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (doc === undefined) return undefined;
  if (doc.errors.length > 0) throw new YamlDecodeError(errorText(doc.errors[0]!));
  try {
    return goToLua(doc.toJS({ mapAsMap: true, maxAliasCount: 100 }));
  } catch (e) {
    throw new YamlDecodeError(e instanceof Error ? e.message : String(e));
  }
}
