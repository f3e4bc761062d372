// Error values are taken as strings wherever go-lua takes a string argument: its CheckString accepts what
// LVCanConvToString does -- strings, numbers and *Error (wippyai/go-lua value.go, auxlib.go CheckString reading the
// error's String(), its message) -- and table.concat asks LVCanConvToString too (tablelib.go tableConcat). Wippy's
// own process tests rely on it: tests/app/src/test/process/cancel_delivery.lua and terminate_cascade.lua look for
// "not found" in the error of a send to a dead pid with string.find(err, ...).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

describe('error values as string arguments', () => {
  it('string functions take an error value as its message', async () => {
    const { lines, exit } = await runBodies(`
      local err = errors.new("thing not found")
      print(string.find(err, "not found"))
      print(string.len(err), string.upper(err), string.sub(err, 1, 5), string.rep(err, 2))
      print(string.match(err, "(%w+) not"), (string.gsub(err, "thing", "item")), string.byte(err, 1))
      print(string.format("%s / %q / %5.3s", err, err, err))
      for w in string.gmatch(err, "%a+") do io_out = (io_out or "") .. w .. "," end
      print(io_out, table.concat({ "a", err, 1 }, " "))
      -- a wrapped error's String() is its message alone, without the wrap's context (as tostring)
      local wrapped = errors.wrap(err, "while looking")
      print(string.len(wrapped) == string.len(tostring(wrapped)), tostring(wrapped) == string.format("%s", wrapped))
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual([
      '7\t15',
      '15\tTHING NOT FOUND\tthing\tthing not foundthing not found',
      'thing\titem not found\t116',
      'thing not found / "thing not found" /   thi',
      'thing,not,found,\ta thing not found 1',
      'true\ttrue',
    ]);
  });

  it('the error of a send to a dead pid (process/cancel_delivery.lua)', async () => {
    const { lines, exit } = await runBodies(
      `
      local pid = process.spawn("app:quick", "app:processes")
      time.sleep("10ms")
      local ok, err = process.send(pid, "test", "hello")
      print(not ok, string.find(err, "not found") ~= nil, string.len(err) > 0)
    `,
      { 'app:quick': 'return 1' },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\ttrue\ttrue']);
  });

  it('other userdata and tables are still refused, with the Lua wording', async () => {
    const { lines } = await runBodies(`
      print(pcall(string.len, process.inbox()))
      print(pcall(string.find, {}, "x"))
      print(pcall(table.concat, { process.inbox() }))
    `);
    expect(lines).toEqual([
      "false\tbad argument #1 to 'len' (string expected, got userdata)",
      "false\tbad argument #1 to 'find' (string expected, got table)",
      'false\tinvalid value (userdata) at index 1 in table for concat',
    ]);
  });
});
