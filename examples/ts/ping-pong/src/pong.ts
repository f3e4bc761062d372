// Answers every "ping" with a "pong" carrying the same number, until it is cancelled.
export function main(): string {
  const inbox = process.inbox();
  const events = process.events();
  while (true) {
    const r = channel.select([inbox.case_receive(), events.case_receive()]);
    if (isCaseOf(r, events)) {
      if (r.value?.kind === process.event.CANCEL) return "pong stopped";
    } else if (r.value !== undefined) {
      const msg = r.value;
      process.send(msg.from(), "pong", msg.payload().data());
    }
  }
}

/** Narrows select's result (a union over its cases) to the case of `ch`: comparing `r.channel` alone does not. */
function isCaseOf<T>(r: { readonly channel?: unknown }, ch: Channel<T>): r is Moonforge.SelectResult<Moonforge.SelectCase<T>> {
  return r.channel === ch;
}
