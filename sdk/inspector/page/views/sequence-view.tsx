// The sequence view: the last messages between the chosen processes as a sequence diagram (sequence-layout.ts).
// With no process chosen it follows the busiest ones of the last messages. Pause freezes what is drawn while the
// stream goes on; with control on and an app in virtual time, step advances the app's clock.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { duration } from '../format.js';
import { findProcess, processLabel, type InspectorState, type TimelineItem } from '../model.js';
import { busiestPids, HEAD_H, LANE_W, layoutSequence } from '../sequence-layout.js';

const ROWS = 40;
/** Room left of the first lifeline for each row's time. */
const GUTTER = 60;

function rowLabel(item: TimelineItem): string {
  if (item.kind === 'message') return item.payload ? `${item.topic} ${item.payload}` : item.topic;
  if (item.kind === 'spawn') return `spawn ${item.entry}`;
  return item.error ? `exit: ${item.error}` : `exit (${item.reason})`;
}

export function SequenceView(props: {
  state: InspectorState;
  chosen: readonly string[];
  onClear: () => void;
  onStep?: () => void;
}) {
  const [frozen, setFrozen] = useState<InspectorState | null>(null);
  const state = frozen ?? props.state;
  const pids = props.chosen.length > 0 ? props.chosen : busiestPids(state.timeline, 200, 4);
  const seq = useMemo(() => layoutSequence(state.timeline, pids, ROWS), [state.timeline, pids.join(' ')]);
  // The newest rows are at the bottom: keep them in sight while the view follows the stream.
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && !frozen) el.scrollTop = el.scrollHeight;
  }, [seq, frozen]);
  return (
    <section class="panel sequence" data-testid="sequence">
      <h2>
        Sequence <small>{props.chosen.length ? 'chosen processes (shift+click in the tree)' : 'busiest processes'}</small>
        <span class="tools">
          <button data-testid="pause" onClick={() => setFrozen(frozen ? null : props.state)}>{frozen ? 'Resume' : 'Pause'}</button>
          {props.onStep && <button data-testid="step" onClick={props.onStep}>Step</button>}
          {props.chosen.length > 0 && <button onClick={props.onClear}>Follow busiest</button>}
        </span>
      </h2>
      <div class="scroll" ref={scroller}>
        {seq.rows.length === 0 ? (
          <p class="empty">No messages between these processes yet.</p>
        ) : (
          <svg width={seq.width + GUTTER} height={seq.height} class="sequence-svg">
            <defs>
              <marker id="seq-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" class="arrow-message" />
              </marker>
            </defs>
            <g transform={`translate(${GUTTER},0)`}>
            {seq.lifelines.map((l) => (
              <g key={l.pid} class="lifeline" data-pid={l.pid}>
                <rect x={l.x - LANE_W / 2 + 8} y="6" width={LANE_W - 16} height={HEAD_H - 16} rx="5" />
                <text x={l.x} y={HEAD_H / 2 + 2} text-anchor="middle">{processLabel(findProcess(state, l.pid), l.pid)}</text>
                <line x1={l.x} y1={HEAD_H - 10} x2={l.x} y2={seq.height} />
              </g>
            ))}
            {seq.rows.map((r) => {
              const it = r.item;
              const self = r.x1 === r.x2;
              const label = rowLabel(it);
              return (
                <g key={`${it.kind} ${it.seq}`} class={`row row-${it.kind}${it.kind === 'exit' && it.error ? ' row-error' : ''}`}
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
        )}
      </div>
    </section>
  );
}
