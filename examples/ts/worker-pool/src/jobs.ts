// Shared by the coordinator and the workers (a library.lua: it runs once per process).
import * as time from "time";

/** The work itself: slow enough to overlap between workers. */
export function run(job: Job): number {
  time.sleep("10ms");
  // every fourth job is "poisoned" the first time it is tried: the worker crashes on it
  if (job.n % 4 === 0 && job.attempt === 1) {
    error(`poisoned job ${job.n}`);
  }
  return job.n * job.n;
}

export function newJob(n: number): Job {
  return { n, attempt: 1 };
}
