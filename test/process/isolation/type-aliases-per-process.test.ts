// Issue #10 (isolation): the type aliases of a chunk (`type Point = ...`) are values of the chunk's run, bound in the
// globals of the process that loaded it (go-lua injects them when the chunk loads). The compiled module kept them
// in one variable shared by every process running that chunk, so after a second process loaded it, the first one's
// `Point(v)` validated with the second one's alias, which looks up the names it does not define (here `Num`) in
// the second process's globals.
import { describe, expect, it } from 'vitest';
import { makeApp } from '../../support/process-harness.js';

const TYPED = `
type NumT = number
type StrT = string
type Point = { x: Num }
return { main = function(kind)
  Num = kind == "num" and NumT or StrT
  process.inbox():receive() -- both processes have loaded the chunk by now
  print(kind, (pcall(function() return Point({ x = 1 }) end)))
end }`;

describe('type aliases', () => {
  it('belong to the process that loaded the chunk', async () => {
    const app = await makeApp({ 'app:typed': { source: TYPED } });
    const a = app.rt.spawn('app:typed', 'app:processes', ['num']);
    app.settle();
    const b = app.rt.spawn('app:typed', 'app:processes', ['str']);
    app.settle();
    app.rt.node.send(undefined, a, 'go', [1]);
    app.settle();
    app.rt.node.send(undefined, b, 'go', [1]);
    app.settle();
    expect(app.output.join('').split('\n').filter((l) => l !== '')).toEqual(['num\ttrue', 'str\tfalse']);
  });
});
