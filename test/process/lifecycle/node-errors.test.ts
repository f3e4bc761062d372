// Errors the node makes for a process (node.ts makeError: "process terminated", "linked process failed") carry no
// Lua frames, as in Wippy where Go makes them; the terminator's own stack is not attributed to its victim.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('node-made errors', () => {
  it('a terminated process reports kind Internal, its message, and no call stack', async () => {
    const { lines } = await runBodies(
      `
      local events = process.events()
      local pid = process.spawn_monitored("app:sleeper", "app:processes")
      local function kill() return process.terminate(pid) end
      print(kill())
      local ev = events:receive()
      local err = ev.result.error
      print(ev.kind, err:kind(), err:message(), errors.call_stack(err), err:stack())
      `,
      { 'app:sleeper': 'time.sleep("1h")' },
    );
    expect(lines).toEqual(['true', 'pid.exit\tInternal\tprocess terminated\tnil\t']);
  });
});
