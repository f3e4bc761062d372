import * as security from "security";
import * as funcs from "funcs";
import * as time from "time";

// Builders chain with `:` and their spawn raises instead of returning an error; futures and timers carry their types.
export function builders(): void {
  const pid: Pid = process.with_context({ trace: "t" }).with_name("w").with_message("hello", 1).spawn("app:w", "app:processes");
  // @ts-expect-error TS2345 with_actor takes an Actor made by the security module
  process.with_options({}).with_actor("admin");
  process.with_options({}).with_actor(security.new_actor("admin")).spawn_monitored("app:w", "app:processes");
  // @ts-expect-error TS2322 a spawner's spawn returns the pid itself (it raises on failure), not a Result
  const failed: LuaMultiReturn<[undefined, WippyError]> = process.with_context({}).spawn("app:w", "app:processes");
  print(pid, failed);

  const [fut, err] = funcs.async("app:price", 3);
  if (err) return;
  const [done, ok] = fut.response().receive();
  if (ok && !errors.is(done, errors.TIMEOUT)) print(done);
  const [res, failure] = fut.result();
  if (failure === undefined && res !== undefined) print(res.data());

  const [timer] = time.timer("1s");
  if (timer === undefined) return;
  const [at] = timer.channel().receive();
  // @ts-expect-error TS2345 time.date takes numbers
  time.date(2026, "12", 1, 0, 0, 0, 0);
  print(at?.year(), time.date(2026, time.DECEMBER, 7, 10, 0, 0, 0, time.utc).weekday() === time.MONDAY);
}
