// A fast-check generator of random programs built around goto (goto-differential.test.ts): labels in nested blocks,
// forward and backward gotos (guarded by a global step budget so every program ends), locals declared between
// them and captured by closures, loops with `goto continue`. lua5.4 is the reference (lua5.1 has no goto); values
// stay small integers (5.4's integer/float subtypes never show: no `/`, no `^`, printed with %d; every stored
// value is taken % 997, so 5.4's int64 wrap-around, which moonforge's doubles do not have, never happens).
import fc from 'fast-check';

export const GOTO_PRELUDE = `
local out, fns, steps = {}, {}, 0
local function emit(v) out[#out + 1] = string.format("%d", v) end
local function more() steps = steps + 1 return steps < 60 end
`;

export const GOTO_EPILOGUE = `
for i = 1, #fns do out[#out + 1] = "f" .. string.format("%d", fns[i]()) end
print(table.concat(out, " "))
`;

interface Scope {
  /** locals visible here */
  locals: string[];
  /** labels a goto here may name (this block's and enclosing blocks' of the same function) */
  labels: string[];
  depth: number;
}

let counter = 0;
const fresh = (base: string): string => `${base}${++counter}`;

type Item = (s: Scope) => string;

function expr(s: Scope, rnd: (n: number) => number): string {
  const atoms = [...s.locals, 'steps', String(rnd(7))];
  const a = atoms[rnd(atoms.length)]!;
  const b = atoms[rnd(atoms.length)]!;
  return ['+', '-', '*', '%'][rnd(4)] === '%' ? `(${a} % 5)` : `(${a} ${['+', '-', '*'][rnd(3)]} ${b})`;
}

/** One block: its statements as text. Labels are placed first, so gotos anywhere in the block can name them. */
function block(s: Scope, rnd: (n: number) => number): string {
  const n = 1 + rnd(s.depth > 0 ? 6 : 4);
  const labels = Array.from({ length: rnd(3) }, () => fresh('L'));
  const inner: Scope = { locals: [...s.locals], labels: [...s.labels, ...labels], depth: s.depth };
  const lines: string[] = [];
  // each label goes at a random slot; at most one label per slot
  const slots = new Map<number, string>();
  for (const l of labels) slots.set(rnd(n + 1), l);
  for (let i = 0; i <= n; i++) {
    const l = slots.get(i);
    if (l !== undefined) lines.push(`::${l}::`);
    if (i < n) lines.push(statement(inner, rnd));
  }
  return lines.join('\n');
}

function statement(s: Scope, rnd: (n: number) => number): string {
  const kinds: Item[] = [
    (sc) => {
      const v = fresh('v');
      const line = `local ${v} = ${expr(sc, rnd)} % 997`;
      sc.locals.push(v);
      return line;
    },
    (sc) => `emit(${expr(sc, rnd)})`,
    (sc) => (sc.locals.length === 0 ? 'emit(steps)' : `fns[#fns + 1] = function() return ${sc.locals[rnd(sc.locals.length)]} end`),
    (sc) => (sc.locals.length === 0 ? 'emit(0)' : `${sc.locals[rnd(sc.locals.length)]} = ${expr(sc, rnd)} % 997`),
    (sc) => (sc.labels.length === 0 ? 'emit(1)' : `if more() and ${expr(sc, rnd)} % 2 == 0 then goto ${sc.labels[rnd(sc.labels.length)]} end`),
  ];
  if (s.depth > 0) {
    const sub = (): Scope => ({ locals: [...s.locals], labels: [...s.labels], depth: s.depth - 1 });
    kinds.push(
      () => `do\n${block(sub(), rnd)}\nend`,
      () => `if ${expr(s, rnd)} % 2 == 1 then\n${block(sub(), rnd)}\nelse\n${block(sub(), rnd)}\nend`,
      () => {
        // `goto continue`, with a fresh name: Lua 5.4 rejects a label named like one visible around it
        const [i, c] = [fresh('i'), fresh('continue')];
        const sc: Scope = { locals: [...s.locals, i], labels: [], depth: s.depth - 1 };
        return `for ${i} = 1, ${1 + rnd(3)} do\n${block(sc, rnd)}\nif ${i} % 2 == 0 then goto ${c} end\nemit(${i})\n::${c}::\nend`;
      },
      () => {
        const r = fresh('r');
        const sc: Scope = { locals: [...s.locals], labels: [], depth: s.depth - 1 };
        return `do local ${r} = 0\nrepeat\n${r} = ${r} + 1\n${block(sc, rnd)}\nuntil ${r} >= ${1 + rnd(3)} or not more() end`;
      },
      () => {
        const sc: Scope = { locals: [], labels: [], depth: s.depth - 1 };
        return `fns[#fns + 1] = (function()\n${block(sc, rnd)}\nreturn steps\nend)`;
      },
    );
  }
  return kinds[rnd(kinds.length)]!(s);
}

/** A whole goto program (the body may be rejected by both sides: a goto into a local's scope is an error). */
export function gotoProgram(): fc.Arbitrary<string> {
  return fc.infiniteStream(fc.nat({ max: 1_000_000 })).map((stream) => {
    const it = stream[Symbol.iterator]();
    const rnd = (n: number): number => (it.next().value as number) % n;
    const body = block({ locals: [], labels: [], depth: 2 }, rnd);
    return `${GOTO_PRELUDE}\ndo\n${body}\nend\n${GOTO_EPILOGUE}`;
  });
}
