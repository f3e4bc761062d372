// The app's message contracts (typed topics): process.send and a message's payload().data() are checked against
// them.

/** A unit of work: its number and how many times it has been tried. */
interface Job {
  n: number;
  attempt: number;
}

declare namespace Moonforge {
  interface Topics {
    /** coordinator → worker */
    job: Job;
    /** worker → coordinator: the job's result */
    done: { n: number; value: number; worker: number };
  }
}
