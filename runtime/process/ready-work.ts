// The mark of the scheduler's own turns on the clock. A scheduler turn (running ready processes) is scheduled on the
// injected clock, like a timer, and passes READY_WORK as its state: a clock wrapper can tell it from a sleep or timer
// and run it without waiting for a virtual clock to move (sdk/ready-now.ts), whatever its delay (a batch continued
// after busy processes asks for 1 ms so that a virtual clock's flush() can move past them).
export const READY_WORK: unique symbol = Symbol('ready work');
