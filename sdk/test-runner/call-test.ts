// Calling one test as Wippy's runner.lua does, through funcs.call (here the host's callFunction: the same call, made
// by no process): the test runs as a call of its own, and a timeout stops its process.
import { callFunction } from '../../runtime/modules/index.js';
import type { ProcessRuntime } from '../../runtime/process/index.js';
import type { IdleWatch } from './idle.js';
import type { CallOutcome, TestCall } from './model.js';

export function functionTestCall(rt: ProcessRuntime, idle: IdleWatch): TestCall {
  return async (test, { timeoutMs }) => {
    const call = callFunction(rt, test.id, [], timeoutMs > 0 ? { timeoutMs } : {}).then((r): CallOutcome => {
      if (r.ok) return { type: 'returned', value: r.value };
      if (r.timedOut === true) return { type: 'timeout' };
      return { type: 'failed', message: r.message, ...(r.traceback !== undefined ? { traceback: r.traceback } : {}) };
    });
    return idle.orStuck(call, { type: 'failed', message: 'deadlock: the test is blocked and no other work is pending' });
  };
}
