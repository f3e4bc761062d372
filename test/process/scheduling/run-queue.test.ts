// The scheduler's run queue is a ring buffer that doubles when full and is given back after a burst
// (scheduler.ts): tasks still run in FIFO order across growth and wrap-around, and the idle flag follows the queue.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('run queue (ring buffer)', () => {
  it('runs 3000 freshly spawned processes in spawn order (the ring grows past its 1024 slots)', async () => {
    const { lines, exit, app } = await runBodies(
      `
      local me = process.pid()
      for i = 1, 3000 do process.spawn("app:child", "app:processes", me, i) end
      local inbox = process.inbox()
      local inorder, last = true, 0
      for i = 1, 3000 do
        local n = inbox:receive():payload():data()
        if n ~= last + 1 then inorder = false end
        last = n
      end
      print(inorder, last)
      `,
      { 'app:child': 'local parent, i = ...\nprocess.send(parent, "i", i)' },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\t3000']);
    expect(app.rt.node.sched.idle).toBe(true);
  });

  it('keeps FIFO order while the head wraps around (many short rounds of coroutine tasks)', async () => {
    const { lines } = await runBodies(`
      local order = {}
      for round = 1, 5 do
        for i = 1, 700 do coroutine.spawn(function() order[#order + 1] = round * 1000 + i end) end
        time.sleep("1ms")
      end
      local ok = #order == 3500
      for k = 2, #order do if order[k] <= order[k - 1] then ok = false end end
      print(ok, #order)
    `);
    expect(lines).toEqual(['true\t3500']);
  });
});
