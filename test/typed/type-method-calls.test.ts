// `T.m(...)` / `T:m(...)` with m a reflection method call the type value (go-lua compiler/bind/binder.go
// runtimeTypeCallBase); other fields of a built-in type name stay the library (`string.len`, `string.format`).
import { describe, expect, it } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';

/** The program's stdout through `moonforge run`, which must succeed. */
async function run(src: string): Promise<string> {
  const r = await runScriptCli(src);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('type method calls', () => {
  it('string.is / Point.is / T:kind() reach the type; string.len stays the library', async () => {
    const out = await run(`type Point = {x: number, y: number}
print(string.is("x"))
print(string.is(5))
print(Point.is({x = 1, y = 2}) ~= nil, Point:kind(), string:kind())
print(string.len("abc"), ("abc"):len(), string.format("%d", 3))
`);
    expect(out).toBe('x\tnil\nnil\texpected string, got number\ntrue\trecord\tstring\n3\t3\t3\n');
  });
});
