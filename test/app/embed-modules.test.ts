// The embedding API loads the code of the platform modules a registered entry lists (their code loads only when an
// entry lists them, runtime/modules/index.ts), so an entry registered with `modules: ['json']` runs without an app.
import { describe, expect, it } from 'vitest';
import { createRuntime, VirtualTimeScheduler } from '../../sdk/index.js';

describe('embedding API and platform modules', () => {
  it('an entry registered with modules: [json] can use json', async () => {
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:enc', { source: 'return { main = function() return json.encode({ a = 1 }) end }', modules: ['json'] });
    const done = rt.run('app:enc', 'app:host');
    for (let i = 0; i < 100 && rt.idle === false; i++) time.flush();
    const exit = await done;
    expect(exit.error).toBeUndefined();
    expect(exit.value).toBe('{"a":1}');
  });
});
