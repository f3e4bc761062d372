// The yaml module (docs en/lua/data/yaml.md; wippyai/runtime runtime/lua/modules/yaml/module.go, spec.md) and the
// codec of runtime/lib/wippy/yaml it shares with payloads.
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { yamlKeyCompare } from '../../runtime/lib/wippy/yaml/key-order.js';

/** What main printed, each line read as UTF-8 (Lua writes bytes). */
async function yaml(body: string): Promise<string> {
  const r = await runWithModules(['yaml'], body);
  expect(r.stderr).toBe('');
  return Buffer.from(r.stdout, 'latin1').toString('utf8');
}

describe('yaml.encode', () => {
  it('yaml.v3 output: keys in natural order, indent 4 (sequences indented under their key), lists for sequences', async () => {
    expect(
      await yaml(`
        io.write((yaml.encode({name = "test", value = 123, items = {1, 2.5, "x"}, nested = {b = true, a = {}}})))
        io.write((yaml.encode({"apple", "banana"})))
        io.write((yaml.encode({k10 = 1, k9 = 2, k1 = 3, K = 4, ["k 1"] = 5})))`),
    ).toBe(
      'items:\n    - 1\n    - 2.5\n    - x\nname: test\nnested:\n    a: {}\n    b: true\nvalue: 123\n' +
        '- apple\n- banana\n' +
        'K: 4\nk 1: 5\nk1: 3\nk9: 2\nk10: 1\n',
    );
  });

  it('numbers as yaml.v3 writes int64 and float64: integers in full, floats in Go %g form, .inf / .nan', async () => {
    expect(await yaml(`io.write((yaml.encode({1e-6, 2.5, 3, 2^60, 1e21, 1/0, -1/0, 0/0, 123456.789, 1e-4})))`)).toBe(
      '- 1e-06\n- 2.5\n- 3\n- 1152921504606846976\n- 1e+21\n- .inf\n- -.inf\n- .nan\n- 123456.789\n- 0.0001\n',
    );
  });

  it('field_order puts its keys first in every mapping; sort_unordered orders the rest by bytes; indent 2 then', async () => {
    expect(
      await yaml(`
        local entry = {zebra = 1, alpha = 2, name = "test", kind = "demo", sub = {z = 1, name = 2}}
        io.write((yaml.encode(entry, {field_order = {"name", "kind"}, sort_unordered = true})))
        io.write((yaml.encode({b = {1, 2}, a = 1}, {sort_unordered = true})))`),
    ).toBe('name: test\nkind: demo\nalpha: 2\nsub:\n  name: 2\n  z: 1\nzebra: 1\n' + 'a: 1\nb:\n  - 1\n  - 2\n');
  });

  it('strings that would read back as something else are quoted; UTF-8 stays as it is', async () => {
    expect(await yaml(`io.write((yaml.encode({a = "true", b = "123", c = "x: y", d = "é", e = "two\\nlines"})))`)).toBe(
      'a: "true"\nb: "123"\nc: "x: y"\nd: é\ne: |-\n    two\n    lines\n',
    );
    // and what only a YAML 1.1 reader misreads, as yaml.v3 quotes it (encode.go isOldBool, isBase60Float, timestamps)
    expect(await yaml(`io.write((yaml.encode({yes = "on", n = {"y", "off", "1:30", "2001-12-14", "2001-12-14 21:59:43.10", "plain"}})))`)).toBe(
      '"n":\n    - "y"\n    - "off"\n    - "1:30"\n    - "2001-12-14"\n    - "2001-12-14 21:59:43.10"\n    - plain\n"yes": "on"\n',
    );
  });

  it('errors: not a table is Invalid "table expected"; a table containing itself is Internal', async () => {
    expect(
      await yaml(`
        local s, e = yaml.encode("x"); io.print(s, e:kind(), e:retryable(), e:message())
        s, e = yaml.encode(); io.print(s, e:kind(), e:message())
        local t = {}; t.t = t; s, e = yaml.encode(t); io.print(s, e:kind(), e:message())`),
    ).toBe('nil\tInvalid\tfalse\ttable expected\nnil\tInvalid\ttable expected\nnil\tInternal\tcannot convert recursively nested tables\n');
  });

  it("keys compare as yaml.v3's sorter: digit runs as numbers, other characters by their digit value", () => {
    expect(['a10', 'a2', 'a1', 'b', 'A', '1', '10', '2', '_x', 'a'].sort(yamlKeyCompare)).toEqual(['_x', '1', '2', '10', 'A', 'a', 'a1', 'a2', 'a10', 'b']);
  });
});

describe('yaml.decode', () => {
  it('mappings, sequences, scalars of the core schema; the first document; aliases expanded', async () => {
    expect(
      await yaml(`
        local v = yaml.decode("server:\\n  host: localhost\\n  port: 8080\\nfeatures: [auth, 2, 3.5, true, null, yes]\\n")
        io.print(v.server.host, v.server.port, #v.features, v.features[2], v.features[3], v.features[4], v.features[5], v.features[6])
        local n = yaml.decode("1: one\\ntrue: t\\n")
        io.print(n[1], n[true])
        io.print(yaml.decode("42"), yaml.decode("'s'"), (yaml.decode("# nothing")))
        local d = yaml.decode("a: 1\\n---\\na: 2\\n"); io.print(d.a)
        local al = yaml.decode("base: &b {x: 1}\\nuse: *b\\n"); io.print(al.use.x)
        io.print(yaml.decode("s: é").s == "\\195\\169")
        io.print(yaml.decode("b: !!binary aGVsbG8=").b)`),
    ).toBe('localhost\t8080\t6\t2\t3.5\ttrue\tnil\tyes\none\tt\n42\ts\tnil\n1\n1\ntrue\nhello\n');
  });

  it('errors: not a string, the empty string (Invalid), a syntax error (Internal)', async () => {
    expect(
      await yaml(`
        local v, e = yaml.decode(12); io.print(v, e:kind(), e:message())
        v, e = yaml.decode(""); io.print(v, e:kind(), e:message())
        v, e = yaml.decode("a: [1, 2"); io.print(v, e:kind(), e:retryable())
        v, e = yaml.decode("x: 1\\n\\ty: 2"); io.print(e:message())`),
    ).toBe(
      'nil\tInvalid\tstring expected\nnil\tInvalid\tinput cannot be empty\nnil\tInternal\tfalse\n' +
        'yaml: line 2: Tabs are not allowed as indentation\n',
    );
  });
});
