// The app's message contracts (typed topics): process.send and a message's payload().data() are checked against
// them, so `process.send("pong", "ping", "one")` is a type error.
declare namespace Moonforge {
  interface Topics {
    /** main → pong: the round number */
    ping: number;
    /** pong → main: the same number back */
    pong: number;
  }
}
