// The limits through the embedding API (sdk/embed.ts): createRuntime({ memory, maxProcesses }) reaches the node.
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../sdk/index.js';

describe('embedding API limits', () => {
  it('memory.processMemoryMb stops a growing process with the memory error', async () => {
    const rt = createRuntime({ write: () => {}, memory: { processMemoryMb: 32 } });
    rt.addHost('app:host');
    await rt.register('app:hog', { source: 'return { main = function() local t = {} for i = 1, 1e9 do t[i] = { i } end end }' });
    const exit = await rt.exit(rt.spawn('app:hog', 'app:host'));
    expect(String(exit.error)).toMatch(/process memory limit exceeded \(32 MB\)/);
    await rt.shutdown(10);
  }, 20_000);

  it('maxProcesses refuses a spawn past the limit', async () => {
    const rt = createRuntime({ write: () => {}, maxProcesses: 2 });
    rt.addHost('app:host');
    await rt.register('app:idle', { source: 'return { main = function() process.inbox():receive() end }' });
    await rt.register('app:main', {
      source: `return { main = function()
        local a = process.spawn("app:idle", "app:host")
        local b, err = process.spawn("app:idle", "app:host")
        return tostring(a ~= nil) .. " " .. tostring(b) .. " " .. tostring(err)
      end }`,
    });
    const exit = await rt.exit(rt.spawn('app:main', 'app:host'));
    expect(exit.value).toBe('true nil max processes limit exceeded');
    await rt.shutdown(10);
  }, 20_000);
});
