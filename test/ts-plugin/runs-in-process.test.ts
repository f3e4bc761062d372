// What the plugin lets through really works in a moonforge process: TypeScript using each construct the rules leave
// alone (generators and async/await, which TSTL compiles to coroutines, with blocking calls inside them; blocking
// inside try; getters and setters; for...in; typeof; instanceof; bitwise operators; delete; null; Promise from TSTL's
// lualib; blocking inside getters, callbacks and Lua coroutines; static blocks) is type-checked against types/,
// transpiled by TSTL with the plugin loaded (no finding), and run as an app.
import { describe, expect, it } from 'vitest';
import { runAppInProcess } from '../support/app-in-process.js';
import { indexYaml } from '../support/app-folder.js';
import { ruleHits, transpileToLua, tsApp, typeErrors } from './ts-program.js';

// The root spawns a sender and takes its five messages in four different places: a generator (two), an async
// function, a try block and a plain call; the sender sleeps between them, so each receive really blocks the root.
const MAIN = `import * as time from "time";

function* received(n: number) {
  const inbox = process.inbox();
  for (let i = 0; i < n; i++) {
    const [msg] = inbox.receive();
    time.sleep("1ms");
    yield msg?.payload();
  }
}

async function later(): Promise<unknown> {
  const [msg] = process.inbox().receive();
  return msg?.payload();
}

class Temperature {
  private celsius = 0;
  get fahrenheit(): number { return this.celsius * 9 / 5 + 32; }
  set fahrenheit(f: number) { this.celsius = (f - 32) * 5 / 9; }
}
class Shape { area(): number { return 0; } }
class Square extends Shape { constructor(private side: number) { super(); } area(): number { return this.side * this.side; } }

function data(p: unknown): unknown {
  return p === undefined ? undefined : (p as Payload).data();
}

export function main() {
  const [pid, err] = process.spawn("app:sender", "app:processes", process.pid());
  if (err) return 1;
  for (const p of received(2)) print("generator", data(p));
  later().then((p) => print("async", data(p)));
  try {
    const [msg] = process.inbox().receive();
    print("try", data(msg?.payload()));
  } catch (e) {
    print("caught", e);
  }
  const [last] = process.inbox().receive();
  print("plain", data(last?.payload()), pid !== undefined);

  const t = new Temperature();
  t.fahrenheit = 212;
  print("getter", t.fahrenheit);
  const s: Shape = new Square(3);
  print("instanceof", s instanceof Square, s instanceof Shape, s.area());
  const values: unknown[] = [1, "s", {}, () => 0, true];
  print("typeof", values.map((v) => typeof v).join(" "));
  print("bitwise", 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 4, 256 >>> 4);
  const record: Record<string, number | undefined> = { a: 1, b: 2, c: 3 };
  delete record.b;
  const keys: string[] = [];
  for (const k in record) keys.push(k);
  keys.sort();
  print("for-in", keys.join(","));
  const nothing: number | null = null;
  print("null", nothing === null, nothing ?? "default");
  let settled = "pending";
  Promise.all([Promise.resolve(1), Promise.resolve(2)]).then((xs) => { settled = xs.join("+"); });
  print("promise", settled);
  return 0;
}
`;

const SENDER = `import * as time from "time";

export function main(to: string) {
  for (let i = 1; i <= 5; i++) {
    time.sleep("5ms");
    process.send(to, "data", "m" + i);
  }
}
`;

describe('constructs the plugin lets through', () => {
  it('type-check, transpile without a finding, and run in a moonforge process', async () => {
    const app = tsApp({
      'src/main.ts': MAIN,
      'src/sender.ts': SENDER,
      'src/_index.yaml': indexYaml(
        [
          '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [time]\n',
          '  - name: sender\n    kind: process.lua\n    source: file://sender.lua\n    method: main\n    modules: [time]\n',
        ].join(''),
      ),
    });
    expect(typeErrors(app)).toEqual([]);
    expect(ruleHits(app)).toEqual([]);
    expect(transpileToLua(app)).toEqual([]);
    const run = await runAppInProcess(app.dir, { exec: 'app:main' });
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      'generator\tm1',
      'generator\tm2',
      'async\tm3',
      'try\tm4',
      'plain\tm5\ttrue',
      'getter\t212',
      'instanceof\ttrue\ttrue\t9',
      'typeof\tnumber string object function boolean',
      'bitwise\t1\t7\t6\t-6\t16\t16',
      'for-in\ta,c',
      'null\ttrue\tdefault',
      // TSTL's promises settle synchronously: there is no microtask queue
      'promise\t1+2',
    ]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('blocking calls inside getters, array callbacks, sort comparators and Lua coroutines work in a process', async () => {
    const app = tsApp({
      'src/main.ts': `import * as time from "time";
class Slow { get value(): number { time.sleep("2ms"); return 7; } }
class Counter { static created = 1; static { Counter.created = 2; } accessor count = 3; }
export function main() {
  print("getter", new Slow().value);
  [3, 1].forEach((x) => { time.sleep("1ms"); print("each", x); });
  print("sorted", [3, 1, 2].sort((a, b) => { time.sleep("1ms"); return a - b; }).join(","));
  const co = coroutine.create(() => { time.sleep("1ms"); coroutine.yield(1); return 2; });
  print("coroutine", ...coroutine.resume(co));
  print("coroutine", ...coroutine.resume(co));
  print("static", Counter.created, new Counter().count);
  return 0;
}
`,
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [time]\n'),
    });
    expect(typeErrors(app)).toEqual([]);
    expect(transpileToLua(app)).toEqual([]);
    const run = await runAppInProcess(app.dir, { exec: 'app:main' });
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      'getter\t7',
      'each\t3',
      'each\t1',
      'sorted\t1,2,3',
      'coroutine\ttrue\t1',
      'coroutine\ttrue\t2',
      'static\t2\t3',
    ]);
  }, 60_000);
});
