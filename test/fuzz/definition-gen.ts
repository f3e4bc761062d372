// A fast-check generator of hostile app definition files for the loader fuzzer (definition-files.test.ts): a valid
// `_index.yaml` (and `.wippy.yaml`) whose values are replaced by values of the wrong type, whose fields are dropped
// or doubled, nested deep or made huge; YAML oddities (anchors, aliases, tags, several documents, merge keys); and
// raw text or bytes. Every one must load or come back as diagnostics.
import fc from 'fast-check';
import { stringify } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A valid definition file covering every kind the loader reads, the base that mutations start from. */
const BASE: { [k: string]: Json } = {
  version: '1.0',
  namespace: 'app',
  meta: { team: 'core' },
  entries: [
    { name: 'processes', kind: 'process.host', host: { workers: 4 }, lifecycle: { auto_start: true } },
    { name: 'terminal', kind: 'terminal.host', lifecycle: { auto_start: true } },
    {
      name: 'main', kind: 'process.lua', source: 'file://main.lua', method: 'main', modules: ['time'],
      imports: { util: 'app:util' },
    },
    { name: 'util', kind: 'library.lua', source: 'file://util.lua', modules: ['time'] },
    {
      name: 'svc', kind: 'process.service', process: 'app:main', host: 'processes', input: [1, 'two'],
      lifecycle: {
        auto_start: true, start_timeout: '5s', stop_timeout: '1m30s', requires: ['app:db'],
        restart: { initial_delay: '500ms', max_delay: '1m', backoff_factor: 1.5, jitter: 0.2, max_attempts: 5 },
        security: { actor: { id: 'service:worker', meta: { role: 'worker' } }, groups: ['app:workers'], policies: ['app:allow_all'] },
      },
    },
    { name: 'allow_all', kind: 'security.policy', policy: { actions: '*', resources: '*', effect: 'allow' }, groups: ['app:workers'] },
    { name: 'db', kind: 'registry.entry', data: { dsn: 'sqlite::memory:' } },
    { name: 'dep', kind: 'ns.dependency', component: 'wippy/views', version: '>=1.0' },
  ],
};

const CONFIG: { [k: string]: Json } = {
  version: '1.0',
  security: { strict_mode: true },
  lua: { type_system: { enabled: true } },
  directories: { modules: '.wippy', src: './src' },
  runtime: { max_run_ms: 200 },
};

const deep = (n: number): Json => {
  let v: Json = 'bottom';
  for (let i = 0; i < n; i++) v = i % 2 === 0 ? [v] : { k: v };
  return v;
};

/** Values of every type, odd strings included. */
const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null, true, false, 0, -1, 1.5, 1e308, -0, '', ' ', 'file://', 'file://../../../etc/passwd', 'file://nope.lua',
    '::', 'a:b:c', 'app:', ':x', '__proto__', 'constructor', 'toString', '5', '-1s', '1h1h', '9999999999999h', 'NaN',
    'process.host', 'process.lua', 'library.lua', 'process.service', 'terminal.host', 'registry.entry',
    '\u0000', '\u00ff\u00fe', 'x'.repeat(100_000), [], {}, [null], [[[]]], { '': null }, { __proto__: null } as Json,
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.integer({ min: 50, max: 1000 }).map(deep),
);

type Mutation = (v: Json, rnd: () => number, pick: () => Json) => Json;

/** Every path to a value inside `v`. */
function paths(v: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...prefix, k], out);
  return out;
}

function clone(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

/** Applies one of: replace the value at a path, delete it, duplicate an entry, add an unknown field. */
const mutate: Mutation = (v, rnd, pick) => {
  const all = paths(v).filter((p) => p.length > 0);
  if (all.length === 0) return v;
  const path = all[Math.floor(rnd() * all.length)]!;
  const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k as string]!, v);
  const key = path[path.length - 1]!;
  const op = Math.floor(rnd() * 4);
  if (Array.isArray(parent)) {
    const i = key as number;
    if (op === 0) parent.splice(i, 1);
    else if (op === 1) parent.push(clone(parent[i]!));
    else parent[i] = pick();
  } else if (parent !== null && typeof parent === 'object') {
    if (op === 0) delete parent[key as string];
    else if (op === 1) parent[`x_${Math.floor(rnd() * 100)}`] = pick();
    else parent[key as string] = pick();
  }
  return v;
};

export interface DefinitionCase {
  index: string | Uint8Array;
  config: string | undefined;
}

const mutated = (base: { [k: string]: Json }): fc.Arbitrary<string> =>
  fc.tuple(fc.array(junk, { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.double({ min: 0, max: 0.9999, noNaN: true }))).map(([values, stream]) => {
    const it = stream[Symbol.iterator]();
    const rnd = (): number => it.next().value as number;
    let k = 0;
    const pick = (): Json => clone(values[k++ % values.length]!);
    let doc = clone(base);
    for (let i = 0; i < values.length; i++) doc = mutate(doc, rnd, pick);
    return stringify(doc, { aliasDuplicateObjects: false });
  });

/** YAML that a JSON-shaped mutation cannot produce. */
const oddYaml = fc.constantFrom(
  'version: "1.0"\nnamespace: app\nentries:\n  - &e { name: a, kind: process.host }\n  - *e\n',
  'version: "1.0"\nnamespace: app\nentries:\n  - <<: { kind: process.lua }\n    name: m\n    source: file://main.lua\n    method: main\n',
  'version: "1.0"\nnamespace: app\nentries: !!map { a: 1 }\n',
  'version: "1.0"\nnamespace: !!binary aGVsbG8=\nentries: []\n',
  '---\nnamespace: a\n---\nnamespace: b\n',
  'namespace: app\nnamespace: app2\nentries: []\n',
  'entries:\n  - name: [a, b]\n    kind: {x: 1}\n',
  'a: &a [*a]\n',
  'a: &x {b: *x}\n',
  `x: &a [1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
  'namespace: app\nentries:\n  - name: m\n    kind: process.lua\n    source: "file://\\0.lua"\n    method: main\n',
  'namespace: app\nentries:\n  - name: "\\u2028"\n    kind: process.host\n',
  '\ufeffnamespace: app\nentries: []\n',
  '%YAML 1.1\n---\nnamespace: app\nentries: [ ]\n',
  'namespace: app\nentries:\n\t- name: tab\n',
  'namespace: app\nentries: [\n',
  '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{',
  '[' .repeat(5000),
  '',
  '# only a comment\n',
  'null\n',
  '42\n',
  '"a string"\n',
  '- a\n- list\n',
);

/** Random text, and random bytes (not UTF-8). */
const rawText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
);

/** Bytes of a valid file with a few bytes overwritten. */
const flipped = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 5 })).map(([flips]) => {
  const bytes = new TextEncoder().encode(stringify(BASE));
  for (const [at, b] of flips) bytes[at % bytes.length] = b;
  return bytes;
});

export function definitionCase(): fc.Arbitrary<DefinitionCase> {
  return fc.record({
    index: fc.oneof({ weight: 6, arbitrary: mutated(BASE) }, { weight: 2, arbitrary: oddYaml }, { weight: 1, arbitrary: rawText }, { weight: 1, arbitrary: flipped }),
    config: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: mutated(CONFIG) }, { weight: 1, arbitrary: oddYaml }),
  });
}
