import { describe, expect, it } from 'vitest';
import { runMain } from '../../support/process-harness.js';

describe('process basics', () => {
  it('ping-pong by pid over the inbox', async () => {
    const { exit, lines } = await runMain(
      {
        'app:main': {
          source: `
            local function main()
              local pid = process.spawn("app:pong", "app:processes")
              local inbox = process.inbox()
              for i = 1, 3 do
                process.send(pid, "ping", i)
                local msg = inbox:receive()
                print(msg:topic(), msg:payload():data(), msg:from() == pid)
              end
              return "done"
            end
            return { main = main }`,
        },
        'app:pong': {
          source: `
            return { main = function()
              local inbox = process.inbox()
              while true do
                local msg = inbox:receive()
                process.send(msg:from(), "pong", msg:payload():data() * 10)
              end
            end }`,
        },
      },
      'app:main',
    );
    expect(lines).toEqual(['pong\t10\ttrue', 'pong\t20\ttrue', 'pong\t30\ttrue']);
    expect(exit?.error).toBeUndefined();
    expect(exit?.value).toBe('done');
  });
});
