import { Point } from "./topics";

// process.send is checked against Moonforge.Topics.
export function send(pid: Pid): void {
  process.send(pid, "ping", { round: 1, reply_to: process.pid() });
  process.send(pid, "stop");
  process.send(pid, "with_list", { items: ["a"], tags: new LuaTable() });
  // payloads and error values cross processes (the runtime copies them)
  process.send(pid, "with_payload", { body: payload.new("x"), failure: errors.new("x") });
  // @ts-expect-error TS2322 a payload of the wrong type
  process.send(pid, "with_payload", { body: payload.new(1) });
  // @ts-expect-error TS2322 the wrong type for a field
  process.send(pid, "pong", { round: "1" });
  // @ts-expect-error TS2345 a topic nobody declared
  process.send(pid, "pnog", { round: 1 });
  // @ts-expect-error TS2554 ping needs its payload
  process.send(pid, "ping");
  // @ts-expect-error TS2554 stop carries none
  process.send(pid, "stop", 1);
  // @ts-expect-error TS2322 a function cannot cross processes
  process.send(pid, "with_callback", { done: () => {} });
  // @ts-expect-error TS2741 a channel arrives as nil in another process
  process.send(pid, "with_channel", { replies: channel.new<number>() });
  // @ts-expect-error TS2322 an object with methods (a class instance) cannot cross processes
  process.send(pid, "with_instance", { at: new Point(1, 2) });
  process.with_context({}).with_message("pong", { round: 2 }).spawn("app:w", "app:processes");
  // @ts-expect-error TS2322 with_message is checked too
  process.with_context({}).with_message("pong", { round: true });
}
