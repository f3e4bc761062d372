// The process tree: dagre's placement (tree-layout.ts) drawn as SVG. Parent -> child edges are solid arrows, links
// dashed lines, monitors dotted arrows from the watcher; ended processes stay greyed for a while. A click selects a
// process; shift+click adds it to (or takes it from) the sequence view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { rate, stateText } from '../format.js';
import type { InspectorState } from '../model.js';
import { layoutTree, NODE_H, NODE_W, type Point, type TreeLayout } from '../tree-layout.js';
import { Legend } from './legend.js';

function pathOf(points: Point[]): string {
  if (points.length === 3) {
    const [a, c, b] = points as [Point, Point, Point];
    return `M${a.x},${a.y} Q${c.x},${c.y} ${b.x},${b.y}`;
  }
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The tree's layout, made again only when its shape changes (a process, a parent, a link or a monitor), not on every
 * state or mailbox change, and then no sooner than 4 times as long as the last layout took (at least 250 ms): dagre's
 * cost grows with the tree (hundreds of ms for hundreds of processes on a loaded machine), while the stream flushes
 * several times a second. Boxes show their live state meanwhile; a new process appears with the next layout.
 */
function useLayout(shape: string, compute: () => TreeLayout): TreeLayout {
  const make = () => {
    const t0 = performance.now();
    const layout = compute();
    return { shape, layout, next: performance.now() + Math.max(250, 4 * (performance.now() - t0)) };
  };
  const [done, setDone] = useState(make);
  const latest = useRef(make);
  latest.current = make;
  useEffect(() => {
    if (shape === done.shape) return;
    const timer = setTimeout(() => setDone(latest.current()), Math.max(0, done.next - performance.now()));
    return () => clearTimeout(timer);
  }, [shape, done]);
  return done.layout;
}

function treeShape(state: InspectorState): string {
  const parts: string[] = [];
  for (const p of state.processes.values()) parts.push(`${p.pid}<${p.parent ?? ''}=${p.links?.join(',') ?? ''}~${p.monitors?.join(',') ?? ''}`);
  for (const pid of state.exited.keys()) parts.push(`x${pid}`);
  return parts.join(' ');
}

export function TreeView(props: {
  state: InspectorState;
  selected: string | null;
  sequence: readonly string[];
  onSelect: (pid: string, toSequence: boolean) => void;
}) {
  const { state } = props;
  const placed = useLayout(treeShape(state), () => layoutTree(state.processes.values(), state.exited.values()));
  return (
    <section class="panel tree" data-testid="tree">
      <h2>Processes <small>{state.processes.size} live</small></h2>
      <Legend />
      <div class="scroll">
        <svg width={placed.width} height={placed.height} class="tree-svg">
          <defs>
            <marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" class="arrow-parent" />
            </marker>
            <marker id="arrow-monitor" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L8,4 L0,8 z" class="arrow-monitor" />
            </marker>
          </defs>
          {placed.edges.map((e) => (
            <path
              key={`${e.kind} ${e.from} ${e.to}`}
              d={pathOf(e.points)}
              class={`edge edge-${e.kind}`}
              data-edge={e.kind}
              data-from={e.from}
              data-to={e.to}
              marker-end={e.kind === 'parent' ? 'url(#arrow)' : e.kind === 'monitor' ? 'url(#arrow-monitor)' : undefined}
            />
          ))}
          {placed.nodes.map((n) => {
            const p = state.processes.get(n.pid) ?? n.process;
            const title = p.names?.length ? p.names.join(', ') : p.entry;
            const cls = [
              'node',
              `state-${n.exited ? 'exited' : p.state}`,
              props.selected === n.pid ? 'selected' : '',
              props.sequence.includes(n.pid) ? 'in-sequence' : '',
            ].join(' ');
            return (
              <g
                key={n.pid}
                class={cls}
                transform={`translate(${n.x - NODE_W / 2},${n.y - NODE_H / 2})`}
                data-pid={n.pid}
                data-entry={p.entry}
                data-state={n.exited ? 'exited' : p.state}
                onClick={(ev) => props.onSelect(n.pid, (ev as MouseEvent).shiftKey)}
              >
                <title>{`${p.pid}\n${p.entry} on ${p.host}`}</title>
                <rect width={NODE_W} height={NODE_H} rx="6" />
                <circle cx="12" cy="14" r="5" class="dot" />
                <text x="22" y="18" class="node-title">{short(title, 20)}</text>
                <text x="8" y="33" class="node-line">{short([p.entry.replace(/^.*:/, ''), p.host].filter(Boolean).join(' · '), 26)}</text>
                <text x="8" y="46" class="node-line">
                  {n.exited ? short(`ended: ${state.exited.get(n.pid)?.exit.reason ?? ''}`, 26)
                    : short(`${stateText(p.state, p.waitingOn)} · ✉${p.mailbox} · ${rate(p.rate)}`, 30)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
