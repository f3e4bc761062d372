// The progress line of long builds (sdk/progress-line.ts): drawn on a terminal only after a second, redrawn in place at
// most every 100 ms, wiped at the end; nothing at all on a pipe, in CI, or for work that ends within the second.
import { describe, expect, it } from 'vitest';
import { progressLine, type ProgressLineOptions } from '../../sdk/progress-line.js';

/** A terminal stand-in recording what is written, and a clock the test moves. */
function fakeTerminal(over: Partial<ProgressLineOptions> = {}, isTTY = true, columns?: number) {
  const written: string[] = [];
  let t = 5000;
  const line = progressLine({ stream: { isTTY, columns, write: (s) => written.push(s) }, env: {}, now: () => t, ...over });
  return { line, written, advance: (ms: number) => (t += ms) };
}

describe('progress line', () => {
  it('stays silent for the first second, then draws, redraws in place over the longer text, and wipes itself', () => {
    const { line, written, advance } = fakeTerminal();
    line.update('compiling 1/400 entries');
    advance(999);
    line.update('compiling 90/400 entries');
    expect(written).toEqual([]);
    advance(1);
    line.update('compiling 120/400 entries');
    advance(50);
    line.update('compiling 130/400 entries'); // within 100 ms of the last draw: skipped
    advance(50);
    line.update('compiling 9/9');
    line.end();
    expect(written).toEqual(['\rcompiling 120/400 entries', `\rcompiling 9/9${' '.repeat(12)}`, `\r${' '.repeat(13)}\r`]);
  });

  it('writes nothing for work that ends within the second', () => {
    const { line, written, advance } = fakeTerminal();
    line.update('compiling 1/2 entries');
    advance(400);
    line.end();
    expect(written).toEqual([]);
  });

  it('writes nothing on a pipe or a file, however long the work takes', () => {
    const { line, written, advance } = fakeTerminal({}, false);
    advance(5000);
    line.update('compiling 1/2 entries');
    line.end();
    expect(written).toEqual([]);
  });

  it('writes nothing in CI (CI=true, or any value but false), even on a terminal', () => {
    for (const CI of ['true', '1', 'yes']) {
      const { line, written, advance } = fakeTerminal({ env: { CI } });
      advance(5000);
      line.update('compiling 1/2 entries');
      line.end();
      expect(written).toEqual([]);
    }
    const { line, written, advance } = fakeTerminal({ env: { CI: 'false' } });
    advance(5000);
    line.update('x');
    expect(written).toEqual(['\rx']);
  });

  it('is cut to the terminal width, so that it never wraps (a wrapped line cannot be redrawn)', () => {
    const { line, written, advance } = fakeTerminal({}, true, 12);
    advance(2000);
    line.update('compiling 120/400 entries');
    line.end();
    expect(written).toEqual(['\rcompiling 1', `\r${' '.repeat(11)}\r`]);
  });
});
