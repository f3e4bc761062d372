// The expr module (wippyai/runtime runtime/lua/modules/expr/module.go and spec.md; docs en/lua/dynamic/expression.md)
// and the expr-lang language it evaluates (https://expr-lang.org/docs/language-definition).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';

/** Evaluates each [expression, env] in Lua; each line: the value's text and type, or `ERR kind: message`. */
async function evalAll(cases: Array<[string, string?]>): Promise<string[]> {
  const body = cases
    .map(([src, env]) => `show(expr.eval(${JSON.stringify(src)}${env === undefined ? '' : `, ${env}`}))`)
    .join('\n');
  const r = await runWithModules(
    ['expr'],
    `local function text(v)
       if type(v) ~= "table" then return tostring(v) end
       local parts = {}
       if #v > 0 then for _, x in ipairs(v) do parts[#parts + 1] = text(x) end return "[" .. table.concat(parts, ",") .. "]" end
       local keys = {}
       for k in pairs(v) do keys[#keys + 1] = tostring(k) end
       table.sort(keys)
       for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. text(v[k] == nil and v[tonumber(k)] or v[k]) end
       return "{" .. table.concat(parts, ",") .. "}"
     end
     local function show(v, err)
       if err then io.print("ERR " .. err:kind() .. ": " .. (tostring(err):gsub("\\n", "\\\\n"))) else io.print(text(v) .. " " .. type(v)) end
     end
     ${body}`,
  );
  expect(r.stderr).toBe('');
  return r.lines;
}

describe('expr: the language', () => {
  it('arithmetic: int and float, / always divides exactly, % on integers, ** powers, precedence', async () => {
    expect(
      await evalAll([['1 + 2 * 3'], ['(1 + 2) * 3'], ['7 / 2'], ['7 % 3'], ['2 ** 10'], ['2 ^ 3 ^ 2'], ['-3 + +1'], ['1_000 + 0x10 + 0o10 + 0b11'], ['1.5e2'], ['10 / 0']]),
    ).toEqual(['7 number', '9 number', '3.5 number', '1 number', '1024 number', '512 number', '-2 number', '1027 number', '150 number', '+Inf number']);
  });

  it('strings: + joins, escapes, raw strings, contains / startsWith / endsWith / matches (RE2)', async () => {
    expect(
      await evalAll([
        [`"hello" + " " + "world"`],
        [`'it\\'s' + "\\t|"`],
        ['`raw\\n`'],
        [`"hello" contains "ell"`],
        [`"hello" startsWith "he" && "hello" endsWith "lo"`],
        [`"abc123" matches "^[a-z]+\\\\d+$"`],
        [`"x" matches "(?=x)"`],
      ]),
    ).toEqual([
      'hello world string',
      "it's\t| string",
      'raw\\n string',
      'true boolean',
      'true boolean',
      'true boolean',
      'ERR Internal: error parsing regexp: invalid or unsupported Perl syntax: `(?=` (1:5)\\n | "x" matches "(?=x)"\\n | ....^',
    ]);
  });

  it('comparisons, logic (&&, ||, and, or, not, !), ternaries nest, ?? for nil', async () => {
    expect(
      await evalAll([
        ['x > 5', '{x = 10}'],
        ['x <= 5', '{x = 5}'],
        ['"a" < "b"'],
        ['true && false || true'],
        ['not (1 == 1) or !false'],
        ['score > 90 ? "A" : score > 80 ? "B" : "C"', '{score = 85}'],
        ['missing ?? "default"'],
        ['[1, 2] == [1, 2] && {a: 1} == {a: 1}'],
      ]),
    ).toEqual(['true boolean', 'true boolean', 'true boolean', 'true boolean', 'true boolean', 'B string', 'default string', 'true boolean']);
  });

  it('variables from the env: tables with a sequence are arrays (0-based), others maps; member access and slices', async () => {
    expect(
      await evalAll([
        ['user.name + "/" + user["role"]', '{user = {name = "ann", role = "admin"}}'],
        ['items[0] + items[-1]', '{items = {10, 20, 30}}'],
        ['items[1:]', '{items = {10, 20, 30}}'],
        ['"admin" in roles', '{roles = {"user", "admin"}}'],
        ['"x" not in roles && "abc" not contains "z" && !("abc" not startsWith "a")', '{roles = {"user"}}'],
        ['"name" in user', '{user = {name = "ann"}}'],
        ['user?.address?.city', '{user = {name = "ann"}}'],
        ['1..4'],
        ['{a: 1, "b": [true, nil]}'],
      ]),
    ).toEqual(['ann/admin string', '40 number', '[20,30] table', 'true boolean', 'true boolean', 'true boolean', 'nil nil', '[1,2,3,4] table', '{a=1,b=[true]} table']);
  });

  it('builtins: math, strings, arrays, maps, conversion, JSON', async () => {
    expect(
      await evalAll([
        ['max(1, 5, 3)'],
        ['min([4, 2, 8])'],
        ['abs(-42) + ceil(3.2) + floor(3.8) + round(2.5)'],
        ['len("hello") + len([1, 2, 3]) + len({a: 1})'],
        ['upper("hi") + lower("HO") + trim("  x  ")'],
        ['split("a,b,c", ",")'],
        ['join(["a", "b"], "-") + replace("aXbX", "X", "")'],
        ['sum(values) / len(values)', '{values = {1, 2, 3, 4}}'],
        ['sort([3, 1, 2], "desc")'],
        ['keys({a: 1})'],
        ['int("42") + float("0.5")'],
        ['int("4x")'],
        ['string(12) + type(1.5) + type(nil)'],
        ['replace(toJSON({b: 1, a: [1, "x"]}), "\\n", "|")'],
        ['fromJSON("{\\"a\\": [1, 2]}").a[1]'],
      ]),
    ).toEqual([
      '5 number',
      '2 number',
      '52 number',
      '9 number',
      'HIhox string',
      '[a,b,c] table',
      'a-bab string',
      '2.5 number',
      '[3,2,1] table',
      '[a] table',
      '42.5 number',
      'ERR Internal: invalid operation: int(4x) (1:1)\\n | int("4x")\\n | ^',
      '12floatnil string',
      '{|  "a": [|    1,|    "x"|  ],|  "b": 1|} string',
      '2 number',
    ]);
  });

  it('more builtins: splitAfter, take, toPairs / fromPairs, the bitwise ones on 64-bit ints', async () => {
    expect(
      await evalAll([
        ['splitAfter("a,b,c", ",")'],
        ['take([1, 2, 3], 2)'],
        ['fromPairs(toPairs({a: 1})).a'],
        ['bitand(12, 10) + bitor(12, 10) + bitxor(12, 10)'],
        ['bitshl(1, 40) + bitnot(0) + bitshr(-8, 1)'],
        ['bitushr(-1, 60)'],
        ['bitshl(1, -1)'],
      ]),
    ).toEqual([
      '[a,,b,,c] table',
      '[1,2] table',
      '1 number',
      '28 number',
      `${2 ** 40 - 1 - 4} number`,
      '15 number',
      'ERR Internal: invalid operation: negative shift count -1 (type int) (1:1)\\n | bitshl(1, -1)\\n | ^',
    ]);
  });

  it('what moonforge does not support says so: let, if/else, dates', async () => {
    expect(await evalAll([['let x = 1; x'], ['if x { 1 } else { 2 }'], ['now()']])).toEqual([
      "ERR Internal: moonforge's expr does not support let variables (1:1)\\n | let x = 1; x\\n | ^",
      "ERR Internal: moonforge's expr does not support if/else expressions (use ? :) (1:1)\\n | if x { 1 } else { 2 }\\n | ^",
      "ERR Internal: moonforge's expr does not support now() (dates and durations) (1:1)\\n | now()\\n | ^",
    ]);
  });

  it('predicates take a closure: # is the element, .field its field, #index, #acc; braces optional; pipes', async () => {
    const env = '{users = {{name = "a", age = 30}, {name = "b", age = 15}}}';
    expect(
      await evalAll([
        ['all([1, 2, 3], # > 0)'],
        ['any(users, {.age < 18})', env],
        ['map(filter(users, .age >= 18), .name)', env],
        ['count([1, 2, 3, 4], # % 2 == 0)'],
        ['reduce([1, 2, 3], #acc + #, 10)'],
        ['find(users, .name == "b").age', env],
        ['[3, 1, 2] | sort() | map(# * #index)'],
        ['sortBy(users, .age)[0].name', env],
      ]),
    ).toEqual(['true boolean', 'true boolean', '[a] table', '2 number', '16 number', '15 number', '[0,2,6] table', 'b string']);
  });

  it('runtime errors are Internal (wrapped "eval failed"), with the position and the source line (missing variables are nil)', async () => {
    expect(await evalAll([['[1] + [2]'], ['"a" in "abc"']])).toEqual([
      'ERR Internal: invalid operation: []interface {} + []interface {} (1:5)\\n | [1] + [2]\\n | ....^',
      'ERR Internal: operator "in" not defined on string (1:5)\\n | "a" in "abc"\\n | ....^',
    ]);
    expect(await evalAll([['x + y', '{x = 10}'], ['"a" + 1'], ['items[5]', '{items = {1}}'], ['a.b', '{}'], ['1 % 0'], ['1 && true']])).toEqual([
      'ERR Internal: invalid operation: int + <nil> (1:3)\\n | x + y\\n | ..^',
      'ERR Internal: invalid operation: string + int (1:5)\\n | "a" + 1\\n | ....^',
      'ERR Internal: index out of range: 5 (array length is 1) (1:6)\\n | items[5]\\n | .....^',
      'ERR Internal: cannot fetch b from <nil> (1:2)\\n | a.b\\n | .^',
      'ERR Internal: integer divide by zero (1:3)\\n | 1 % 0\\n | ..^',
      'ERR Internal: invalid operation: int && bool (1:3)\\n | 1 && true\\n | ..^',
    ]);
  });

  it('syntax errors are Internal (wrapped "compile failed") naming the token; an empty expression is Invalid', async () => {
    expect(await evalAll([['invalid syntax !!!'], ['((('], ['1 +'], ['foo(1)'], ['"open'], ['']])).toEqual([
      'ERR Internal: unexpected token Identifier("syntax") (1:9)\\n | invalid syntax !!!\\n | ........^',
      'ERR Internal: unexpected token EOF (1:4)\\n | (((\\n | ...^',
      'ERR Internal: unexpected token EOF (1:4)\\n | 1 +\\n | ...^',
      'ERR Internal: unknown func foo (1:1)\\n | foo(1)\\n | ^',
      'ERR Internal: literal not terminated (1:1)\\n | "open\\n | ^',
      'ERR Invalid: expression cannot be empty',
    ]);
  });

  it('the memory budget bounds ranges and repeats', async () => {
    expect(await evalAll([['len(1..2000000)'], ['repeat("ab", 1000000)']])).toEqual([
      'ERR Internal: memory budget exceeded (1:6)\\n | len(1..2000000)\\n | .....^',
      'ERR Internal: memory budget exceeded (1:1)\\n | repeat("ab", 1000000)\\n | ^',
    ]);
  });
});

describe('expr: compile and run', () => {
  it('a program runs with different envs; run errors say "run failed"; program is userdata with a colon method', async () => {
    const r = await runWithModules(
      ['expr'],
      `local p, err = expr.compile("a * b", {a = 0, b = 0})
       io.print(type(p), err, p:run({a = 5, b = 6}), (p:run({a = 10, b = 3})))
       local v, e = p:run({a = 1})
       io.print(v, e:kind(), e:retryable())
       io.print((select(2, pcall(p.run, {}))))
       local q, qe = expr.compile("(((")
       io.print(q, qe:kind(), (expr.compile("")), (select(2, expr.compile(""))):kind())
       io.print((expr.compile("2 + 2")):run())`,
    );
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'userdata\tnil\t30\t30',
      'nil\tInternal\tfalse',
      expect.stringMatching(/bad argument #1 to 'run' \(userdata expected, got table\)$/),
      'nil\tInternal\tnil\tInvalid',
      '4\tnil',
    ]);
  });
});
