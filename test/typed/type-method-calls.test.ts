// `T.m(...)` / `T:m(...)` with m a reflection method call the type value (go-lua compiler/bind/binder.go
// runtimeTypeCallBase); other fields of a built-in type name stay the library (`string.len`, `string.format`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mf-typecall-'));
  const file = join(dir, 'main.lua');
  writeFileSync(file, src);
  return execFileSync('node', ['bin/moonforge.mjs', 'run', file], { encoding: 'latin1' });
}

describe('type method calls', () => {
  it('string.is / Point.is / T:kind() reach the type; string.len stays the library', () => {
    const out = run(`type Point = {x: number, y: number}
print(string.is("x"))
print(string.is(5))
print(Point.is({x = 1, y = 2}) ~= nil, Point:kind(), string:kind())
print(string.len("abc"), ("abc"):len(), string.format("%d", 3))
`);
    expect(out).toBe('x\tnil\nnil\texpected string, got number\ntrue\trecord\tstring\n3\t3\t3\n');
  });
});
