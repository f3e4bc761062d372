// Each process rule fires at the right .ts position with its suggestion, and stays quiet on the neighbouring
// constructs that do work in a process (those run for real in runs-in-process.test.ts).
import { describe, expect, it } from 'vitest';
import { renderHit, ruleHits, tsApp, typeErrors, transpileToLua } from './ts-program.js';

const main = (body: string): Record<string, string> => ({ 'src/main.ts': `export function main() {\n${body}\n}\n` });

describe('MF9001: break/continue leaving a try block or a catch clause', () => {
  it('is reported at the jump, for break in catch, continue in try and a break of a switch around the try', () => {
    const app = tsApp(
      main(
        [
          'for (let i = 0; i < 3; i++) { try { print(i); } catch (e) { break; } }',
          'for (let i = 0; i < 3; i++) { try { if (i === 1) continue; } catch (e) {} }',
          'for (let i = 0; i < 3; i++) { switch (i) { case 1: try { break; } catch (e) {} } }',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    const hits = ruleHits(app);
    expect(hits.map((h) => [h.code, h.line, h.column, h.text])).toEqual([
      ['MF9001', 2, 61, 'break;'],
      ['MF9001', 3, 50, 'continue;'],
      ['MF9001', 4, 58, 'break;'],
    ]);
    expect(hits[0]!.message).toBe(
      "'break' cannot leave a catch clause: TSTL compiles a catch clause to a Lua function, where a jump to the loop outside is invalid Lua",
    );
    expect(hits[0]!.suggestion).toMatch(/^set a flag inside the catch and break after the try statement/);
    expect(hits[1]!.suggestion).toMatch(/^wrap the rest of the try in an `if` instead/);
  });

  it('lets through jumps whose loop or switch is inside the try, and jumps out of finally', () => {
    const app = tsApp(
      main(
        [
          'for (let i = 0; i < 3; i++) { try { switch (i) { case 1: break; } } catch (e) {} }',
          'try { for (const x of [1, 2]) { if (x === 1) continue; break; } } catch (e) {}',
          'for (let i = 0; i < 3; i++) { try { print(i); } finally { if (i === 1) break; } }',
          'for (let i = 0; i < 3; i++) { try { [1].forEach(() => { for (;;) break; }); } catch (e) {} }',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app)).toEqual([]);
  });

  it('renders as moonforge diagnostics do: position, source line, caret, the suggestion as help', () => {
    const app = tsApp(main('  for (const x of [1]) {\n    try { print(x); } catch (e) { break; }\n  }'));
    const [hit] = ruleHits(app);
    expect(renderHit(app, hit!)).toBe(
      [
        "src/main.ts:3:35: error MF9001: 'break' cannot leave a catch clause: TSTL compiles a catch clause to a Lua function, where a jump to the loop outside is invalid Lua",
        '    try { print(x); } catch (e) { break; }',
        '                                  ^^^^^^',
        '  help: set a flag inside the catch and break after the try statement: `let stop = false; try { ... } catch (e) { ...; stop = true; } if (stop) break;`',
      ].join('\n'),
    );
  });
});

describe('MF9002: labelled statements', () => {
  it('is reported at the label, in place of TSTL\'s "Unsupported node kind"', () => {
    const app = tsApp(main('outer: for (let i = 0; i < 3; i++) { for (;;) { break outer; } }'));
    expect(ruleHits(app).map((h) => [h.code, h.line, h.column, h.text, h.suggestion])).toEqual([
      ['MF9002', 2, 1, 'outer', 'move the inner loop into a function and return from it, or set a flag in the inner loop and break the outer loop when it is set'],
    ]);
  });
});

describe('MF9003: JavaScript host globals', () => {
  it('is reported where lib globals TSTL leaves as Lua globals are used, with what to use instead', () => {
    const app = tsApp(
      main(
        [
          'const s = JSON.stringify({ a: 1 });',
          'const d = new Date();',
          'const b = Boolean(s);',
          'const r = new RegExp("a+");',
          'print(s, d, b, r, globalThis.JSON);',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    const hits = ruleHits(app);
    expect(hits.map((h) => [h.code, h.line, h.column, h.text])).toEqual([
      ['MF9003', 2, 11, 'JSON'],
      ['MF9003', 3, 15, 'Date'],
      ['MF9003', 4, 11, 'Boolean'],
      ['MF9003', 5, 15, 'RegExp'],
      ['MF9003', 6, 30, 'JSON'],
    ]);
    expect(hits[0]!.message).toBe("'JSON' does not exist in a moonforge process: TSTL would emit it as a Lua global, which is nil there");
    expect(hits[0]!.suggestion).toBe('use the json module: `import * as json from "json"`, then json.encode(value) / json.decode(text)');
    expect(hits[1]!.suggestion).toMatch(/^use time\.now\(\)/);
  });

  it("is reported for Node's and the browsers' globals even though nothing declares them", () => {
    const app = tsApp(main('console.log("hi");\nsetTimeout(() => print("later"), 10);'));
    expect(ruleHits(app).map((h) => [h.code, h.line, h.column, h.text, h.suggestion.slice(0, 30)])).toEqual([
      ['MF9003', 2, 1, 'console', 'use print(...), or the logger '],
      ['MF9003', 3, 1, 'setTimeout', 'use time.sleep(d) to wait, or '],
    ]);
  });

  it('lets through what TSTL translates, types named after lib globals, and names the program declares itself', () => {
    const app = tsApp(
      main(
        [
          'const m = new Map<string, number>(); m.set("a", 1);',
          'print(Math.floor(2.5), parseInt("12"), String(3), Number("4"), Object.keys({ a: 1 }).length, [1, 2].length);',
          'let when: Date | undefined; print(when === undefined);',
          'const JSON = { stringify: (v: unknown) => tostring(v) }; print(JSON.stringify(1));',
          'const e = new Error("x"); print(e.message, Symbol("s") !== undefined, globalThis !== undefined);',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app)).toEqual([]);
  });
});

describe('MF9004: @types/node', () => {
  it('is reported at the reference that loads it', () => {
    const app = tsApp({ 'src/main.ts': '/// <reference types="node" />\nexport function main() {}\n' });
    expect(ruleHits(app).map((h) => [h.code, h.line, h.column, h.text, h.suggestion])).toEqual([
      ['MF9004', 1, 23, 'node', 'remove this `/// <reference types="node" />`: a moonforge process has no Node.js API'],
    ]);
  });

  it('is reported for the program when the tsconfig types list names it, once', () => {
    const app = tsApp(main('print(1);'), { types: ['node'] });
    const hits = ruleHits(app);
    expect(hits.map((h) => [h.code, h.file, h.message])).toEqual([
      ['MF9004', '', '@types/node must not be loaded: its `process` clashes with the process global of moonforge'],
    ]);
    expect(hits[0]!.suggestion).toMatch(/compilerOptions\.types, without "node"/);
  });
});

describe('MF9005: payloads that cannot cross processes', () => {
  it('is reported at the payload of process.send and the arguments of the spawn family, with the part at fault', () => {
    const app = tsApp(
      main(
        [
          'class Counter { n = 0; bump() { this.n++; } }',
          'const [pid] = process.spawn("app:worker", "app:processes", new Counter());',
          'if (pid === undefined) return;',
          'process.send(pid, "job", { id: 1, done: () => print("done") });',
          'process.send(pid, "inbox", { box: process.inbox() });',
          'process.send(pid, "jobs", [{ id: 1, run(): void {} }]);',
          'process.send(pid, "seen", new Map<string, number>());',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    const hits = ruleHits(app);
    expect(hits.map((h) => [h.code, h.line, h.column, h.message])).toEqual([
      ['MF9005', 3, 60, "an argument of process.spawn cannot cross processes: the value is an instance of class Counter, which has methods ('bump')"],
      ['MF9005', 5, 26, 'the payload of process.send on topic "job" cannot cross processes: the value.done is a function'],
      ['MF9005', 6, 28, 'the payload of process.send on topic "inbox" cannot cross processes: the value.box is a Channel, which arrives as nil in another process'],
      ['MF9005', 7, 27, 'the payload of process.send on topic "jobs" cannot cross processes: the value[].run is a method'],
      ['MF9005', 8, 27, "the payload of process.send on topic \"seen\" cannot cross processes: the value is a Map, an object with methods ('clear')"],
    ]);
    expect(hits[0]!.suggestion).toMatch(/^send plain data/);
  });

  it('is reported at what a spawn builder, funcs.call and an executor carry to another process', () => {
    const app = tsApp({
      'src/main.ts': [
        'import * as funcs from "funcs";',
        'export function main() {',
        '  const cb = (): void => {};',
        '  process.with_context({}).with_message("go", { cb }).spawn("app:w", "app:processes", cb);',
        '  funcs.call("app:f", 1, cb);',
        '  funcs.new().async("app:f", { cb });',
        '}',
      ].join('\n'),
    });
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app).map((h) => [h.line, h.column, h.message])).toEqual([
      [4, 3 + 'process.with_context({}).with_message("go", '.length, 'an argument of spawner:with_message cannot cross processes: the value.cb is a function'],
      [4, 3 + 'process.with_context({}).with_message("go", { cb }).spawn("app:w", "app:processes", '.length, 'an argument of spawner:spawn cannot cross processes: the value is a function'],
      [5, 3 + 'funcs.call("app:f", 1, '.length, 'an argument of funcs.call cannot cross processes: the value is a function'],
      [6, 3 + 'funcs.new().async("app:f", '.length, 'an argument of executor:async cannot cross processes: the value.cb is a function'],
    ]);
  });

  it('is reported at a topic of the app\'s contract whose payload type cannot cross', () => {
    const app = tsApp({
      'src/topics.d.ts': [
        'declare namespace Moonforge { interface Topics { ping: { round: number }; call: { reply: (x: number) => void } } }',
        'declare namespace Moonforge { interface Topics { [reply: `reply.${number}`]: { values: Set<number> } } }',
        '',
      ].join('\n'),
      'src/main.ts': 'export function main() {}\n',
    });
    expect(ruleHits(app).map((h) => [h.code, h.file, h.line, h.column, h.message])).toEqual([
      ['MF9005', 'src/topics.d.ts', 1, 75, 'the payload of topic call cannot cross processes: the payload.reply is a function'],
      ['MF9005', 'src/topics.d.ts', 2, 50, "the payload of topic `reply.${number}` cannot cross processes: the payload.values is a Set, an object with methods ('add')"],
    ]);
  });

  it('lets through plain data, error values, payloads, pids and Lua tables', () => {
    const app = tsApp(
      main(
        [
          'const me = process.pid();',
          'const t = new LuaTable<string, number>(); t.set("a", 1);',
          // a payload inside a payload arrives as a payload (runtime/process/copy.ts), as error values do
          'const p = payload.new({ x: 1 });',
          'process.send(me, "data", { id: 1, tags: ["a"], nested: { ok: true, at: [1, 2] }, body: p }, me, errors.new("boom"), t, undefined);',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app)).toEqual([]);
  });
});

describe('MF9006 and MF9007: syntax TSTL 1.37.1 cannot compile', () => {
  it('reports a #private name once, where it is declared', () => {
    const app = tsApp(main('class P {\n  #n = 1;\n  #bump() { this.#n++; }\n  get() { this.#bump(); return #n in this; }\n}\nprint(new P().get());'));
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app).map((h) => [h.code, h.line, h.column, h.text, h.suggestion])).toEqual([
      ['MF9006', 3, 3, '#n', "use TypeScript's `private` modifier instead (`private n`): the checker keeps it private"],
      ['MF9006', 4, 3, '#bump', "use TypeScript's `private` modifier instead (`private bump`): the checker keeps it private"],
    ]);
  });

  it('reports using and await using at their keyword, and lets the private modifier through', () => {
    const app = tsApp(
      main(
        [
          'class R { private open = true; [Symbol.dispose]() { this.open = false; } async [Symbol.asyncDispose]() {} }',
          '{ using r = new R(); print(r); }',
          'const later = async () => { await using r = new R(); print(r); };',
          'later();',
        ].join('\n'),
      ),
    );
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app).map((h) => [h.code, h.line, h.column, h.text])).toEqual([
      ['MF9007', 3, 3, 'using'],
      ['MF9007', 4, 29, 'await'],
    ]);
  });
});

describe('MF9008: an async main', () => {
  it('is reported at the name of an exported async main, declared or assigned', () => {
    const one = tsApp({ 'src/main.ts': 'export async function main() {\n  return 0;\n}\n' });
    const two = tsApp({ 'src/main.ts': 'async function helper() { return 1; }\nexport const main = async () => helper();\n' });
    expect([...ruleHits(one), ...ruleHits(two)].map((h) => [h.code, h.line, h.column, h.text])).toEqual([
      ['MF9008', 1, 23, 'main'],
      ['MF9008', 2, 14, 'main'],
    ]);
    expect(ruleHits(one)[0]!.suggestion).toMatch(/^remove `async`/);
  });

  it('lets through async helpers and a main that is not async', () => {
    const app = tsApp({ 'src/main.ts': 'export async function fetchAll() { return 1; }\nasync function main2() {}\nexport function main() { fetchAll(); main2(); }\n' });
    expect(ruleHits(app)).toEqual([]);
  });
});

describe('the plugin in TSTL', () => {
  it('reports its findings through TSTL\'s beforeTransform, with the code the build reads back', () => {
    const app = tsApp(main('print(JSON.stringify(1));'));
    expect(transpileToLua(app)).toEqual(['MF9003']);
  });

  it('takes labelled statements out of TSTL\'s way: MF9002 alone, no "Unsupported node kind" after it', () => {
    const app = tsApp(main('outer: for (let i = 0; i < 3; i++) { for (;;) { continue outer; } }\nblock: { break block; }'));
    expect(transpileToLua(app)).toEqual(['MF9002', 'MF9002']);
  });
});
