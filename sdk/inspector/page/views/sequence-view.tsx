// The sequence view: the last messages between the chosen processes as a sequence diagram (sequence-layout.ts).
// With no process chosen it follows the busiest ones of the last messages; choosing processes also fetches their
// older messages from the server's ring (/api/messages). Freeze stops the drawing while the stream goes on (the
// app's own pause and step, in virtual time, are in the header).
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MessageInfo } from '../api.js';
import { fetchMessages } from '../connection.js';
import { duration } from '../format.js';
import { findProcess, processLabel, withHistory, type InspectorState, type TimelineItem } from '../model.js';
import { busiestPids, HEAD_H, LANE_W, layoutSequence } from '../sequence-layout.js';

const ROWS = 40;
/** Room left of the first lifeline for each row's time. */
const GUTTER = 60;

function rowLabel(item: TimelineItem): string {
  if (item.kind === 'message') return item.payload ? `${item.topic} ${item.payload}` : item.topic;
  if (item.kind === 'spawn') return `spawn ${item.entry}`;
  if (item.kind === 'signal') return item.reason ? `${item.signal}: ${item.reason}` : item.signal;
  return item.error ? `exit: ${item.error}` : `exit (${item.reason})`;
}

function isError(item: TimelineItem): boolean {
  return (item.kind === 'exit' && item.error !== null) || item.kind === 'signal';
}

export function SequenceView(props: { state: InspectorState; chosen: readonly string[]; onClear: () => void }) {
  const [frozen, setFrozen] = useState<InspectorState | null>(null);
  const [history, setHistory] = useState<{ key: string; messages: MessageInfo[] }>({ key: '', messages: [] });
  const state = frozen ?? props.state;
  const key = props.chosen.join(',');
  useEffect(() => {
    if (!key) return;
    let gone = false;
    fetchMessages(props.chosen, ROWS).then((messages) => { if (!gone) setHistory({ key, messages }); }, () => {});
    return () => { gone = true; };
  }, [key]);
  const pids = props.chosen.length > 0 ? props.chosen : busiestPids(state.timeline, 200, 4);
  const seq = useMemo(() => {
    const timeline = history.key === key && key ? withHistory(state.timeline, history.messages) : state.timeline;
    return layoutSequence(timeline, pids, ROWS);
  }, [state.timeline, history, pids.join(' ')]);
  return (
    <section class="panel sequence" data-testid="sequence">
      <h2>
        Sequence <small>{props.chosen.length ? 'chosen processes (shift+click in the tree)' : 'busiest processes'}</small>
        <span class="tools">
          {state.skipped > 0 && <span class="muted" title="more messages than the stream carries at once; they are in /api/messages">{state.skipped} not streamed</span>}
          <button data-testid="freeze" onClick={() => setFrozen(frozen ? null : props.state)}>{frozen ? 'Follow' : 'Freeze'}</button>
          {props.chosen.length > 0 && <button onClick={props.onClear}>Follow busiest</button>}
        </span>
      </h2>
      {/* The newest rows are at the bottom, kept in sight by the scroller's CSS (.sequence .scroll, anchored at its
          end), not by setting scrollTop after each render: that read forced a layout of the page at every update */}
      <div class="scroll">
        <div>
          {seq.rows.length === 0 ? (
            <p class="empty">No messages between these processes yet.</p>
          ) : (
            <>
              {/* the lifelines' heads stay in sight (sticky) while the rows scroll under them */}
              <div class="sequence-head">
                <svg width={seq.width + GUTTER} height={HEAD_H}>
                  <g transform={`translate(${GUTTER},0)`}>
                    {seq.lifelines.map((l) => (
                      <g key={l.pid} class="lifeline" data-pid={l.pid}>
                        <rect x={l.x - LANE_W / 2 + 8} y="6" width={LANE_W - 16} height={HEAD_H - 16} rx="5" />
                        <text x={l.x} y={HEAD_H / 2 + 2} text-anchor="middle">{processLabel(findProcess(state, l.pid), l.pid)}</text>
                      </g>
                    ))}
                  </g>
                </svg>
              </div>
              <svg width={seq.width + GUTTER} height={seq.height - HEAD_H} class="sequence-svg">
                <defs>
                  <marker id="seq-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                    <path d="M0,0 L8,4 L0,8 z" class="arrow-message" />
                  </marker>
                </defs>
                <g transform={`translate(${GUTTER},${-HEAD_H})`}>
                  {seq.lifelines.map((l) => (
                    <line key={l.pid} class="lifeline-line" x1={l.x} y1={HEAD_H} x2={l.x} y2={seq.height} />
                  ))}
                  {seq.rows.map((r, i) => {
                    const it = r.item;
                    const self = r.x1 === r.x2;
                    const label = rowLabel(it);
                    return (
                      // keyed by place, not by message: as the rows move up at each update, preact changes the
                      // texts and ends of the 40 rows in place instead of making and dropping elements
                      <g key={i} class={`row row-${it.kind}${isError(it) ? ' row-error' : ''}`}
                        data-kind={it.kind} data-topic={it.kind === 'message' ? it.topic : undefined}>
                        <text x={-GUTTER + 4} y={r.y + 4} class="row-time">{duration(r.dt)}</text>
                        {self ? (
                          <circle cx={r.x1} cy={r.y} r="5" />
                        ) : (
                          <line x1={r.x1} y1={r.y} x2={r.x2 + (r.x2 > r.x1 ? -3 : 3)} y2={r.y} marker-end="url(#seq-arrow)" />
                        )}
                        <text x={self ? r.x1 + 9 : (r.x1 + r.x2) / 2} y={self ? r.y + 4 : r.y - 5} text-anchor={self ? 'start' : 'middle'} class="row-label">
                          {label.length > 40 ? `${label.slice(0, 39)}…` : label}
                        </text>
                      </g>
                    );
                  })}
                </g>
              </svg>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
