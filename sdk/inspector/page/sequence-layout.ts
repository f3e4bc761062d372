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

/** The processes of the last `limit` messages, most active first, at most `max` of them. */
export function busiestPids(timeline: readonly TimelineItem[], limit: number, max: number): string[] {
  const count = new Map<string, number>();
  for (const t of timeline.slice(-limit)) {
    if (t.kind !== 'message') continue;
    for (const pid of [t.from, t.to]) if (pid) count.set(pid, (count.get(pid) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, max).map(([pid]) => pid);
}

/** The rows between `pids` among the last `limit` of them: messages with both ends chosen, their spawns and exits. */
export function layoutSequence(timeline: readonly TimelineItem[], pids: readonly string[], limit: number): SequenceLayout {
  const chosen = new Set(pids);
  const items = timeline
    .filter((t) => {
      if (t.kind === 'message') return t.from !== null && chosen.has(t.from) && chosen.has(t.to);
      if (t.kind === 'spawn') return chosen.has(t.pid);
      return chosen.has(t.pid);
    })
    .slice(-limit);
  // Items arrive in the node's order; a message numbered by the node and a spawn numbered by the page agree with it.
  items.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const lifelines = pids.map((pid, i) => ({ pid, x: LANE_W / 2 + i * LANE_W }));
  const xOf = new Map(lifelines.map((l) => [l.pid, l.x]));
  const t0 = items[0]?.at ?? 0;
  const rows = items.map((item, i): SequenceRow => {
    const y = HEAD_H + ROW_H / 2 + i * ROW_H;
    if (item.kind === 'message') return { item, y, x1: xOf.get(item.from!)!, x2: xOf.get(item.to)!, dt: item.at - t0 };
    const x = xOf.get(item.pid)!;
    // A spawn whose parent is on the page is an arrow from it to the child's lifeline.
    const x1 = item.kind === 'spawn' && item.parent !== null && xOf.has(item.parent) ? xOf.get(item.parent)! : x;
    return { item, y, x1, x2: x, dt: item.at - t0 };
  });
  return { width: Math.max(lifelines.length, 1) * LANE_W, height: HEAD_H + rows.length * ROW_H + ROW_H, lifelines, rows };
}
