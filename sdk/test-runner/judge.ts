// Pass or fail from how a test call ended, by the rules of Wippy's runner.lua (run_test), which calls each test
// through funcs.call: an error (raised, or returned beside the result: funcs.call's second result) fails, and a first
// result of exactly `false` fails ("test returned false"); anything else passes, `nil` included (most of Wippy's
// tests end with `return true`, some return nothing).
import { fromLuaString } from '../lua-string.js';
import type { CallOutcome, TestStatus } from './model.js';

export interface Verdict {
  status: TestStatus;
  message?: string;
  traceback?: string;
}

export function judge(outcome: CallOutcome, timeoutMs: number): Verdict {
  switch (outcome.type) {
    case 'timeout':
      return { status: 'timeout', message: `timed out after ${timeoutMs}ms` };
    case 'failed':
      // report text is Unicode: Lua's bytes read as UTF-8
      return {
        status: 'failed',
        message: fromLuaString(outcome.message),
        ...(outcome.traceback !== undefined ? { traceback: fromLuaString(outcome.traceback) } : {}),
      };
    case 'returned':
      return outcome.value === false ? { status: 'failed', message: 'test returned false' } : { status: 'passed' };
  }
}
