// A worker: takes "job" messages from its inbox and answers the coordinator with "done".
import * as jobs from "./jobs";

export function main(index: number): void {
  const inbox = process.inbox();
  while (true) {
    const [msg] = inbox.receive();
    if (msg === undefined || !isTopic(msg, "job")) continue;
    const job = msg.payload().data();
    const value = jobs.run(job);
    process.send(msg.from(), "done", { n: job.n, value, worker: index });
  }
}

/** Narrows an inbox message (a union over the declared topics) to one topic: comparing `msg.topic()` alone does not. */
function isTopic<K extends Moonforge.TopicName>(msg: Moonforge.InboxMessage, topic: K): msg is Extract<Moonforge.InboxMessage, { topic(): K }> {
  return msg.topic() === topic;
}
