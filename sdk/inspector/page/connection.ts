// The page's link to the inspector server: the snapshot, then the event stream (Server-Sent Events), with the token
// of the page's own address on every request. The stream comes in batches (one message per flush of the server),
// applied at most once per animation frame, so a busy app's stream costs the page one render per flush rather than
// one per event.
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
 * Follows the app: the event stream is opened first and its events held until the snapshot, asked for once the
 * stream is open, has arrived (the server replays nothing, so a snapshot taken before the stream would miss what
 * happened in between; events the snapshot already holds are dropped by their seq). Calls `onState` with each new
 * state. On a lost stream it starts again the same way after a second.
 */
export function connect(onState: (s: InspectorState) => void, onStatus: (s: Status, detail?: string) => void): () => void {
  let source: EventSource | undefined;
  let stopped = false;
  let state: InspectorState | undefined;
  let pending: InspectorEvent[] = [];
  let frame = 0;

  const flush = (always = false) => {
    frame = 0;
    if (!state) return;
    const s = applyEvents(state, pending);
    pending = [];
    // a batch that changed nothing (events the snapshot already held) renders nothing
    if (s === state && !always) return;
    state = s;
    onState(s);
  };

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
      for (const e of JSON.parse(m.data) as InspectorEvent[]) pending.push(e);
      if (state && !frame) frame = requestAnimationFrame(() => flush());
    };
    es.onopen = async () => {
      try {
        const snapshot = await getJson<Snapshot>('/api/snapshot');
        if (source !== es) return;
        state = fromSnapshot(snapshot);
        onStatus('live');
        flush(true);
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
  };
}
