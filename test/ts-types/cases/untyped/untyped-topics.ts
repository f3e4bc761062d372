import * as json from "json";
import * as funcs from "funcs";

// With no Moonforge.Topics declared, any topic type-checks and payloads are unknown.
export function untyped(pid: Pid): void {
  process.send(pid, "anything", { a: 1 }, 2);
  process.send(pid, "nothing");
  const [ch] = process.listen("anything");
  if (ch === undefined) return;
  const [v] = ch.receive();
  // @ts-expect-error TS18046 an untyped payload is unknown
  print(v.a);
  const [msg] = process.inbox().receive();
  const topic: string | undefined = msg?.topic();
  // @ts-expect-error TS2532 an untyped message may carry no payload
  msg?.payload().data();
  const [text, err] = json.encode({ topic });
  if (err) return;
  const [value] = json.decode(text);
  const [fut] = funcs.async("app:f", value);
  fut?.cancel();
}
