// Pids are made from cached char codes (node.ts newPid): the text must stay `{node@host|0xNNNNN}` with at least five
// lower-case hex digits, across the five-to-six digit boundary and a change of host.
import { describe, expect, it } from 'vitest';
import { makeApp, entry } from '../support/process-harness.js';

describe('pid text', () => {
  it('five hex digits, then six; a new host gets its own prefix', async () => {
    const app = await makeApp({ 'app:idle': entry('return 1') });
    app.rt.hosts.add('app:other');
    const pids = [app.rt.spawn('app:idle', 'app:processes').pid, app.rt.spawn('app:idle', 'app:processes').pid];
    (app.rt.node as unknown as { counter: number }).counter = 0xabcde;
    pids.push(app.rt.spawn('app:idle', 'app:other').pid);
    (app.rt.node as unknown as { counter: number }).counter = 0xffffe;
    pids.push(app.rt.spawn('app:idle', 'app:processes').pid, app.rt.spawn('app:idle', 'app:processes').pid);
    expect(pids).toEqual([
      '{local@app:processes|0x00001}',
      '{local@app:processes|0x00002}',
      '{local@app:other|0xabcdf}',
      '{local@app:processes|0xfffff}',
      '{local@app:processes|0x100000}',
    ]);
    app.settle();
  });
});
