// JSON Schema validation for json.validate / validate_string with ajv, as Wippy's json module does with
// kaptinlin/jsonschema (runtime/lua/modules/json/json.go): each schema is compiled once, cached by its JSON text
// (Wippy: by its SHA-256, 100 entries, least recently used dropped). The dialect follows the schema's `$schema`:
// draft-06/07 and 2019-09 where named, JSON Schema 2020-12 (kaptinlin's) otherwise. Unknown keywords are ignored, as
// the specification says (ajv's strict mode is off), and `format` is an annotation, not checked: Wippy's compiler is
// made without AssertFormat (kaptinlin format.go asserts formats only then), so `{format = "email"}` accepts any
// string there, and here.
//
// Validation runs where nothing can give way, so what is superlinear in ajv is replaced and the rest is counted:
// `pattern` and `patternProperties` are RE2 (text.regexp's, as Go's validator: `^(a+)+$` no longer backtracks for
// minutes), `uniqueItems` compares canonical texts in a map instead of every pair, and each subschema applied to a
// value is a step of the backstop (preempt.ts), so an exponential schema (nested anyOf over $refs) ends the process
// after the runtime's limit instead of freezing the node. Remote `$ref`s are never fetched (ajv's loadSchema is unset:
// `can't resolve reference`).
import type { Ajv, ValidateFunction, ErrorObject } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import type { Ajv2019 } from 'ajv/dist/2019.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { BUDGET } from '../../core/preempt.js';
import { textToLua } from '../../lib/lua-text.js';
import { Re2 } from '../text/re2.js';
import { optionalModules } from '../../lib/optional-require.js';

type AnyAjv = Ajv | Ajv2019 | Ajv2020;

const CACHE_SIZE = 100;
/**
 * The longest schema text kept compiled. The cache belongs to the runtime, not to a process: a hundred huge schemas
 * kept their compiled code after the process that made them ended, out of the memory guard's reach. Longer schemas
 * are compiled at each validation.
 */
const MAX_CACHED_SCHEMA = 64 * 1024;

let dialects: { draft07: Ajv; d2019: Ajv2019; d2020: Ajv2020; other: Ajv2020 } | undefined;

/**
 * The validator for a schema's `$schema`, made on first use (ajv's set-up costs a few ms that apps without schemas
 * need not pay): draft-06 and draft-07, 2019-09, 2020-12 (also for a schema without `$schema`), and for any other
 * URI 2020-12 without checking the schema against that meta-schema, which ajv does not know.
 */
function validatorFor(schema: unknown): AnyAjv {
  const opts = { allErrors: true, strict: false, validateFormats: false, code: { regExp: re2Engine } };
  if (dialects === undefined) {
    // ajv is loaded on the first validation, not with the runtime (optional-require.ts)
    const { Ajv: Draft07 } = optionalModules.ajv();
    const { Ajv2019: D2019 } = optionalModules.ajv2019();
    const { Ajv2020: D2020 } = optionalModules.ajv2020();
    const draft07 = new Draft07(opts);
    draft07.addMetaSchema(optionalModules.draft06MetaSchema());
    dialects = { draft07, d2019: new D2019(opts), d2020: new D2020(opts), other: new D2020({ ...opts, validateSchema: false }) };
    for (const ajv of Object.values(dialects)) {
      ajv.removeKeyword('uniqueItems');
      ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', errors: true, validate: uniqueItems });
      ajv.addKeyword({ keyword: STEP, errors: false, validate: step });
    }
  }
  const uri = typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (uri === undefined || (typeof uri === 'string' && uri.includes('2020-12'))) return dialects.d2020;
  if (typeof uri === 'string' && /draft-0[67]\//.test(uri)) return dialects.draft07;
  if (typeof uri === 'string' && uri.includes('2019-09')) return dialects.d2019;
  return dialects.other;
}

/** Patterns as RE2 over the UTF-8 bytes of the text (Re2 throws Go's message for what RE2 refuses). */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = new Re2(textToLua(pattern));
    // ajv keeps one compiled pattern per toString(): the pattern's own text, not [object Object] for all of them
    return { test: (s: string) => re.test(textToLua(s)), toString: () => `re2:${pattern}` };
  },
  { code: 're2' },
);

/** A value's text with object keys sorted: equal texts are the JSON Schema equality uniqueItems asks about. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

interface KeywordValidate {
  (schema: unknown, data: unknown[]): boolean;
  errors?: Array<Partial<ErrorObject>>;
}

/** uniqueItems in linear time, with ajv's message (the later item first). */
const uniqueItems: KeywordValidate = (schema, data) => {
  if (schema !== true) return true;
  const seen = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const key = canonical(data[i]);
    const j = seen.get(key);
    if (j !== undefined) {
      uniqueItems.errors = [{ keyword: 'uniqueItems', params: { i, j }, message: `must NOT have duplicate items (items ## ${i} and ${j} are identical)` }];
      return false;
    }
    seen.set(key, i);
  }
  return true;
};

/** The keyword every subschema is given (stepsMarked): applying a subschema to a value is a step. */
const STEP = 'x-moonforge-step';
const step = (): boolean => {
  if (--BUDGET.p < 0) BUDGET.out();
  return true;
};

/** Keywords whose value is a subschema, an array of subschemas, or a map of them (every dialect's). */
const ONE = ['additionalItems', 'items', 'contains', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
const LIST = ['items', 'allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['$defs', 'definitions', 'properties', 'patternProperties', 'dependentSchemas', 'dependencies'];

/** Marks every object subschema of a parsed schema with STEP (iteratively: a deep schema must not overflow here). */
function stepsMarked(schema: unknown): void {
  const todo: unknown[] = [schema];
  const isSchema = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  while (todo.length > 0) {
    const s = todo.pop();
    if (!isSchema(s)) continue;
    s[STEP] = true;
    for (const k of ONE) todo.push(s[k]);
    for (const k of LIST) if (Array.isArray(s[k])) for (const x of s[k] as unknown[]) todo.push(x);
    for (const k of MAP) if (isSchema(s[k])) for (const x of Object.values(s[k] as object)) todo.push(x);
  }
}

const cache = new Map<string, ValidateFunction>();

/** The compiled validator of a schema given as JSON text (JS text); throws Error with ajv's message when invalid. */
export function compileSchema(text: string): ValidateFunction {
  const hit = cache.get(text);
  if (hit !== undefined) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const schema: unknown = JSON.parse(text);
  if (typeof schema !== 'object' && typeof schema !== 'boolean') throw new Error('schema must be an object or a boolean');
  const ajv = validatorFor(schema);
  // Schemas are compiled without keeping them by their $id: two different schemas with the same $id are two cache
  // entries here, not an "already exists" error. Nor does ajv keep anything of them after the compile (its own
  // cache by schema object, the $ids of subschemas): the ajv instances serve the whole runtime, and what they keep
  // outlives the process that made it, beyond the memory guard's reach and the bound of our cache.
  const id = typeof schema === 'object' && schema !== null ? (schema as { $id?: unknown }).$id : undefined;
  if (typeof id === 'string') ajv.removeSchema(id);
  stepsMarked(schema);
  const refsBefore = new Set(Object.keys(ajv.refs));
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema as object);
  } finally {
    if (typeof schema === 'object' && schema !== null) ajv.removeSchema(schema);
    for (const ref of Object.keys(ajv.refs)) if (!refsBefore.has(ref)) delete (ajv.refs as Record<string, unknown>)[ref];
  }
  if (text.length <= MAX_CACHED_SCHEMA) {
    cache.set(text, validate);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return validate;
}

/**
 * Why data failed: Wippy's validator says only "evaluation failed" (kaptinlin/jsonschema EvaluationResult.Error);
 * ajv's errors follow it, `/path: message` each, `; `-separated.
 */
export function validationMessage(errors: readonly ErrorObject[] | null | undefined): string {
  if (errors === null || errors === undefined || errors.length === 0) return 'evaluation failed';
  return `evaluation failed: ${errors.map((e) => `${e.instancePath === '' ? '/' : e.instancePath}: ${e.message ?? e.keyword}`).join('; ')}`;
}
