// Scheduling and judging: a suite's tests one after another in order, suites side by side up to --jobs, and the
// verdicts of Wippy's runner.lua run_test (an error fails, `false` fails, anything else passes).
import { describe, expect, it } from 'vitest';
import { runSuites, type RunEvent } from '../../sdk/test-runner/schedule.js';
import type { CallOutcome, TestCall } from '../../sdk/test-runner/model.js';
import { suite } from './test-cases.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('scheduling', () => {
  it('runs a suite in order and at most `jobs` suites at once; results in suite order', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const call: TestCall = async (t) => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${t.id}`);
      // suite b's tests take longer, so suites finish out of order
      for (let i = 0; i < (t.suite === 'b' ? 5 : 1); i++) await tick();
      log.push(`end ${t.id}`);
      running--;
      return { type: 'returned', value: true };
    };
    const suites = [suite('b', ['n:b1', 'n:b2']), suite('c', ['n:c1']), suite('d', ['n:d1']), suite('e', ['n:e1'])];
    const results = await runSuites(suites, { call, jobs: 2, timeoutMs: 1000 });
    expect(most).toBe(2);
    expect(results.map((s) => s.name)).toEqual(['b', 'c', 'd', 'e']);
    // a suite's second test starts only after its first ended
    expect(log.indexOf('start n:b2')).toBeGreaterThan(log.indexOf('end n:b1'));
    // the suites after the first two waited for a free job
    expect(log.indexOf('start n:d1')).toBeGreaterThan(log.indexOf('end n:c1'));
    expect(results.flatMap((s) => s.results.map((r) => r.status))).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
  });

  it('runs suites one after another with jobs 1, and tells each step as it happens', async () => {
    const events: string[] = [];
    const call: TestCall = async () => ({ type: 'returned', value: undefined });
    const onEvent = (e: RunEvent): void => {
      events.push(e.type === 'test-end' ? `${e.type} ${e.result.test.id}` : e.type === 'test-start' ? `${e.type} ${e.test.id}` : `${e.type} ${e.suite.name}`);
    };
    await runSuites([suite('a', ['n:a1']), suite('b', ['n:b1'])], { call, jobs: 1, timeoutMs: 0, onEvent });
    expect(events).toEqual([
      'suite-start a',
      'test-start n:a1',
      'test-end n:a1',
      'suite-end a',
      'suite-start b',
      'test-start n:b1',
      'test-end n:b1',
      'suite-end b',
    ]);
  });

  it('judges as runner.lua: false fails, nil passes, an error fails with its message and traceback, a timeout is its own status', async () => {
    const outcomes: Record<string, CallOutcome> = {
      'n:true': { type: 'returned', value: true },
      'n:nil': { type: 'returned', value: undefined },
      'n:zero': { type: 'returned', value: 0 },
      'n:false': { type: 'returned', value: false },
      // Lua strings are bytes: the report reads them as UTF-8
      'n:error': { type: 'failed', message: 't.lua:3: caf\u00c3\u00a9 expected', traceback: 'stack traceback:\n\tt.lua:3: in main chunk' },
      'n:slow': { type: 'timeout' },
    };
    const seen: number[] = [];
    const call: TestCall = async (t, { timeoutMs }) => {
      seen.push(timeoutMs);
      return outcomes[t.id]!;
    };
    const [s] = await runSuites([suite('s', Object.keys(outcomes))], { call, jobs: 1, timeoutMs: 250 });
    expect(seen.every((ms) => ms === 250)).toBe(true);
    expect(s!.results.map((r) => [r.test.name, r.status, r.message, r.traceback])).toEqual([
      ['true', 'passed', undefined, undefined],
      ['nil', 'passed', undefined, undefined],
      ['zero', 'passed', undefined, undefined],
      ['false', 'failed', 'test returned false', undefined],
      ['error', 'failed', 't.lua:3: café expected', 'stack traceback:\n\tt.lua:3: in main chunk'],
      ['slow', 'timeout', 'timed out after 250ms', undefined],
    ]);
  });

  it('measures each test and suite with the clock it is given', async () => {
    let t = 0;
    const call: TestCall = async () => {
      t += 7;
      return { type: 'returned', value: true };
    };
    const [s] = await runSuites([suite('s', ['n:a', 'n:b'])], { call, jobs: 3, timeoutMs: 0, now: () => t });
    expect(s!.results.map((r) => r.durationMs)).toEqual([7, 7]);
    expect(s!.durationMs).toBe(14);
  });
});
