// Pid text as Wippy prints it: PID.String() is `{node@host|uniq}` with the `node@` part only when set
// (wippyai/runtime api/pid/pid.go), a standalone node's "local" is left out (boot/components/core/infrastructure.go
// PIDGen), and the uniq id is a counter in hex with at least five digits, then six, eight, sixteen
// (internal/uniqid/uniq_id.go Generate) -- `{app:terminal|0x00001}` in Wippy's examples (docs en/tutorials/cli.md).
// Pids are made from cached char codes (node.ts pidText): the text must hold across the digit boundaries and a
// change of host.
import { describe, expect, it } from 'vitest';
import { makeApp, entry, runMain } from '../support/process-harness.js';

describe('pid text', () => {
  it('five hex digits, then six, eight, sixteen; a new host gets its own prefix; no node part on a local node', async () => {
    const app = await makeApp({ 'app:idle': entry('return 1') });
    app.rt.hosts.add('app:other');
    const counter = (n: number): void => {
      (app.rt.node as unknown as { counter: number }).counter = n;
    };
    const spawn = (host = 'app:processes'): string => app.rt.spawn('app:idle', host).pid;
    const pids = [spawn(), spawn()];
    counter(0xabcde);
    pids.push(spawn('app:other'));
    counter(0xffffe);
    pids.push(spawn(), spawn());
    counter(0xfffffe);
    pids.push(spawn(), spawn());
    counter(0xfffffffe);
    pids.push(spawn(), spawn());
    expect(pids).toEqual([
      '{app:processes|0x00001}',
      '{app:processes|0x00002}',
      '{app:other|0xabcdf}',
      '{app:processes|0xfffff}',
      '{app:processes|0x100000}',
      '{app:processes|0xffffff}',
      '{app:processes|0x01000000}',
      '{app:processes|0xffffffff}',
      '{app:processes|0x0000000100000000}',
    ]);
    app.settle();
  });

  it('tostring(process.pid()) in a process reads the same', async () => {
    const { exit } = await runMain({ 'app:main': entry('return tostring(process.pid())') }, 'app:main');
    expect(exit?.value).toBe('{app:processes|0x00001}');
  });
});
