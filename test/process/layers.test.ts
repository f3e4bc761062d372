// The process internals import one way (issue #11): task ← channel ← mailbox ← proc ← node, task ← scheduler ← node,
// with no circle among the files of runtime/process (proc, node, scheduler, task and channel used to import each
// other round). Read from the import specifiers, type-only imports and re-exports included: a type import is still a
// file that cannot be understood without the other.
import { describe, expect, it } from 'vitest';
import { importsOf, sources } from '../support/import-graph.js';

const DIR = 'runtime/process';

const graph = new Map(sources(DIR).map((f) => [f, importsOf(f).filter((t) => t.startsWith(`${DIR}/`))]));

/** Every import circle, each as the list of files round it (depth-first search, each circle reported once). */
function circles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    path.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...path.slice(path.indexOf(t)), t]);
      else if (state.get(t) === undefined) visit(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (state.get(f) === undefined) visit(f);
  return found;
}

/** Whether `from` reaches `to` through imports. */
function reaches(from: string, to: string, seen = new Set<string>()): boolean {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return (graph.get(from) ?? []).some((t) => reaches(t, to, seen));
}

const file = (name: string): string => `${DIR}/${name}.ts`;

describe('runtime/process imports one way', () => {
  it('finds the files and their imports', () => {
    expect(graph.get(file('node'))).toContain(file('proc'));
    expect(graph.get(file('proc'))).toContain(file('mailbox'));
  });

  it('has no import circle', () => {
    expect(circles().map((c) => c.join(' -> '))).toEqual([]);
  });

  it('task.ts is the bottom: it imports nothing of runtime/process', () => {
    expect(graph.get(file('task'))).toEqual([]);
  });

  it('a lower layer never reaches a higher one', () => {
    const order = ['task', 'channel', 'mailbox', 'proc', 'node'];
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) expect(reaches(file(order[i]!), file(order[j]!)), `${order[i]} -> ${order[j]}`).toBe(false);
    }
    expect(reaches(file('scheduler'), file('proc'))).toBe(false);
    expect(reaches(file('scheduler'), file('channel'))).toBe(false);
  });
});
