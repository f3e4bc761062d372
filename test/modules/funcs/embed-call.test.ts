// EmbeddedRuntime.call: a host program calls a function entry of a loaded app (sdk/embed.ts over callFunction), with
// JS values in and out as for run.
import { describe, expect, it } from 'vitest';
import { createRuntime, LuaProcessError } from '../../../sdk/index.js';
import { functionAppDir } from '../../support/function-app.js';

describe('EmbeddedRuntime.call', () => {
  it('JS arguments in, main\'s first value out; failures and timeouts as values, never a rejection', async () => {
    const dir = functionAppDir('', {
      sum: 'return { main = function(t) local s = 0 for _, v in ipairs(t.xs) do s = s + v end return { total = s, label = t.label } end }',
      fails: 'return { main = function() return nil, errors.new({ kind = errors.INVALID, message = "bad" }) end }',
      slow: 'return { main = function() time.sleep("10s") end }',
    });
    const rt = createRuntime();
    await rt.loadApp(dir);
    expect(await rt.call('app:sum', [{ xs: [1, 2, 3], label: 'héllo' }])).toEqual({ value: { total: 6, label: 'héllo' }, error: undefined });
    const failed = await rt.call('app:fails');
    expect(failed.error).toBeInstanceOf(LuaProcessError);
    expect((failed.error as LuaProcessError).message).toBe('bad');
    expect((await rt.call('app:nothing')).error).toBeInstanceOf(LuaProcessError);
    const slow = await rt.call('app:slow', [], { timeoutMs: 20 });
    expect(slow.timedOut).toBe(true);
    await rt.shutdown(100);
  });
});
