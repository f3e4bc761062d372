// The key-value server: each inbox message is a request {op, key, value, reply}; the answer goes back to the
// sender on the request's reply topic. It stops on CANCEL and returns its size.
export function main(): number {
  const store = new LuaMap<string, number>();
  let size = 0;
  const inbox = process.inbox();
  const events = process.events();
  while (true) {
    const r = channel.select([inbox.case_receive(), events.case_receive()]);
    if (isCaseOf(r, events)) {
      if (r.value?.kind === process.event.CANCEL) return size;
    } else if (r.value !== undefined && isTopic(r.value, "request")) {
      const msg = r.value;
      const req = msg.payload().data();
      process.send(msg.from(), req.reply, answer(req));
    }
  }

  function answer(req: KvRequest): KvReply {
    const key = req.key ?? "";
    switch (req.op) {
      case "put":
        if (!store.has(key)) size++;
        store.set(key, req.value ?? 0);
        return { ok: true };
      case "get":
        return { ok: store.has(key), value: store.get(key) };
      case "delete": {
        const had = store.has(key);
        if (had) size--;
        store.delete(key);
        return { ok: had };
      }
      case "size":
        return { ok: true, value: size };
      default:
        return { ok: false, error: `unknown op ${tostring(req.op)}` };
    }
  }
}

/** Narrows select's result (a union over its cases) to the case of `ch`: comparing `r.channel` alone does not. */
function isCaseOf<T>(r: { readonly channel?: unknown }, ch: Channel<T>): r is Moonforge.SelectResult<Moonforge.SelectCase<T>> {
  return r.channel === ch;
}

/** Narrows an inbox message (a union over the declared topics) to one topic: comparing `msg.topic()` alone does not. */
function isTopic<K extends Moonforge.TopicName>(msg: Moonforge.InboxMessage, topic: K): msg is Extract<Moonforge.InboxMessage, { topic(): K }> {
  return msg.topic() === topic;
}
