// string.format compiles each format string once (runtime/lib/string/format.ts): the same format string reused with
// other arguments, argument counts and types must behave as a fresh scan would, errors included, as in lua5.1
// (numbers reach %s only where go-lua's tostring and lua5.1's agree).
import { expect, it } from 'vitest';
import { diff, type Case } from './lua-diff.js';

it('a cached format string with other arguments, counts and types agrees with lua5.1', () => {
  const fmts = ['%s-%05d:%x;%s', '%d|%d', '%5.2f %s %%', 'a%sb%d%y', '%d %d %------d', 'x%', '%s%'];
  const argsets: unknown[][] = [
    ['w', 12, 255, 'v'], [1.5, -3, 65535.7, 7], ['m', 2 ** 31, -(2 ** 31) - 1, 'z'], ['x'], [], [3, 'q'], ['12', '0x1f', 4, 5],
    ['n', -1, 0.5, ''],
  ];
  const cases: Case[] = [];
  for (let round = 0; round < 2; round++) {
    for (const f of fmts) for (const a of argsets) cases.push({ fn: 'format', args: [f, ...a] });
  }
  const bad = diff(cases);
  expect(bad.slice(0, 10).join('\n')).toBe('');
  expect(bad.length).toBe(0);
});
