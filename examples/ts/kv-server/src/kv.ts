// Client side of the key-value protocol: call(op, key, value) sends a request with a fresh reply topic and waits
// for the answer on that topic (process.listen), giving up after a timeout.
import * as time from "time";

let seq = 0;

export function call(server: string, op: KvOp, key?: string, value?: number): Moonforge.Result<KvReply> {
  seq++;
  const topic: KvReplyTopic = `kv.reply.${seq}`;
  const [replies, err] = process.listen(topic);
  if (err !== undefined) return $multi(undefined, err);
  process.send(server, "request", { op, key, value, reply: topic });
  const [timeout, timerErr] = time.after("1s");
  if (timerErr !== undefined) return $multi(undefined, timerErr);
  const r = channel.select([replies.case_receive(), timeout.case_receive()]);
  process.unlisten(replies);
  if (!isCaseOf(r, replies) || r.value === undefined) {
    return $multi(undefined, errors.new({ kind: errors.TIMEOUT, message: `kv ${op} timed out` }));
  }
  return $multi(r.value, undefined);
}

/** Narrows select's result (a union over its cases) to the case of `ch`: comparing `r.channel` alone does not. */
function isCaseOf<T>(r: { readonly channel?: unknown }, ch: Channel<T>): r is Moonforge.SelectResult<Moonforge.SelectCase<T>> {
  return r.channel === ch;
}
