import * as time from "time";
import * as logger from "logger";

// Objects have the methods they really have (called with `:` in Lua); a missing one is an error.
export function methods(): void {
  const inbox = process.inbox();
  // @ts-expect-error TS2551 a typo in a channel method
  inbox.recieve();
  const [msg] = inbox.receive();
  if (msg === undefined) return;
  // @ts-expect-error TS2339 data() belongs to the payload, not the message
  msg.data();
  // @ts-expect-error TS2339 a Time has no add_days
  time.now().add_days(1);
  const later = time.now().add("1s").add(time.SECOND);
  const d: number = later.sub(time.now()).milliseconds();
  // @ts-expect-error TS2339 logger has no trace level
  logger.trace("x");
  logger.named("worker").with({ d }).info("ready", { later: later.format(time.RFC3339) });
  // @ts-expect-error TS2322 message is a method, not a field
  const text: string = errors.new("x").message;
  print(text);
}
