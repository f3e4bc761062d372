// What arrives is typed by the topic: listeners, messages, the inbox.
export function receive(): void {
  const [pings] = process.listen("ping");
  if (pings !== undefined) {
    const [p, ok] = pings.receive();
    if (ok) process.send(p.reply_to, "pong", { round: p.round + 1 });
  }
  const [pongs] = process.listen("pong", { message: true });
  if (pongs !== undefined) {
    const [m] = pongs.receive();
    const round: number | undefined = m?.payload().data().round;
    print(round);
  }
  // @ts-expect-error TS2345 listening on an undeclared topic
  process.listen("pnog");
  const [msg, ok] = process.inbox().receive();
  if (!ok) return;
  const topic = msg.topic();
  // @ts-expect-error TS2367 no declared topic is called pnog
  if (topic === "pnog") return;
  if (topic === "stop") return;
  // the inbox message is one of the declared topics: its payload is one of their payload types
  const data = msg.payload()?.data();
  // @ts-expect-error TS2339 round is not a field of every payload
  print(data?.round);
}
