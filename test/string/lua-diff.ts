// Differential test harness: runs many string-library calls in ONE lua5.1 process and the same calls against
// openStringLib(), then compares results (or that both raised, and with which message).
import { referenceLuaOutput } from '../support/reference-lua.js';
import { openStringLib } from '../../runtime/lib/string/index.js';
import { collect } from '../../runtime/core/results.js';
import { LuaError } from '../../runtime/core/errors.js';

export const S = openStringLib() as unknown as Record<string, (...a: unknown[]) => unknown>;

/** A call `string.<fn>(args...)`, or custom Lua source paired with a JS thunk computing the same thing. */
export type Case =
  | { fn: string; args: unknown[] }
  | { lua: string; js: () => unknown[]; label?: string };

export type Outcome = { ok: true; values: unknown[] } | { ok: false; message: string };

/** A JS value as a Lua literal (strings as "\ddd" escapes so every byte survives). */
export function luaLiteral(v: unknown): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') {
    if (v !== v) return '(0/0)';
    if (v === Infinity) return '(1/0)';
    if (v === -Infinity) return '(-1/0)';
    if (Object.is(v, -0)) return '(-0)';
    return `(${String(v)})`;
  }
  if (typeof v === 'string') {
    let out = '"';
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      out += c >= 32 && c < 127 && c !== 34 && c !== 92 ? v[i] : `\\${String(c).padStart(3, '0')}`;
    }
    return out + '"';
  }
  throw new Error(`no Lua literal for ${String(v)}`);
}

function luaSourceOf(c: Case): string {
  if ('fn' in c) {
    // trailing nils must stay: string.find(s, p, nil, true) differs from string.find(s, p)
    return `string.${c.fn}(${c.args.map(luaLiteral).join(', ')})`;
  }
  return c.lua;
}

export function describe(c: Case): string {
  return 'fn' in c ? luaSourceOf(c) : (c.label ?? c.lua);
}

const PRELUDE = String.raw`
local function hex(s) return (string.gsub(s, '.', function(c) return string.format('%02x', string.byte(c)) end)) end
local function ser(v)
  local t = type(v)
  if t == 'string' then return 's' .. hex(v)
  elseif t == 'number' then
    if v ~= v then return 'nnan' elseif v == 1/0 then return 'ninf' elseif v == -1/0 then return 'n-inf' end
    return 'n' .. string.format('%.17g', v)
  elseif t == 'nil' then return 'z'
  elseif t == 'boolean' then return tostring(v)
  else return 'o' .. t end
end
local function pack(...) return {n = select('#', ...), ...} end
local function run(f)
  local ok, r = pcall(f)
  if not ok then
    local msg = tostring(r)
    msg = string.gsub(msg, '^[^:]*:%d+: ', '')
    io.write('err\t', hex(msg), '\n')
    return
  end
  local parts = {}
  for i = 1, r.n do parts[i] = ser(r[i]) end
  io.write('ok\t', r.n, '\t', table.concat(parts, '\t'), '\n')
end
`;

function unhex(h: string): string {
  let s = '';
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return s;
}

function parseValue(t: string): unknown {
  switch (t[0]) {
    case 's':
      return unhex(t.slice(1));
    case 'n':
      return t === 'nnan' ? NaN : t === 'ninf' ? Infinity : t === 'n-inf' ? -Infinity : Number(t.slice(1));
    case 'z':
      return undefined;
    case 't':
      return true;
    case 'f':
      return false;
    default:
      return `<${t.slice(1)}>`;
  }
}

/** Runs every case under lua5.1 (one process) and returns the outcomes in order. */
export function runCasesUnderLua51(cases: Case[], extraPrelude = ''): Outcome[] {
  const lines = [PRELUDE, extraPrelude];
  for (const c of cases) lines.push(`run(function() local r = pack(${luaSourceOf(c)}) return r end)`);
  const out = referenceLuaOutput(lines.join('\n'));
  const res = out.split('\n').filter((l) => l.length > 0);
  if (res.length !== cases.length) throw new Error(`lua5.1 produced ${res.length} lines for ${cases.length} cases`);
  return res.map((l): Outcome => {
    const f = l.split('\t');
    if (f[0] === 'err') return { ok: false, message: unhex(f[1] ?? '') };
    const n = Number(f[1]);
    const values: unknown[] = [];
    for (let i = 0; i < n; i++) values.push(parseValue(f[2 + i] ?? 'z'));
    return { ok: true, values };
  });
}

/** Runs one case against our library. */
export function runCaseInLibrary(c: Case): Outcome {
  try {
    const values = 'fn' in c ? collect(S[c.fn]!(...c.args)) : c.js();
    return { ok: true, values: values.map((v) => (typeof v === 'function' ? '<function>' : v)) };
  } catch (e) {
    if (e instanceof LuaError) return { ok: false, message: String(e.value) };
    throw e;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (a !== a && b !== b);
  return a === b;
}

/** Compares lua5.1 against our library for every case; returns a list of human-readable mismatches. */
export function diff(cases: Case[], extraPrelude = ''): string[] {
  const lua = runCasesUnderLua51(cases, extraPrelude);
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const want = lua[i]!;
    const got = runCaseInLibrary(c);
    let same = want.ok === got.ok;
    if (same && want.ok && got.ok) {
      same = want.values.length === got.values.length && want.values.every((v, j) => sameValue(v, got.values[j]));
    } else if (same && !want.ok && !got.ok) {
      same = want.message === got.message;
    }
    if (!same) bad.push(`${describe(c)}\n   lua5.1: ${JSON.stringify(want)}\n   ours:   ${JSON.stringify(got)}`);
  });
  return bad;
}

/** Deterministic xorshift PRNG for the randomised tests, so a failure reproduces from its seed. */
export function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
