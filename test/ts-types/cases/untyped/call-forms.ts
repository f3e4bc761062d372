import * as time from "time";
import * as logger from "logger";
import * as json from "json";
import * as funcs from "funcs";
import * as crypto from "crypto";
import * as text from "text";
import * as expr from "expr";
import * as system from "system";
import * as store from "store";

// The sample tstl-call-forms.test.ts transpiles: one call of each calling convention the declarations describe.
// Module functions and the process globals are called with `.`, objects' methods with `:`.
export function main(): void {
  const [pid, err] = process.spawn("app:worker", "app:processes", 1);
  if (err) error(err.kind());
  process.registry.register("main");
  const inbox = process.inbox();
  const [msg] = inbox.receive();
  if (msg) print(msg.topic(), msg.from());
  const ch = channel.new<number>(4);
  ch.send(1);
  channel.select([inbox.case_receive(), ch.case_receive()]);
  process.with_context({ trace: "abc" }).with_name("w").spawn("app:w", "app:processes");
  logger.named("main").info("started", { pid });
  print(time.now().add("1s").format(time.RFC3339));
  const [encoded] = json.encode({ a: 1 });
  funcs.new().with_options({ timeout: 10 });
  const [bytes] = crypto.random.bytes(8);
  const [differ] = text.diff.new();
  const [re] = text.regexp.compile("a+");
  const [two] = expr.eval("1 + 1");
  const [stats] = system.memory.stats();
  print(encoded, bytes, differ, re?.match_string("aa"), two, stats);
  const [s] = store.get("app:cache");
  s?.get("k");
  print(errors.new("x").message(), payload.new(1).data(), os.platform);
  coroutine.spawn(() => print("task"));
}
