// A small app as the inspector API describes it (docs/inspector.md): a supervisor-like main that spawned a linked
// pong (registered as "pong") and a monitored worker, on one host; for the page's model and layouts.
import type { InspectorEvent, Snapshot } from '../../sdk/inspector/page/api.js';

export const MAIN = '{app:processes|0x00001}';
export const PONG = '{app:processes|0x00002}';
export const WORKER = '{app:processes|0x00003}';

export function snapshot(): Snapshot {
  return {
    node: 'local',
    now: 1000,
    seq: 2,
    control: false,
    hosts: [{ name: 'app:processes', runQueue: 0 }],
    processes: [
      { pid: MAIN, entry: 'app:main', host: 'app:processes', parent: null, state: 'waiting', waitingOn: 'inbox', mailbox: 0, links: [PONG], monitors: [WORKER] },
      { pid: PONG, entry: 'app:pong', host: 'app:processes', parent: MAIN, state: 'waiting', waitingOn: 'inbox', mailbox: 0, names: ['pong'], links: [MAIN] },
      { pid: WORKER, entry: 'app:worker', host: 'app:processes', parent: MAIN, state: 'running', mailbox: 3 },
    ],
    messages: [
      { seq: 1, at: 900, from: MAIN, to: PONG, topic: 'ping', payload: '1' },
      { seq: 2, at: 901, from: PONG, to: MAIN, topic: 'pong', payload: '1' },
    ],
  };
}

/** Two more rounds, then the worker fails and main is told. */
export function events(): InspectorEvent[] {
  return [
    { type: 'message', seq: 3, at: 1001, message: { seq: 3, at: 1001, from: MAIN, to: PONG, topic: 'ping', payload: '2' } },
    { type: 'message', seq: 4, at: 1002, message: { seq: 4, at: 1002, from: PONG, to: MAIN, topic: 'pong', payload: '2' } },
    { type: 'message', seq: 5, at: 1003, message: { seq: 5, at: 1003, from: MAIN, to: WORKER, topic: 'job', payload: '7' } },
    { type: 'exit', seq: 6, at: 1004, exit: { pid: WORKER, parent: MAIN, at: 1004, reason: 'error', error: 'worker.lua:3: boom', traceback: 'stack traceback:\n\tworker.lua:3: in function <worker.lua:1>' } },
    { type: 'message', seq: 7, at: 1004, message: { seq: 7, at: 1004, from: null, to: MAIN, topic: '@events', event: 'pid.exit', payload: '{kind="pid.exit"}' } },
  ];
}
