// One send path (issue #11): a message reaches a process the same way whoever sends it, so a host watching a process
// (messages$, a delivery hook) sees every message it is sent. Before, process.send handed a message straight to a
// waiting inbox receiver past the host's tap, while a host's send went the general way and was seen.
import { describe, expect, it } from 'vitest';
import { createRuntime, VirtualTimeScheduler, type ProcessMessage } from '../../../sdk/index.js';

process.env.MOONFORGE_CACHE ??= 'off';

describe('a host sees every message sent to the process it watches', () => {
  it('messages$ of a process blocked on its inbox gets the messages of Lua senders and of the host', async () => {
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {} });
    rt.addHost('app:host');
    await rt.register('app:sink', {
      source: `return { main = function()
        local inbox = process.inbox()
        local got = {}
        for i = 1, 3 do got[i] = inbox:receive():payload():data() end
        return table.concat(got, ",")
      end }`,
    });
    await rt.register('app:sender', {
      source: `return { main = function(to)
        process.send(to, "n", "from lua 1")
        process.send(to, "n", "from lua 2")
      end }`,
    });
    const sink = rt.spawn('app:sink', 'app:host');
    const seen: ProcessMessage[] = [];
    rt.messages$(sink).subscribe((m) => seen.push(m));
    const exit = rt.exit(sink);
    time.flush(); // the sink waits on its inbox: each send below finds a receiver waiting
    rt.spawn('app:sender', 'app:host', sink);
    time.flush();
    rt.send(sink, 'n', 'from host');
    time.flush();
    expect((await exit).value).toBe('from lua 1,from lua 2,from host');
    expect(seen.map((m) => m.data)).toEqual(['from lua 1', 'from lua 2', 'from host']);
  });
});
