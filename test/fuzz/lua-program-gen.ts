// A fast-check generator of random Lua 5.1 programs that always terminate and print what they compute, for the
// differential fuzzer (lua-differential.test.ts): the same program must print the same under lua5.1 and moonforge.
//
// Programs stay inside what Wippy and Lua 5.1 agree on (docs/wippy-lua-facts.md). The generator AVOIDS, rather
// than normalises:
// - -0 reaching tostring (go-lua prints 0, lua5.1 -0): I(x) adds 0; no literal 0 (see numLeaf);
// - % of non-integers, `x % inf` and the sign of a zero result (Wippy: fmod, x % inf == x, -2 % -2 == -0; 5.1:
//   a - floor(a/b)*b, nan, +0; facts §2): both operands of % go through I() and the result gets `+ 0`;
// - `^` with large exponents (V8's pow is not correctly rounded; see num());
// - printing numbers directly: every value is printed through `show` (the prelude), which formats numbers with
//   `%d` / `%.10g` (both sides use C-style formatting) and spells nan/inf itself, because `tostring` of numbers
//   is go-lua's on moonforge (`1e+15`, `NaN`, `+Inf`) and %.14g on lua5.1;
// - number→string coercion of non-integers (`1.5 .. ""` is Go-formatted on moonforge): only `I(x)` (a small
//   integer) is concatenated or passed to tostring;
// - string→number coercion of exponent forms (`"1e2" + 0` is nil/an error on Wippy): only decimal literals;
// - `math.huge` (the largest double on Wippy, inf on 5.1), `//` and bitwise operators (not Lua 5.1), `#` of tables
//   with holes (any border is valid), `pairs` order (only order-free sums are printed), `__len` (not a 5.1
//   table event), addresses of tables/functions (show prints the type);
// - `load`, `loadstring`, `io`, `debug`, `string.dump`, setfenv/getfenv, collectgarbage (not in Wippy);
// - the text of runtime error messages: a caught error is printed as its value when the program raised it with
//   error(v, 0) or a table, and as "rt" for errors the runtime raises (moonforge follows PUC wording, but
//   variable names in messages are a documented best effort).
import fc from 'fast-check';

/** Prepended to every program (both sides). */
export const PRELUDE = `
local function show(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    if v == 1/0 then return "inf" end
    if v == -1/0 then return "-inf" end
    if v == math.floor(v) and v > -1e15 and v < 1e15 then return string.format("%d", v) end
    return string.format("%.10g", v)
  elseif t == "string" then return "'" .. v .. "'"
  elseif t == "nil" or t == "boolean" then return tostring(v)
  end
  return t
end
local function I(x)
  if type(x) ~= "number" or x ~= x or x >= 1e9 or x <= -1e9 then return 0 end
  return math.floor(x) + 0
end
local function P(...)
  local out = {}
  for i = 1, select("#", ...) do out[#out + 1] = show((select(i, ...))) end
  print(#out, table.concat(out, " "))
end
local function E(ok, ...)
  if ok then return P("ok", ...) end
  local e = ...
  if type(e) == "table" then return P("err-table", e.code) end
  if type(e) == "string" and e:sub(1, 4) == "usr:" then return P("err", e) end
  return P("rt")
end
local n1, n2, n3 = 3, -2, 0.5
local s1, s2 = "ab", "10"
local b1 = true
local t1 = {1, 2, 3, x = 5}
local t2 = setmetatable({}, {})
local f1 = function(a, b, ...) return a, b, select("#", ...) end
local f2 = function(...) return ... end
`;

const NUM_VARS = ['n1', 'n2', 'n3'];
const STR_VARS = ['s1', 's2'];
const STRINGS = ['""', '"a"', '"ab"', '"Hello"', '"x y"', '"10"', '"3.5"', '" 7 "', '"-4"', '"0x1F"', '"abcabc"', '"%d"'];
const NUMERIC_STRINGS = ['"10"', '"3.5"', '" 7 "', '"-4"', '"0x1F"', '"0.25"'];

type Arb = fc.Arbitrary<string>;
const lit = (xs: string[]): Arb => fc.constantFrom(...xs);
const p = (s: string): string => `(${s})`;

function numLeaf(): Arb {
  return fc.oneof(
    // no literal 0: lua5.1 folds constant expressions that give -0 (`- 0`, `0 * -2`) into the constant 0 when the
    // chunk already has one (a PUC quirk: -0 == 0 as a constant-table key), so 1/(-0) is inf there
    fc.integer({ min: -5, max: 20 }).filter((x) => x !== 0).map(String),
    lit(['0.5', '1.25', '-2.5', '1e3', '100']),
    lit(NUM_VARS),
    lit(['(#t1)', '(#s1)', 'select("#", 1, nil, 3)', 't1[1]', 't1.x']),
  );
}

function strLeaf(): Arb {
  return fc.oneof(lit(STRINGS), lit(STR_VARS));
}

const memo = new Map<string, Arb>();
function cached(key: string, make: () => Arb): Arb {
  let a = memo.get(key);
  if (a === undefined) {
    a = make();
    memo.set(key, a);
  }
  return a;
}

export function num(d: number): Arb {
  if (d <= 0) return numLeaf();
  return cached(`num${d}`, () => {
    const n = num(d - 1);
    const s = str(d - 1);
    const b = bool(d - 1);
    return fc.oneof(
      { weight: 3, arbitrary: numLeaf() },
      { weight: 4, arbitrary: fc.tuple(n, lit(['+', '-', '*', '/']), n).map(([a, o, c]) => p(`${a} ${o} ${c}`)) },
      // small integer exponents only: V8's Math.pow is not correctly rounded (100^13 is 9.9999999999999988e+25 on
      // moonforge, 1e+26 under C and Go): a known moonforge difference, reported, not a documented Wippy one
      { weight: 1, arbitrary: fc.tuple(n, n).map(([a, c]) => p(`${a} ^ (I(${c}) % 3)`)) },
      // % on integers only: Wippy computes fmod (exact) where 5.1 computes a - floor(a/b)*b (rounded), and x % inf
      // is x on Wippy, nan on 5.1 (facts §2)
      // `+ 0`: a zero result of fmod keeps the dividend's sign (-2 % -2 is -0 on Wippy, +0 on 5.1)
      { weight: 1, arbitrary: fc.tuple(n, n).map(([a, c]) => p(`I(${a}) % I(${c}) + 0`)) },
      { weight: 1, arbitrary: n.map((a) => p(`- ${p(a)}`)) },
      { weight: 1, arbitrary: fc.tuple(lit(NUMERIC_STRINGS), lit(['+', '*', '-']), n).map(([a, o, c]) => p(`${a} ${o} ${c}`)) },
      { weight: 1, arbitrary: s.map((a) => p(`#${p(a)}`)) },
      { weight: 2, arbitrary: fc.tuple(lit(['math.floor', 'math.ceil', 'math.abs']), n).map(([f, a]) => `${f}(${a})`) },
      { weight: 1, arbitrary: fc.tuple(lit(['math.max', 'math.min', 'math.fmod']), n, n).map(([f, a, c]) => `${f}(${a}, ${c})`) },
      { weight: 1, arbitrary: fc.tuple(b, n, n).map(([c, a, e]) => p(`${c} and ${a} or ${e}`)) },
      // a base only with plain digit strings: with a base, "3.5" and "0x1F" are parsed differently (facts §5)
      { weight: 1, arbitrary: lit(NUMERIC_STRINGS).map((a) => p(`tonumber(${a}) or -1`)) },
      { weight: 1, arbitrary: fc.tuple(lit(['"10"', '"ff"', '"7"', '"zz"']), lit(['10', '16', '36'])).map(([a, base]) => p(`tonumber(${a}, ${base}) or -1`)) },
      { weight: 1, arbitrary: fc.tuple(s, n).map(([a, i]) => p(`${p(a)}:byte(1 + I(${i}) % 3) or 0`)) },
      { weight: 1, arbitrary: fc.tuple(n, n).map(([a, c]) => `(f1(${a}, ${c}))`) },
      { weight: 1, arbitrary: fc.tuple(n, n).map(([a, c]) => `select(2, f1(${a}, ${c}, 7, 8))`) },
      { weight: 1, arbitrary: fc.tuple(s, s).map(([a, c]) => p(`(string.find(${a}, ${c}, 1, true)) or 0`)) },
    );
  });
}

export function str(d: number): Arb {
  if (d <= 0) return strLeaf();
  return cached(`str${d}`, () => {
    const n = num(d - 1);
    const s = str(d - 1);
    const b = bool(d - 1);
    return fc.oneof(
      { weight: 3, arbitrary: strLeaf() },
      { weight: 3, arbitrary: fc.tuple(s, s).map(([a, c]) => p(`${a} .. ${c}`)) },
      { weight: 2, arbitrary: fc.tuple(s, n).map(([a, c]) => p(`${a} .. I(${c})`)) },
      { weight: 1, arbitrary: n.map((a) => `tostring(I(${a}))`) },
      { weight: 2, arbitrary: fc.tuple(s, lit(['upper', 'lower', 'reverse'])).map(([a, f]) => `${p(a)}:${f}()`) },
      { weight: 2, arbitrary: fc.tuple(s, n, n).map(([a, i, j]) => `string.sub(${a}, I(${i}) % 5 - 2, I(${j}) % 6 - 1)`) },
      { weight: 1, arbitrary: fc.tuple(s, n).map(([a, c]) => `string.rep(${a}, I(${c}) % 4)`) },
      { weight: 1, arbitrary: fc.tuple(n, s).map(([a, c]) => `string.format("%d|%s|%5.2f", I(${a}), ${c}, I(${a}) / 4)`) },
      { weight: 1, arbitrary: fc.tuple(s, lit(['"a"', '"b"', '"%a"', '"(%a)(%a)"', '"%d+"', '"."']), lit(['"X"', '"%1%1"', '"[%0]"'])).map(([a, pat, r]) => `(string.gsub(${a}, ${pat}, ${r}))`) },
      { weight: 1, arbitrary: fc.tuple(s, lit(['"%a+"', '"%d+"', '"(b)(c)"', '"^a"'])).map(([a, pat]) => p(`string.match(${a}, ${pat}) or "none"`)) },
      { weight: 1, arbitrary: n.map((a) => `string.char(65 + I(${a}) % 26)`) },
      { weight: 1, arbitrary: fc.tuple(b, s, s).map(([c, a, e]) => p(`${c} and ${a} or ${e}`)) },
      { weight: 1, arbitrary: s.map((a) => p(`t1[${a}] ~= nil and "has" or "none"`)) },
      { weight: 1, arbitrary: fc.constant('table.concat(t1, ",")') },
      { weight: 1, arbitrary: fc.constant('type(t2.missing)') },
    );
  });
}

export function bool(d: number): Arb {
  if (d <= 0) return lit(['true', 'false', 'b1', 'nil == false', 'not nil']);
  return cached(`bool${d}`, () => {
    const n = num(d - 1);
    const s = str(d - 1);
    const b = bool(d - 1);
    return fc.oneof(
      fc.tuple(n, lit(['<', '<=', '>', '>=', '==', '~=']), n).map(([a, o, c]) => p(`${a} ${o} ${c}`)),
      fc.tuple(s, lit(['<', '<=', '==', '~=']), s).map(([a, o, c]) => p(`${a} ${o} ${c}`)),
      fc.tuple(b, lit(['and', 'or']), b).map(([a, o, c]) => p(`${a} ${o} ${c}`)),
      b.map((a) => p(`not ${a}`)),
      fc.tuple(n, s).map(([a, c]) => p(`${a} == ${c}`)),
      fc.constant('rawequal(t1, t1)'),
      fc.constant('(t2 == setmetatable({}, getmetatable(t2)))'),
    );
  });
}

/** Any value, including tables and functions (printed as their type). */
function anyExpr(d: number): Arb {
  return fc.oneof(num(d), str(d), bool(d), lit(['nil', '{}', 't1', 't2', 'f1', '{n1, s1}']));
}

interface Ctx {
  /** loop/function nesting depth left */
  depth: number;
  /** inside a function body: `return` is allowed at the end */
  inFunction: boolean;
}

let counter = 0;
const fresh = (base: string): string => `${base}${++counter}`;

function block(ctx: Ctx): Arb {
  return fc.array(statement(ctx), { minLength: 1, maxLength: ctx.depth > 1 ? 4 : 3 }).map((ss) => ss.join('\n'));
}

function statement(ctx: Ctx): Arb {
  const d = 2;
  const inner: Ctx = { ...ctx, depth: ctx.depth - 1 };
  const simple: Array<fc.WeightedArbitrary<string>> = [
    { weight: 5, arbitrary: fc.array(anyExpr(d), { minLength: 1, maxLength: 3 }).map((es) => `P(${es.join(', ')})`) },
    { weight: 2, arbitrary: fc.tuple(lit(NUM_VARS), num(d)).map(([v, e]) => `${v} = ${e}`) },
    { weight: 2, arbitrary: fc.tuple(lit(STR_VARS), str(d)).map(([v, e]) => `${v} = string.sub(${e}, 1, 40)`) },
    { weight: 1, arbitrary: bool(d).map((e) => `b1 = ${e}`) },
    { weight: 1, arbitrary: fc.constant('n1, n2 = n2, n1') },
    { weight: 1, arbitrary: fc.tuple(num(d), str(d)).map(([a, b]) => `n3, s1 = f2(${a}, string.sub(${b}, 1, 20))`) },
    { weight: 1, arbitrary: fc.tuple(anyExpr(d), anyExpr(d)).map(([a, b]) => `P(f1(${a}, ${b}, nil, nil))`) },
    { weight: 1, arbitrary: fc.tuple(anyExpr(d), anyExpr(d)).map(([a, b]) => `P(select("#", f2(${a}, nil, ${b})), f2(${a}, ${b}))`) },
    { weight: 1, arbitrary: fc.tuple(lit(['x', 'y', '"k"', '1', '2', '4']), anyExpr(1)).map(([k, v]) => k.match(/^[a-z]$/) ? `t2.${k} = ${v}` : `t2[${k}] = ${v}`) },
    { weight: 1, arbitrary: num(d).map((e) => `table.insert(t1, I(${e}))`) },
    { weight: 1, arbitrary: fc.constant('if #t1 > 3 then table.remove(t1, 1) end') },
    { weight: 1, arbitrary: fc.constant('table.sort(t1, function(a, b) return a > b end) P(t1[1], t1[#t1])') },
    { weight: 1, arbitrary: metatable() },
    { weight: 1, arbitrary: metaUse() },
    { weight: 2, arbitrary: errorCase() },
    { weight: 1, arbitrary: tableCtor() },
  ];
  if (ctx.depth <= 0) return fc.oneof(...simple);
  const nested: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: fc.tuple(bool(d), block(inner), fc.option(block(inner))).map(([c, a, e]) => `if ${c} then\n${a}\n${e === null ? '' : `else\n${e}\n`}end`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -2, max: 3 }), fc.integer({ min: -1, max: 4 }), lit(['', ', 2', ', -1']), block(inner)).map(([a, b, st, body]) => {
      const i = fresh('i');
      return `for ${i} = ${a}, ${b}${st} do\nn3 = ${i}\n${body}\nend`;
    }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 4 }), bool(1), block(inner)).map(([k, c, body]) => {
      const w = fresh('w');
      return `do local ${w} = 0\nwhile ${w} < ${k} and (${c} or ${w} < 2) do\n${w} = ${w} + 1\n${body}\nend end`;
    }) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), block(inner)).map(([k, body]) => {
      const r = fresh('r');
      return `do local ${r} = 0\nrepeat\n${r} = ${r} + 1\n${body}\nlocal done = ${r} >= ${k}\nuntil done end`;
    }) },
    { weight: 1, arbitrary: block(inner).map((body) => {
      const [k, v] = [fresh('k'), fresh('v')];
      return `for ${k}, ${v} in ipairs({10, 20, 30}) do\nn3 = ${k} * ${v}\n${body}\nend`;
    }) },
    { weight: 1, arbitrary: fc.constant('do local sum, cnt = 0, 0 for k, v in pairs(t1) do cnt = cnt + 1 if type(v) == "number" then sum = sum + v end end P(sum, cnt) end') },
    // the body sees the previous f1 (a recursive f1 would never end)
    { weight: 1, arbitrary: fc.tuple(block({ ...inner, inFunction: true }), num(1)).map(([body, r]) => `do local prev = f1\nf1 = function(a, b, ...)\nlocal f1 = prev\n${body}\nreturn ${r}, a, select("#", ...)\nend end\nP(f1(1, "x", 3, nil))`) },
    { weight: 2, arbitrary: closureCase(inner) },
    { weight: 2, arbitrary: coroutineCase(inner) },
    { weight: 1, arbitrary: block(inner).map((body) => `E(pcall(function()\n${body}\nend))`) },
    { weight: 1, arbitrary: block(inner).map((body) => `do\nlocal n1 = n1\n${body}\nP(n1)\nend`) },
  ];
  return fc.oneof(...simple, ...nested);
}

function metatable(): Arb {
  return fc.tuple(
    lit(['function(t, k) return k end', '{x = 7, y = "why"}', 'function(t, k) return nil end']),
    lit(['function(a, b) return 42 end', 'function(a, b) return "add" end']),
    lit(['function(a, b) return true end', 'function(a, b) return false end']),
    lit(['function(a, b) return "cat" end', 'function(a, b) return 3 end']),
    lit(['function(self, x) return x, "called" end', 'function(self, ...) return select("#", ...) end']),
    lit(['function(t, k, v) rawset(t, k, v) end', 'function(t, k, v) rawset(t, k, "set:" .. type(v)) end']),
  ).map(([idx, add, lt, cat, call, ni]) => {
    const eq = `function(a, b) return true end`;
    return `do local mt = {__index = ${idx}, __add = ${add}, __lt = ${lt}, __le = ${lt}, __eq = ${eq}, __concat = ${cat}, __call = ${call}, __newindex = ${ni}, __tostring = function(t) return "T!" end}\nt2 = setmetatable({}, mt) end`;
  });
}

function metaUse(): Arb {
  return lit([
    'P(t2.x, t2.y, t2.zz)',
    'E(pcall(function() return t2 + 1, 1 + t2, t2 + t2 end))',
    'E(pcall(function() return t2 < t2, t2 <= t2, t2 > t2 end))',
    'E(pcall(function() return t2 == setmetatable({}, getmetatable(t2)), t2 ~= {} end))',
    'E(pcall(function() return t2 .. "s", "s" .. t2, 1 .. t2 end))',
    'E(pcall(function() return t2(5, 6) end))',
    'E(pcall(function() return tostring(t2) == "T!" end))',
    'E(pcall(function() t2.newkey = 1 return rawget(t2, "newkey") end))',
    'E(pcall(function() t2[1] = {} return rawget(t2, 1) end))',
  ]);
}

function errorCase(): Arb {
  return fc.oneof(
    fc.tuple(str(1)).map(([s]) => `E(pcall(error, "usr:" .. ${s}, 0))`),
    fc.constant('E(pcall(error, {code = 7}))'),
    fc.constant('E(pcall(error))'),
    fc.constant('E(pcall(function() local x = nil return x.y end))'),
    fc.constant('E(pcall(function() return 1 + {} end))'),
    fc.constant('E(pcall(function() return "a" < 1 end))'),
    fc.constant('E(pcall(function() return #nil end))'),
    fc.constant('E(pcall(function() return ("x")() end))'),
    fc.constant('E(pcall(function() return "abc" + 1 end))'),
    fc.constant('E(pcall(string.rep))'),
    fc.constant('E(pcall(setmetatable, 1, {}))'),
    fc.constant('E(xpcall(function() error("usr:deep", 0) end, function(m) return "usr:handled " .. m end))'),
    fc.constant('E(pcall(function() error(setmetatable({code = 9}, {__tostring = function() return "x" end})) end))'),
    fc.constant('E(select(1, pcall(function() return select(-1, 1, 2, 3) end)))'),
    fc.constant('E(pcall(function() return select(0, 1) end))'),
    fc.constant('E(pcall(function() local t = {} t[nil] = 1 end))'),
    fc.constant('E(pcall(function() return math.floor("x") end))'),
    fc.constant('E(pcall(function() return ("abc"):rep(2, 3) end))'),
    fc.constant('E(pcall(function() return tostring(nil) .. tostring(true) end))'),
    fc.constant('E(pcall(function() return unpack({1, 2, 3}) end))'),
    fc.constant('E(pcall(function() return unpack({1, 2, 3}, 2) end))'),
    fc.constant('E(pcall(next, {}))'),
    fc.constant('E(pcall(function() return type(next({a = 1})) end))'),
    fc.constant('E(pcall(function() return string.format("%5s|%-4d|%x", "ab", 3, 255) end))'),
  );
}

function tableCtor(): Arb {
  return fc.tuple(fc.array(num(1), { maxLength: 4 }), str(1)).map(
    ([xs, s]) => `do local t = {${xs.join(', ')}${xs.length ? ', ' : ''}k = ${s}, ["far"] = ${xs.length + 10}, f2(1, 2)} P(#t, t.k, t.far, t[#t]) end`,
  );
}

function closureCase(ctx: Ctx): Arb {
  return fc.tuple(fc.integer({ min: 1, max: 4 }), num(1), block({ ...ctx, inFunction: true })).map(([k, step, body]) => {
    const mk = fresh('mk');
    return [
      `local function ${mk}(start)`,
      '  local c = start',
      `  return function(...) c = c + ${step} ${body.split('\n').join(' ')} return c, select("#", ...) end, function() return c end`,
      'end',
      `do local inc, get = ${mk}(n1) local inc2 = ${mk}(1)`,
      `for _ = 1, ${k} do P(inc(1, 2)) end P(get(), inc2())`,
      'end',
    ].join('\n');
  });
}

function coroutineCase(ctx: Ctx): Arb {
  return fc.tuple(fc.integer({ min: 1, max: 3 }), block({ ...ctx, inFunction: true }), fc.boolean()).map(([k, body, wrap]) => {
    const co = fresh('co');
    const fn = [
      'function(a, b)',
      `  for j = 1, ${k} do`,
      `    ${body.split('\n').join(' ')}`,
      '    a, b = coroutine.yield(a, j, b)',
      '  end',
      '  if b == "boom" then error("usr:boom", 0) end',
      '  return "done", a',
      'end',
    ].join('\n');
    if (wrap) {
      return `do local ${co} = coroutine.wrap(${fn})\nfor j = 1, ${k + 1} do P(${co}(j, "x")) end\nE(pcall(${co}, 1))\nend`;
    }
    return `do local ${co} = coroutine.create(${fn})\nfor j = 1, ${k + 2} do E(coroutine.resume(${co}, j, j == ${k} and "boom" or "y")) P(coroutine.status(${co})) end\nend`;
  });
}

/** A whole program: the prelude, then random statements. */
export function luaProgram(): Arb {
  return fc.array(statement({ depth: 2, inFunction: false }), { minLength: 3, maxLength: 10 }).map((ss) => `${PRELUDE}\n${ss.join('\n')}\n`);
}
