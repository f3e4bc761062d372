// Where each process of the tree is drawn. dagre (a layered graph layout: ranks, crossing reduction, coordinates)
// places the parent -> child edges, which is what makes a tree of hundreds of processes readable; links and monitors
// are drawn afterwards between the placed boxes and do not move them, so that a link never turns the tree over.
import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { ProcessInfo } from './api.js';

export const NODE_W = 180;
export const NODE_H = 52;

export interface Point { x: number; y: number }

export interface PlacedProcess {
  pid: string;
  process: ProcessInfo;
  exited: boolean;
  /** Centre of the box. */
  x: number;
  y: number;
}

export type EdgeKind = 'parent' | 'link' | 'monitor';

export interface PlacedEdge {
  kind: EdgeKind;
  from: string;
  to: string;
  points: Point[];
}

export interface TreeLayout {
  width: number;
  height: number;
  nodes: PlacedProcess[];
  edges: PlacedEdge[];
}

/** A curve bent to one side, so a link between neighbours on one rank does not run along the boxes' edges. */
function arc(a: Point, b: Point, bend: number): Point[] {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return [a, { x: mx - (dy / len) * bend, y: my + (dx / len) * bend }, b];
}

/**
 * Lays out the live processes and the lately ended ones. Links are symmetric (each pair drawn once); a monitor is
 * drawn from the watcher to the watched.
 */
export function layoutTree(live: Iterable<ProcessInfo>, exited: Iterable<ProcessInfo> = []): TreeLayout {
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 48, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const all = new Map<string, { p: ProcessInfo; exited: boolean }>();
  for (const p of live) all.set(p.pid, { p, exited: false });
  for (const p of exited) if (!all.has(p.pid)) all.set(p.pid, { p, exited: true });
  for (const pid of all.keys()) g.setNode(pid, { width: NODE_W, height: NODE_H });
  for (const { p } of all.values()) {
    if (p.parent && all.has(p.parent)) g.setEdge(p.parent, p.pid);
  }
  layout(g);

  const nodes: PlacedProcess[] = [];
  const at = new Map<string, Point>();
  for (const [pid, { p, exited }] of all) {
    const n = g.node(pid);
    const x = n.x ?? 0;
    const y = n.y ?? 0;
    nodes.push({ pid, process: p, exited, x, y });
    at.set(pid, { x, y });
  }
  const edges: PlacedEdge[] = [];
  for (const e of g.edges()) {
    edges.push({ kind: 'parent', from: e.v, to: e.w, points: (g.edge(e).points ?? []).map((q: Point) => ({ x: q.x, y: q.y })) });
  }
  const seen = new Set<string>();
  for (const { p } of all.values()) {
    for (const other of p.links ?? []) {
      const key = p.pid < other ? `${p.pid} ${other}` : `${other} ${p.pid}`;
      const a = at.get(p.pid);
      const b = at.get(other);
      if (seen.has(key) || !a || !b) continue;
      seen.add(key);
      edges.push({ kind: 'link', from: p.pid, to: other, points: arc(a, b, 28) });
    }
    for (const watched of p.monitors ?? []) {
      const a = at.get(p.pid);
      const b = at.get(watched);
      if (a && b) edges.push({ kind: 'monitor', from: p.pid, to: watched, points: arc(a, b, -40) });
    }
  }
  // dagre gives an empty graph a size of -Infinity
  const graph = g.graph();
  const size = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
  return { width: size(graph.width), height: size(graph.height), nodes, edges };
}
