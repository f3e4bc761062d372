// Memory limits (issue #10, runtime/process/memory-guard.ts): a process growing a table without bound is stopped with
// a Lua error of its own — its monitor gets EXIT with it, a linked process LINK_DOWN — while every other process goes
// on; spawns past a process limit fail as in Wippy (system/scheduler/actor/scheduler.go Submit returns
// ErrMaxProcessesExceeded, "max processes limit exceeded", kind LimitExceeded: api/process/errors.go).
import { describe, expect, it } from 'vitest';
import { entry, runBodies, runMain } from '../../support/process-harness.js';

/** The monitor's side: spawns app:hog monitored and app:bystander, prints what EXIT says and the bystander's count. */
const monitorBody = `
  local ev = process.events()
  local by = process.spawn("app:bystander", "app:processes", process.pid())
  process.spawn_monitored("app:hog", "app:processes")
  local e = ev:receive()
  print(e.kind, e.result.error:kind(), e.result.error:message())
  process.send(by, "stop", { 1, 2, 3 })
  print(process.inbox():receive():payload():data() > 0)
`;

/** Another process, which must still answer after the hog is stopped. */
const bystander = `
  local parent = ...
  local m = process.inbox():receive()
  process.send(parent, "count", #m:payload():data())
`;

describe('process memory limit', () => {
  it('a process growing a table without bound dies with the memory error; its monitor gets EXIT, others go on', async () => {
    const { lines, exit } = await runBodies(
      monitorBody,
      {
        'app:hog': `
          local t, i = {}, 0
          while true do i = i + 1 t[i] = { i, tostring(i) } end`,
        'app:bystander': bystander,
      },
      undefined,
      ['time', 'ctx'],
      { memory: { processMemoryMb: 32 } },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['pid.exit\tLimitExceeded\tprocess memory limit exceeded (32 MB)', 'true']);
  }, 20_000);

  it('a process that only makes garbage is not charged with it', async () => {
    const { lines } = await runBodies(
      `
      local s = 0
      for i = 1, 2000000 do local t = { i, i } s = s + #t end
      for i = 1, 200000 do local x = ("x"):rep(100) .. i s = s + #x end
      print(s > 0)`,
      {},
      undefined,
      ['time', 'ctx'],
      { memory: { processMemoryMb: 32 } },
    );
    expect(lines).toEqual(['true']);
  }, 20_000);

  it('spawns past max processes fail with "max processes limit exceeded", and the bomb ends as its own error', async () => {
    const { lines, exit } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:bomb", "app:processes")
      local e = ev:receive()
      print(e.result.error:kind(), e.result.error:message())
      print(process.spawn("app:idle", "app:processes") ~= nil) -- the bomb's place, freed by its exit
      print(process.spawn("app:idle", "app:processes"))`,
      {
        'app:bomb': `
          while true do
            local pid, err = process.spawn("app:idle", "app:processes")
            if not pid then error(err) end
          end`,
        'app:idle': `process.inbox():receive()`,
      },
      undefined,
      ['time', 'ctx'],
      { maxProcesses: 1000 },
    );
    expect(exit?.error).toBeUndefined();
    // error(err) raises the error value itself, so its message carries no position
    expect(lines[0]).toBe('LimitExceeded\tmax processes limit exceeded');
    // the bomb's 998 children still hold their places: the limit stays in force for everyone
    expect(lines.slice(1)).toEqual(['true', 'nil\tmax processes limit exceeded']);
  }, 20_000);
});

describe('process memory limit in code that cannot give way', () => {
  it("a chunk's top level growing a table under pcall is stopped through the budget backstop", async () => {
    // A chunk runs to completion when loaded (plain code: it cannot give way), so its slice never ends; the budget
    // backstop calls memoryCheck, and the error it raises passes pcall (FatalLuaError).
    const { lines, exit } = await runMain(
      {
        'app:main': entry(monitorBody),
        'app:hog': {
          source: `
            while true do pcall(function() local t = {} for i = 1, 1e9 do t[i] = { i } end end) end
            return { main = function() end }`,
        },
        'app:bystander': entry(bystander),
      },
      'app:main',
      [],
      undefined,
      { memory: { processMemoryMb: 32 } },
    );
    expect(exit?.error).toBeUndefined();
    // (under vitest, library errors of process tests carry no `chunk:line:` position; the CLI case has it)
    expect(lines[0]).toMatch(/^pid\.exit\t\t.*process memory limit exceeded \(32 MB\)$/);
    expect(lines[1]).toBe('true');
  }, 20_000);

  it('big strings made where nothing can give way bring the memory check (chargeBig)', async () => {
    // a 16 MB string per pass: a budget refill (2000 passes) would be 32 GB, so only the charge of each big value
    // brings the memory check in time
    const { lines } = await runMain(
      {
        'app:main': entry(monitorBody),
        'app:hog': {
          source: `
            while true do
              pcall(function() local t = {} for i = 1, 1e9 do t[i] = string.upper(string.rep("x", 16000000)) end end)
            end
            return { main = function() end }`,
        },
        'app:bystander': entry(bystander),
      },
      'app:main',
      [],
      undefined,
      { memory: { processMemoryMb: 32 } },
    );
    expect(lines[0]).toMatch(/^pid\.exit\t\t.*process memory limit exceeded \(32 MB\)$/);
    expect(lines[1]).toBe('true');
  }, 20_000);
});
