// The json module (docs en/lua/data/json.md; wippyai/runtime runtime/lua/modules/json/json.go, module.go,
// decode_v1.go, spec.md) and the codec of runtime/lib/wippy/json it shares with payloads.
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { encodeJson } from '../../runtime/lib/wippy/json/encode.js';
import { decodeJson } from '../../runtime/lib/wippy/json/decode.js';
import { fixedShortest } from '../../runtime/lib/wippy/json/number-text.js';
import { tableFromArray } from '../../runtime/core/table.js';

/** What main printed, each line read as UTF-8 (Lua writes bytes). */
async function json(body: string): Promise<string[]> {
  const r = await runWithModules(['json'], body);
  expect(r.stderr).toBe('');
  return r.lines.map((l) => Buffer.from(l, 'latin1').toString('utf8'));
}

describe('json.encode', () => {
  it('scalars; arrays vs objects; the empty table is [] (json.go marshalTableDirect)', async () => {
    expect(
      await json(`
        io.print(json.encode(nil), json.encode(true), json.encode(42), json.encode(3.14), (json.encode("hi")))
        io.print(json.encode({1, 2, 3}), json.encode({}), json.encode({a = 1}), (json.encode({{}, {x = {}}})))
        io.print((json.encode({[1.5] = "f", [-1] = "n", [0] = "z"})))
        io.print(json.encode({[true] = 1}), json.encode({[{}] = 1}), (json.encode({[1] = "a", [2] = "b"})))
        io.print(select("#", json.encode(1)))`),
    ).toEqual([
      'null\ttrue\t42\t3.14\t"hi"',
      '[1,2,3]\t[]\t{"a":1}\t[[],{"x":[]}]',
      '{"1.5":"f","-1":"n","0":"z"}',
      '{"true":1}\t{}\t["a","b"]',
      '2',
    ]);
  });

  it('numbers: integers in full, floats in fixed notation inside tables, Go float form on their own; inf/nan null', async () => {
    expect(
      await json(`
        io.print((json.encode({1e-7, 1e21, 2^60, 0.1, -0.0, 1/0, 0/0})))
        io.print(json.encode(1e-7), json.encode(1e21), json.encode(2^60), json.encode(-1/0), (json.encode(1e308 * 10)))`),
    ).toEqual([
      '[0.0000001,1000000000000000000000,1152921504606846976,0.1,0,null,null]',
      '1e-7\t1e+21\t1152921504606846976\tnull\tnull',
    ]);
  });

  it('strings: Go escaping with HTML escapes, short escapes, \\u00XX controls, UTF-8 kept, invalid bytes as \\ufffd', async () => {
    expect(
      await json(`
        io.print((json.encode("a<b>&c \\"q\\" back\\\\ \\b\\f\\n\\r\\t \\1 \\127")))
        io.print(json.encode("\\195\\169 \\226\\130\\172 \\240\\159\\152\\128"), json.encode("\\255\\195"), (json.encode("\\226\\128\\168")))
        io.print((json.encode({["k<"] = "v"})))`),
    ).toEqual([
      '"a\\u003cb\\u003e\\u0026c \\"q\\" back\\\\ \\b\\f\\n\\r\\t \\u0001 \u007f"',
      '"é € 😀"\t"\\ufffd\\ufffd"\t"\\u2028"',
      '{"k\\u003c":"v"}',
    ]);
  });

  it('errors: sparse, mixed keys, a cycle, depth over 128: nil + Internal, not retryable, message as Go wraps it', async () => {
    expect(
      await json(`
        local function show(v) local s, e = json.encode(v); io.print(s, e:kind(), e:retryable(), e:message()) end
        show({[1] = "a", [3] = "c"})
        show({1, 2, x = 3})
        local t = {}; t.self = t; show(t)
        local deep = {}; local cur = deep
        for i = 1, 129 do cur[1] = {}; cur = cur[1] end
        show(deep)
        local ok = {}; cur = ok
        for i = 1, 128 do cur[1] = {}; cur = cur[1] end
        io.print(#json.encode(ok))
        local shared = {1}; io.print((json.encode({shared, shared})))`),
    ).toEqual([
      'nil\tInternal\tfalse\tjson: error calling MarshalJSON for type *json.jsonValue: cannot encode sparse array: non-contiguous numeric keys found',
      'nil\tInternal\tfalse\tjson: error calling MarshalJSON for type *json.jsonValue: cannot encode mixed-key table: table has both numeric and non-numeric keys',
      'nil\tInternal\tfalse\tjson: error calling MarshalJSON for type *json.jsonValue: cannot encode recursively nested tables to JSON',
      'nil\tInternal\tfalse\tjson: error calling MarshalJSON for type *json.jsonValue: exceeded maximum nesting depth for JSON encoding',
      '258',
      '[[1],[1]]',
    ]);
  });

  it('non-data values: functions and userdata are null, an error value its text; metatables are not consulted', async () => {
    expect(
      await json(`
        io.print(json.encode({print, errors.new("boom")}), (json.encode(print)))
        io.print((json.encode(setmetatable({}, {__index = function() return 1 end, __len = function() return 3 end}))))`),
    ).toEqual(['[null,"boom"]\tnull', '[]']);
  });

  it('fixedShortest writes the shortest digits without an exponent (strconv.FormatFloat f -1)', () => {
    expect([1e-7, 1.5e-10, 1e21, 1.25e22, -3e-7, 123.456].map(fixedShortest)).toEqual([
      '0.0000001',
      '0.00000000015',
      '1000000000000000000000',
      '12500000000000000000000',
      '-0.0000003',
      '123.456',
    ]);
    // 2^63 itself is past int64 (Go's int64() of it wraps, an edge left alone); 2^64 is written as a float
    expect(encodeJson(tableFromArray([0.5, 2 ** 64, -(2 ** 63)]))).toBe('[0.5,18446744073709552000,-9223372036854775808]');
  });
});

describe('json.decode', () => {
  it('values: null is nil (a hole in an array, no key in an object), numbers, nested; strings become UTF-8 bytes', async () => {
    expect(
      await json(`
        local v = json.decode('{"a":[1,null,3],"b":null,"c":{"d":true},"e":"\\\\u00e9\\\\ud83d\\\\ude00","n":-1.5e2}')
        io.print(#v.a, v.a[2], v.a[3], v.b, v.c.d, #v.e, v.n)
        io.print(json.decode("null"), json.decode(" 12 "), json.decode('"x"'), select("#", json.decode("1")))
        local k = json.decode('{"1":"s"}'); io.print(k["1"], k[1])
        -- invalid UTF-8 inside a string decodes to U+FFFD, as Go's decoder replaces it
        io.print(json.decode('"a\\255b"') == "a\\239\\191\\189b")
        -- decode_v1.go: a number neither Int64 nor Float64 can read stays a string of its digits
        local big = json.decode('{"a":[1, -1e999, 2.5e400], "b": 1e308}')
        io.print(big.a[1], big.a[2], type(big.a[2]), big.a[3], big.b, json.decode("1e400"))`),
    ).toEqual(['3\tnil\t3\tnil\ttrue\t6\t-150', 'nil\t12\tx\t2', 's\tnil', 'true', '1\t-1e999\tstring\t2.5e400\t1e+308\t1e400\tnil']);
  });

  it('bad input: non-string and empty are Invalid; malformed text Internal with Go decoder wording', async () => {
    expect(
      await json(`
        local function show(s) local v, e = json.decode(s); io.print(v, e:kind(), e:retryable(), e:message()) end
        show(12); show(""); show("not json"); show("{\\"a\\" 1}"); show("[1,"); show("1x"); show("   ")
        show('"a\\1"'); show("[1 2]"); show("{1:2}"); show("-x"); show("tru")`),
    ).toEqual([
      'nil\tInvalid\tfalse\tstring expected',
      'nil\tInvalid\tfalse\tempty string is not valid JSON',
      "nil\tInternal\tfalse\tinvalid character 'o' in literal null (expecting 'u')",
      "nil\tInternal\tfalse\tinvalid character '1' after object key",
      'nil\tInternal\tfalse\tunexpected EOF',
      "nil\tInternal\tfalse\tinvalid character 'x' after top-level value",
      'nil\tInternal\tfalse\tEOF',
      "nil\tInternal\tfalse\tinvalid character '\\x01' in string literal",
      "nil\tInternal\tfalse\tinvalid character '2' after array element",
      "nil\tInternal\tfalse\tinvalid character '1' looking for beginning of object key string",
      "nil\tInternal\tfalse\tinvalid character 'x' in numeric literal",
      'nil\tInternal\tfalse\tunexpected EOF',
    ]);
  });

  it('the decoder reads the first value: what follows a complete array, object or spaced value is ignored', () => {
    expect(decodeJson('1 x')).toBe(1);
    expect(decodeJson('1e999 x')).toBe('1e999');
    expect((decodeJson('[5]]') as { [k: symbol]: unknown[] })).toBeDefined();
    expect(encodeJson(decodeJson('{"a":1}garbage'))).toBe('{"a":1}');
  });

  it('nesting: 128 levels below the top decode, a value deeper is an error (decode_v1.go maxNestingDepth); the scanner stops at 10000 open levels, as Go\'s', async () => {
    expect(
      await json(`
        local ok = json.decode(string.rep("[", 129) .. string.rep("]", 129)); io.print(type(ok))
        local v, e = json.decode(string.rep("[", 129) .. "1" .. string.rep("]", 129)); io.print(v, e:message())
        v, e = json.decode(string.rep("[", 100000)); io.print(v, e:message())
        v, e = json.decode(string.rep('{"a":', 100000)); io.print(v, e:message())`),
    ).toEqual(['table', 'nil\tjson: maximum nesting depth exceeded', 'nil\texceeded max depth', 'nil\texceeded max depth']);
  });
});

describe('json.validate / validate_string', () => {
  it('true on success; false + Invalid error with the failures on a mismatch', async () => {
    expect(
      await json(`
        local schema = {type = "object", properties = {name = {type = "string"}, age = {type = "number", minimum = 0}}, required = {"name"}}
        io.print(json.validate(schema, {name = "a", age = 3}))
        local ok, e = json.validate(schema, {age = -1})
        io.print(ok, e:kind(), e:retryable(), e:message())
        io.print(json.validate_string(schema, '{"name":"x"}'))
        ok, e = json.validate_string(schema, '{"name":1}'); io.print(ok, e:message())
        io.print(json.validate('{"type":"array","items":{"type":"integer"}}', {1, 2, 3}))
        io.print(json.validate({type = "object"}, {}))
        -- format is an annotation: Wippy compiles without AssertFormat (kaptinlin/jsonschema format.go)
        io.print(json.validate({type = "string", format = "email"}, "a@b.co"), (json.validate({type = "string", format = "email"}, "nope")))
        io.print(json.validate({type = "string", format = "no-such-format"}, "x"))
        -- the dialect of $schema: draft-07, draft-06 (tuple items), 2019-09, an unknown URI read as 2020-12
        io.print(json.validate({["$schema"] = "http://json-schema.org/draft-07/schema#", type = "array", items = {{type = "string"}}}, {"a", 1}))
        io.print((json.validate({["$schema"] = "http://json-schema.org/draft-06/schema#", type = "array", items = {{type = "string"}}}, {1})))
        io.print(json.validate({["$schema"] = "https://json-schema.org/draft/2019-09/schema", type = "integer"}, 3))
        io.print((json.validate({["$schema"] = "https://example.com/my-meta", type = "integer"}, "x")))`),
    ).toEqual([
      'true',
      "false\tInvalid\tfalse\tevaluation failed: /: must have required property 'name'; /age: must be >= 0",
      'true',
      'false\tevaluation failed: /name: must be string',
      'true',
      'true',
      'true\ttrue',
      'true',
      'true',
      'false',
      'true',
      'false',
    ]);
  });

  it('argument problems, in Wippy\'s order and words (json.go schemaValidateFunc)', async () => {
    expect(
      await json(`
        local function show(ok, e) io.print(ok, e:kind(), tostring(e)) end
        show(json.validate(nil, {}))
        show(json.validate({}, nil))
        show(json.validate(5, {}))
        show(json.validate({type = "bogus"}, {}))
        show(json.validate_string(nil, "{}"))
        show(json.validate_string({}, 5))
        show(json.validate_string({type = "object"}, "{bad"))`),
    ).toEqual([
      'false\tInvalid\tschema is required',
      'false\tInvalid\tdata is required',
      'false\tInvalid\tschema must be a string or table',
      'false\tInvalid\tschema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
      'false\tInvalid\tschema is required',
      'false\tInvalid\tdata must be a JSON string',
      expect.stringMatching(/^false\tInvalid\t.*JSON/),
    ]);
  });

  it('the module table is read-only', async () => {
    expect(await json(`io.print(pcall(function() json.encode = nil end))`)).toEqual([expect.stringMatching(/^false\t.*read-only table$/)]);
  });
});
