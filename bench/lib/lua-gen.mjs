// Generates deterministic, varied, valid Lua source (Lua 5.1 plus `//`, bitwise operators and goto) for measuring
// compile throughput: modules of local functions using every kind of statement and expression.

// A small seeded PRNG (mulberry32), so every run compiles exactly the same text.
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['count', 'total', 'item', 'node', 'value', 'key', 'index', 'result', 'state', 'buf', 'name', 'size',
  'limit', 'acc', 'entry', 'list', 'map', 'cfg', 'msg', 'step'];
const STRINGS = ['"hello"', '"a\\tb\\n"', "'single \\'quoted\\''", '"\\65\\066\\x43"', '[[long\nstring]]',
  '[==[with ]] inside]==]', '"unicode \\u{48}"'.replace('\\u{48}', 'é'), '""', '"%d items"', '"%s=%s"'];

function createGen(seed) {
  const rnd = createRandom(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const int = (n) => Math.floor(rnd() * n);

  function number() {
    switch (int(5)) {
      case 0: return String(int(1000));
      case 1: return (rnd() * 100).toFixed(3);
      case 2: return `0x${int(65536).toString(16)}`;
      case 3: return `${int(9) + 1}e${int(5)}`;
      default: return String(int(10));
    }
  }

  // An expression over the names in scope; depth bounds its size.
  function expr(names, depth) {
    if (depth <= 0 || rnd() < 0.3) {
      const r = int(10);
      if (r < 5 && names.length) return pick(names);
      if (r < 8) return number();
      if (r < 9) return pick(STRINGS);
      return pick(['true', 'false', 'nil']);
    }
    const a = () => expr(names, depth - 1);
    switch (int(12)) {
      case 0: return `(${a()} + ${a()} * ${a()})`;
      case 1: return `(${a()} - ${a()}) / (${a()} + 1)`;
      case 2: return `(${a()} // 3 + ${a()} % 7)`;
      case 3: return `((${int(255)} & ${int(255)}) | (${int(16)} << 2) ~ ~${int(7)} >> 1)`;
      case 4: return `(${a()} .. ${pick(STRINGS)})`;
      case 5: return `(${a()} == ${a()} and ${a()} or not ${a()})`;
      case 6: return `{ ${a()}, ${a()}, ${pick(WORDS)} = ${a()}, [(${a()})] = ${a()}; }`;
      case 7: return `#${pick(STRINGS)}`;
      case 8: return `string.format(${pick(STRINGS)}, ${a()})`;
      case 9: return `(function(x, ...) return x, select("#", ...) end)(${a()})`;
      case 10: return `math.max(${a()}, ${a()}, -${a()})`;
      default: return `(${a()} < ${a()} or ${a()} >= ${a()})`;
    }
  }

  // A block of statements; loopDepth says whether `break` is allowed.
  function block(names, depth, inLoop, out, indent) {
    const local = [...names];
    const n = 2 + int(5);
    for (let i = 0; i < n; i++) {
      const e = () => expr(local, 2);
      const r = depth <= 0 ? int(3) : int(13);
      if (r === 0) {
        const v = `${pick(WORDS)}${local.length}`;
        out.push(`${indent}local ${v} = ${e()}`);
        local.push(v);
      } else if (r === 1 && local.length) {
        out.push(`${indent}${pick(local)} = ${e()}`);
      } else if (r === 2) {
        out.push(`${indent}-- ${pick(WORDS)} ${pick(WORDS)}: a comment line`);
      } else if (r === 3) {
        out.push(`${indent}if ${e()} then`);
        block(local, depth - 1, inLoop, out, `${indent}  `);
        out.push(`${indent}elseif ${e()} then`);
        block(local, depth - 1, inLoop, out, `${indent}  `);
        out.push(`${indent}else`);
        block(local, depth - 1, inLoop, out, `${indent}  `);
        out.push(`${indent}end`);
      } else if (r === 4) {
        const v = `i${out.length}`;
        out.push(`${indent}for ${v} = 1, ${int(20)}, ${int(3) + 1} do`);
        block([...local, v], depth - 1, true, out, `${indent}  `);
        out.push(`${indent}end`);
      } else if (r === 5) {
        out.push(`${indent}for k${out.length}, v${out.length} in pairs({ ${e()}, ${e()} }) do`);
        block(local, depth - 1, true, out, `${indent}  `);
        out.push(`${indent}end`);
      } else if (r === 6) {
        out.push(`${indent}while ${e()} do`);
        block(local, depth - 1, true, out, `${indent}  `);
        out.push(`${indent}  break`);
        out.push(`${indent}end`);
      } else if (r === 7) {
        out.push(`${indent}repeat`);
        block(local, depth - 1, true, out, `${indent}  `);
        out.push(`${indent}until ${e()}`);
      } else if (r === 8) {
        const f = `fn${out.length}`;
        out.push(`${indent}local function ${f}(a, b, ...)`);
        block([...local, 'a', 'b'], depth - 1, false, out, `${indent}  `);
        out.push(`${indent}  return a, b, ...`);
        out.push(`${indent}end`);
        local.push(f);
      } else if (r === 9) {
        const t = `obj${out.length}`;
        out.push(`${indent}local ${t} = setmetatable({ ${pick(WORDS)} = ${e()} }, { __index = function(t, k) return k end })`);
        out.push(`${indent}${t}.${pick(WORDS)} = ${t}:${pick(WORDS)}(${e()})`);
        local.push(t);
      } else if (r === 10) {
        const l = `continue${out.length}`;
        out.push(`${indent}for j = 1, 3 do`);
        out.push(`${indent}  if j == 2 then goto ${l} end`);
        block(local, depth - 1, true, out, `${indent}  `);
        out.push(`${indent}  ::${l}::`);
        out.push(`${indent}end`);
      } else if (r === 11 && inLoop) {
        out.push(`${indent}if ${e()} then break end`);
      } else {
        out.push(`${indent}do`);
        block(local, depth - 1, inLoop, out, `${indent}  `);
        out.push(`${indent}end`);
      }
    }
  }

  // One module: a few local functions and a returned table, like a small library file.
  return function module(index) {
    const out = [`-- generated module ${index}`, 'local M = {}'];
    const fns = 4 + int(4);
    for (let f = 0; f < fns; f++) {
      out.push(`function M.${pick(WORDS)}${index}_${f}(self, x, y)`);
      block(["self", "x", "y", "M"], 2, false, out, '  ');
      out.push(`  return x, y`);
      out.push('end');
    }
    out.push('return M');
    return `${out.join('\n')}\n`;
  };
}

// Modules of generated Lua until `bytes` is reached. Each is a whole chunk; joined inside `do ... end` blocks
// (and without their `return`) they also form one large chunk.
export function generateModules(bytes, seed = 1) {
  const module = createGen(seed);
  const modules = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const m = module(i);
    modules.push(m);
    size += Buffer.byteLength(m);
  }
  return modules;
}

export function joinModules(modules) {
  return modules.map((m) => `do\n${m.replace(/\nreturn M\n$/, '\n')}end\n`).join('');
}
