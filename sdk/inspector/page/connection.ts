// The page's link to the inspector server: the snapshot, then the event stream (Server-Sent Events), with the token
// of the page's own address on every request. Events are applied in batches, once per animation frame, so a busy
// app's stream costs the page one render per frame rather than one per event.
import type { InspectorEvent, MessageInfo, ProcessDetails, Snapshot } from './api.js';
import { applyEvent, fromSnapshot, type InspectorState } from './model.js';

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
 * Loads the snapshot and follows the stream, calling `onState` with each new state. On a lost stream it starts
 * again from a fresh snapshot after a second: events missed in between are in it.
 */
export function connect(onState: (s: InspectorState) => void, onStatus: (s: Status, detail?: string) => void): () => void {
  let source: EventSource | undefined;
  let stopped = false;
  let state: InspectorState | undefined;
  let pending: InspectorEvent[] = [];
  let frame = 0;

  const flush = () => {
    frame = 0;
    if (!state) return;
    let s = state;
    for (const e of pending) s = applyEvent(s, e);
    pending = [];
    state = s;
    onState(s);
  };

  const start = async () => {
    onStatus('connecting');
    pending = [];
    try {
      state = fromSnapshot(await getJson<Snapshot>('/api/snapshot'));
      onState(state);
    } catch (err) {
      onStatus('lost', String(err));
      if (!stopped) setTimeout(start, 1000);
      return;
    }
    if (stopped) return;
    source = new EventSource(url('/api/events'));
    source.onopen = () => onStatus('live');
    source.onmessage = (m) => {
      pending.push(JSON.parse(m.data) as InspectorEvent);
      if (!frame) frame = requestAnimationFrame(flush);
    };
    source.onerror = () => {
      if (source?.readyState === EventSource.CLOSED) {
        onStatus('lost', 'the event stream ended');
        source = undefined;
        if (!stopped) setTimeout(start, 1000);
      }
    };
  };
  void start();
  return () => {
    stopped = true;
    source?.close();
  };
}
