// How the processes a host spawned ended, kept for a while after they are gone: `await rt.exit(pid)` asked after the
// process already finished (it ran to its end between the host's spawn and its call) answers with that result instead
// of "process not found". Bounded: the oldest records are dropped first, so a long-running host does not grow.
import type { ProcessExit } from './embed.js';

/** Records kept by default. */
export const RECENT_EXITS = 1024;

export class RecentExits {
  private readonly exits = new Map<string, ProcessExit>();
  constructor(private readonly limit = RECENT_EXITS) {}

  record(exit: ProcessExit): void {
    if (this.limit <= 0) return;
    if (this.exits.size >= this.limit) this.exits.delete(this.exits.keys().next().value!);
    this.exits.set(exit.pid, exit);
  }

  get(pid: string): ProcessExit | undefined {
    return this.exits.get(pid);
  }
}
