// Hands `count` jobs to `size` workers and restarts the workers that crash, resending their job.
import * as jobs from "./jobs";

export function main(countArg?: string, sizeArg?: string): void {
  const count = tonumber(countArg) ?? 8;
  const size = tonumber(sizeArg) ?? 3;
  const busy = new LuaMap<Pid, Job>(); // pid -> job it works on
  const idle: Pid[] = []; // pids waiting for work
  const index = new LuaMap<Pid, number>(); // pid -> worker number
  const queue: Job[] = [];
  for (let n = 1; n <= count; n++) queue.push(jobs.newJob(n));
  const results = new LuaMap<number, number>();
  let done = 0;
  let restarts = 0;

  function startWorker(i: number): void {
    const [pid, err] = process.spawn_monitored("app:worker", "app:processes", i);
    if (err !== undefined) throw err;
    index.set(pid, i);
    idle.push(pid);
  }
  function dispatch(): void {
    while (idle.length > 0 && queue.length > 0) {
      const pid = idle.shift()!;
      const job = queue.shift()!;
      busy.set(pid, job);
      process.send(pid, "job", job);
    }
  }

  for (let i = 1; i <= size; i++) startWorker(i);
  dispatch();
  const inbox = process.inbox();
  const events = process.events();
  while (done < count) {
    const r = channel.select([inbox.case_receive(), events.case_receive()]);
    if (isCaseOf(r, inbox)) {
      const msg = r.value;
      if (msg !== undefined && isTopic(msg, "done")) {
        const res = msg.payload().data();
        const pid = msg.from() as Pid; // a worker's: only host code sends with no pid
        results.set(res.n, res.value);
        done++;
        busy.delete(pid);
        idle.push(pid);
      }
    } else if (r.value?.kind === process.event.EXIT) {
      const pid = r.value.from;
      const job = busy.get(pid);
      busy.delete(pid);
      if (r.value.result.error !== undefined) {
        restarts++;
        print(`worker ${index.get(pid)} crashed (${tostring(r.value.result.error)}); restarting it`);
        if (job !== undefined) {
          job.attempt++;
          queue.unshift(job);
        }
        startWorker(index.get(pid)!);
      }
    }
    dispatch();
  }

  let sum = 0;
  for (let n = 1; n <= count; n++) sum += results.get(n)!;
  print(`${count} jobs done by ${size} workers, ${restarts} restarts, sum of squares ${sum}`);
}

/** Narrows select's result (a union over its cases) to the case of `ch`: comparing `r.channel` alone does not. */
function isCaseOf<T>(r: { readonly channel?: unknown }, ch: Channel<T>): r is Moonforge.SelectResult<Moonforge.SelectCase<T>> {
  return r.channel === ch;
}

/** Narrows an inbox message (a union over the declared topics) to one topic: comparing `msg.topic()` alone does not. */
function isTopic<K extends Moonforge.TopicName>(msg: Moonforge.InboxMessage, topic: K): msg is Extract<Moonforge.InboxMessage, { topic(): K }> {
  return msg.topic() === topic;
}
