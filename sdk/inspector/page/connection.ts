// The page's link to the inspector server: the snapshot, then the event stream (Server-Sent Events), with the token
// of the page's own address on every request. The stream comes in batches (one message per flush of the server),
// parsed and applied together on an animation frame at most every RENDER_MS, and not rendered at all while the page
// is hidden: a busy app's stream costs the page two renders a second, not one per flush (a browser on the same
// cores as the app takes its time from the app).
import type { InspectorEvent, MessageInfo, ProcessDetails, Snapshot } from './api.js';
import { applyEvents, fromSnapshot, type InspectorState } from './model.js';

const token = new URLSearchParams(location.search).get('token') ?? '';

function url(path: string, params: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...params, token });
  return `${path}?${q}`;
}

async function getJson<T>(path: string, params?: Record<string, string>): Promise<T> {
  const res = await fetch(url(path, params), { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function fetchProcess(pid: string): Promise<ProcessDetails> {
  return getJson<ProcessDetails>(`/api/process/${encodeURIComponent(pid)}`);
}

/** The last `limit` messages among `pids` still in the server's ring (the sequence view's history). */
export async function fetchMessages(pids: readonly string[], limit: number): Promise<MessageInfo[]> {
  return (await getJson<{ messages: MessageInfo[] }>('/api/messages', { pids: pids.join(','), limit: String(limit) })).messages;
}

/** A control action (terminate, cancel, pause, step); the server refuses it unless control is on. */
export async function postAction(path: string): Promise<void> {
  const res = await fetch(url(path), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
}

export type Status = 'connecting' | 'live' | 'lost';

/**
 * The shortest time between two renders while the stream is busy: the views stay within about half a second of the
 * app (the first batch after a quiet spell renders on the next frame), and the page's work is a small share of a core
 * however often the server flushes.
 */
export const RENDER_MS = 500;

/**
 * Follows the app: the event stream is opened first and its events held until the snapshot, asked for once the
 * stream is open, has arrived (the server replays nothing, so a snapshot taken before the stream would miss what
 * happened in between; events the snapshot already holds are dropped by their seq). Calls `onState` with each new
 * state. On a lost stream it starts again the same way after a second.
 */
export function connect(onState: (s: InspectorState) => void, onStatus: (s: Status, detail?: string) => void): () => void {
  let source: EventSource | undefined;
  let stopped = false;
  let state: InspectorState | undefined;
  // the batches' JSON as received, parsed when applied (a batch is parsed once, however many arrive between renders)
  let pending: string[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRender = -Infinity;
  // the state holds events not rendered yet (applied while the page was hidden)
  let unrendered = false;

  const apply = (): boolean => {
    if (!state || pending.length === 0) return false;
    const events: InspectorEvent[] = [];
    for (const data of pending) for (const e of JSON.parse(data) as InspectorEvent[]) events.push(e);
    pending = [];
    const s = applyEvents(state, events);
    // a batch that changed nothing (events the snapshot already held) renders nothing
    if (s === state) return false;
    state = s;
    return true;
  };

  const render = () => {
    if (!state) return;
    unrendered = false;
    lastRender = performance.now();
    onState(state);
  };

  const flush = () => {
    frame = 0;
    if (document.hidden) {
      // keep the state current (the queue of batches bounded) but draw nothing nobody sees
      if (apply()) unrendered = true;
      return;
    }
    if (apply() || unrendered) render();
  };

  // a render on the next frame once RENDER_MS have passed since the last one; while hidden, the batches are applied
  // every RENDER_MS by the timer alone (a hidden page gets no frames)
  const schedule = () => {
    if (!state || frame || timer !== undefined) return;
    const wait = lastRender + RENDER_MS - performance.now();
    if (wait > 0 || document.hidden) {
      timer = setTimeout(() => {
        timer = undefined;
        if (document.hidden) flush();
        else schedule();
      }, Math.max(wait, document.hidden ? RENDER_MS : 0));
    } else frame = requestAnimationFrame(flush);
  };

  const onVisibility = () => {
    if (document.hidden) {
      // a frame asked for now would not come until the page is shown again: the hidden timer instead
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      schedule();
    } else if (unrendered && !frame) frame = requestAnimationFrame(flush);
  };
  document.addEventListener('visibilitychange', onVisibility);

  const fail = (detail: string) => {
    source?.close();
    source = undefined;
    state = undefined;
    onStatus('lost', detail);
    if (!stopped) setTimeout(start, 1000);
  };

  const start = () => {
    if (stopped) return;
    onStatus('connecting');
    pending = [];
    // each flush of the server as one message (a JSON array of its events): one dispatch a flush, not one an event
    const es = new EventSource(url('/api/events', { batch: '1' }));
    source = es;
    es.onmessage = (m) => {
      pending.push(m.data as string);
      schedule();
    };
    es.onopen = async () => {
      try {
        const snapshot = await getJson<Snapshot>('/api/snapshot');
        if (source !== es) return;
        state = fromSnapshot(snapshot);
        onStatus('live');
        apply();
        render();
      } catch (err) {
        if (source === es) fail(String(err));
      }
    };
    // EventSource would reconnect by itself, but to a stream that replays nothing: start again instead.
    es.onerror = () => {
      if (source === es) fail('the event stream ended');
    };
  };
  start();
  return () => {
    stopped = true;
    source?.close();
    if (frame) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
