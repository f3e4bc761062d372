// Value-or-error tuples narrow: after the `err` test the value is defined, before it is not.
export function spawnAndTell(): void {
  const [pid, err] = process.spawn("app:worker", "app:processes", 1);
  // @ts-expect-error TS2345 pid may be nil until err is tested
  process.monitor(pid);
  if (err) {
    print(err.kind(), err.message());
    return;
  }
  const [ok] = process.monitor(pid);
  const same: true | undefined = ok;
  print(same);
}

export function receiveUntilClosed(ch: Channel<number>): number {
  let sum = 0;
  for (;;) {
    const [v, ok] = ch.receive();
    // @ts-expect-error TS18048 v may be nil until ok is tested
    sum += v;
    if (!ok) break;
    sum += v;
  }
  return sum;
}

export function exitOrCancel(): void {
  const [ev, ok] = process.events().receive();
  if (!ok) return;
  if (ev.kind === process.event.EXIT) {
    print(ev.from, ev.result.error);
    // @ts-expect-error TS2339 an EXIT event has no reason
    print(ev.reason);
  } else if (ev.kind === process.event.CANCEL) {
    print(ev.reason);
  }
}

export function select(ch: Channel<string>): void {
  const inbox = process.inbox();
  const r = channel.select([inbox.case_receive(), ch.case_receive()]);
  if (r.ok && r.channel === ch) print(r.value);
  const d = channel.select([ch.case_receive()], true);
  if (d.default) return;
  // @ts-expect-error TS2322 without a default, select never answers default
  const never: true = channel.select([ch.case_receive()]).default;
  print(never);
}

