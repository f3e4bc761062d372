// Spawns "pong" under a registered name and plays `rounds` rounds with it (0: forever, one round a second).
import * as time from "time";

export function main(roundsArg?: string): void {
  const rounds = tonumber(roundsArg) ?? 3;
  process.with_options({}).with_name("pong").spawn_linked("app:pong", "app:processes");
  const [pongPid] = process.registry.lookup("pong");
  print(`pong is registered as ${pongPid !== undefined ? "pong" : "?"}`);

  const inbox = process.inbox();
  const events = process.events();
  for (let i = 1; rounds === 0 || i <= rounds; i++) {
    process.send("pong", "ping", i);
    const r = channel.select([inbox.case_receive(), events.case_receive()]);
    if (isCaseOf(r, events)) {
      if (r.value?.kind === process.event.CANCEL) {
        print(`main: cancelled after ${i - 1} rounds`);
        return;
      }
    } else if (r.value !== undefined) {
      const msg = r.value;
      const from = msg.from() === pongPid ? "pong" : msg.from();
      print(`round ${i}: ${msg.topic()} ${msg.payload().data()} from ${from}`);
    }
    if (rounds === 0) time.sleep("1s");
  }
}

/** Narrows select's result (a union over its cases) to the case of `ch`: comparing `r.channel` alone does not. */
function isCaseOf<T>(r: { readonly channel?: unknown }, ch: Channel<T>): r is Moonforge.SelectResult<Moonforge.SelectCase<T>> {
  return r.channel === ch;
}
