// Issue #10 (isolation): a process's exit value or error table reaches every monitor (EXIT) and every link
// (LINK_DOWN). It was copied once and that one copy went into every event, so two processes watching the same
// child held the same table: one changing `ev.result.value` changed what the other read. Each recipient now gets
// its own copy, as each receiver of a message does (copy.ts).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

// main and app:other both monitor app:child; main changes its result table, then asks other what it sees.
const MAIN = `
  local events = process.events()
  local inbox = process.inbox()
  local child = process.spawn_monitored("app:child", "app:processes")
  local other = process.spawn("app:other", "app:processes")
  process.send(other, "watch", { child = child, main = process.pid() })
  inbox:receive() -- other monitors the child now
  process.send(child, "go", 1)
  local ev = events:receive()
  ev.result.value.n = 99
  process.send(other, "check", 1)
  print("main sees", ev.result.value.n, "other sees", inbox:receive():payload():data())
`;

const OTHERS = {
  'app:child': `
    process.inbox():receive()
    return { n = 1 }`,
  'app:other': `
    local inbox = process.inbox()
    local w = inbox:receive():payload():data()
    process.monitor(w.child)
    process.send(w.main, "ready", 1)
    local ev = process.events():receive()
    inbox:receive() -- "check": main has changed its copy by now
    process.send(w.main, "seen", ev.result.value.n)`,
};

describe('the exit value of a process', () => {
  it('is a table of its own for each monitor', async () => {
    const { lines } = await runBodies(MAIN, OTHERS);
    expect(lines).toEqual(['main sees\t99\tother sees\t1']);
  });
});
