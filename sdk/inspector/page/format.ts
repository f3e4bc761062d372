// Small text renderings shared by the views.

/** A duration in ms as the views print it: 850 ms, 2.4 s, 3 min. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** How long ago `at` was, against the app's clock `now` (virtual time included). */
export function ago(at: number, now: number): string {
  return `${duration(Math.max(0, now - at))} ago`;
}

/** Messages per second, rounded for a label. */
export function rate(r: number | undefined): string {
  if (!r) return '0/s';
  return r >= 10 ? `${Math.round(r)}/s` : `${r.toFixed(1)}/s`;
}

/** A state with what it waits on: "waiting: inbox". */
export function stateText(state: string, waitingOn?: string | null): string {
  return state === 'waiting' && waitingOn ? `waiting: ${waitingOn}` : state;
}
