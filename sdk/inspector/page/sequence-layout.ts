// The sequence view's geometry: one lifeline per chosen process, one row per message between them (or per spawn or
// exit of one of them) in the order the node saw them, so that a ping-pong, a request and its reply, or a crash
// cascade reads top to bottom. Pure, so test/inspector-page/ checks the order and the arrows without a browser.
import type { TimelineItem } from './model.js';

export const LANE_W = 150;
export const ROW_H = 30;
export const HEAD_H = 44;

export interface Lifeline { pid: string; x: number }

export interface SequenceRow {
  item: TimelineItem;
  y: number;
  /** x of the arrow's tail and head; equal for a spawn or exit drawn on one lifeline. */
  x1: number;
  x2: number;
  /** Time since the first row shown, in ms. */
  dt: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  lifelines: Lifeline[];
  rows: SequenceRow[];
}

/**
 * The `max` processes with the most messages among the last `limit`, in pid text order (host, then spawn order), so
 * that lifelines keep their places while the counts change.
 */
export function busiestPids(timeline: readonly TimelineItem[], limit: number, max: number): string[] {
  const count = new Map<string, number>();
  for (const t of timeline.slice(-limit)) {
    if (t.kind !== 'message') continue;
    for (const pid of [t.from, t.to]) if (pid) count.set(pid, (count.get(pid) ?? 0) + 1);
  }
  const top = [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, max).map(([pid]) => pid);
  return top.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The rows between `pids` among the last `limit` of them: messages with both ends chosen, their spawns, exits,
 * cancels and terminations (an arrow from the sender when it is chosen, a dot on the lifeline when not).
 */
export function layoutSequence(timeline: readonly TimelineItem[], pids: readonly string[], limit: number): SequenceLayout {
  const chosen = new Set(pids);
  const items = timeline
    .filter((t) => {
      if (t.kind === 'message') return t.from !== null && chosen.has(t.from) && chosen.has(t.to);
      if (t.kind === 'signal') return chosen.has(t.to);
      return chosen.has(t.pid);
    })
    .slice(-limit);
  // The server numbers every event and message from one counter: seq is the order the node saw them in.
  items.sort((a, b) => a.seq - b.seq);
  const lifelines = pids.map((pid, i) => ({ pid, x: LANE_W / 2 + i * LANE_W }));
  const xOf = new Map(lifelines.map((l) => [l.pid, l.x]));
  const t0 = items[0]?.at ?? 0;
  const rows = items.map((item, i): SequenceRow => {
    const y = HEAD_H + ROW_H / 2 + i * ROW_H;
    const dt = item.at - t0;
    if (item.kind === 'message') return { item, y, x1: xOf.get(item.from!)!, x2: xOf.get(item.to)!, dt };
    const target = item.kind === 'signal' ? item.to : item.pid;
    const source = item.kind === 'signal' ? item.from : item.kind === 'spawn' ? item.parent : null;
    const x = xOf.get(target)!;
    // A spawn whose parent, or a signal whose sender, is on the page is an arrow from it.
    return { item, y, x1: source !== null && xOf.has(source) ? xOf.get(source)! : x, x2: x, dt };
  });
  return { width: Math.max(lifelines.length, 1) * LANE_W, height: HEAD_H + rows.length * ROW_H + ROW_H, lifelines, rows };
}
