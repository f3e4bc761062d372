// The page's view of the inspector's JSON API (docs/inspector.md is the contract): the fields the page reads, those
// the contract allows to be absent or null typed so, so that a server which says more never breaks the page.

export type ProcessState = 'running' | 'ready' | 'waiting' | 'exited' | string;

export interface ProcessInfo {
  pid: string;
  entry: string;
  host: string;
  parent?: string | null;
  state: ProcessState;
  /** What a waiting process waits on: "inbox", "events", "topic:NAME", "channel", "select", "timer", "call", ... */
  waitingOn?: string | null;
  /** Its live tasks (the main one and coroutine.spawn'ed ones). */
  tasks?: number;
  trapLinks?: boolean;
  mailbox: number;
  /** Messages delivered to it per second, over the server's last 5 s. */
  rate?: number;
  names?: string[];
  /** Pids linked to this process (links are symmetric; the page draws each once). */
  links?: string[];
  /** Pids this process monitors. */
  monitors?: string[];
  actor?: string | null;
  scope?: string | string[] | null;
  startedAt?: number;
}

export interface HostInfo {
  name: string;
  /** Tasks ready to run on the host's queue. */
  runQueue: number;
  processes?: number;
  workers?: number;
}

export interface ExitInfo {
  pid: string;
  entry?: string;
  parent?: string | null;
  at: number;
  /** "normal", "error", "terminated", "cancelled" */
  reason?: string;
  error?: string | null;
  traceback?: string | null;
  /** A preview of a normal exit's value. */
  value?: string | null;
}

export interface RestartInfo {
  service: string;
  at: number;
  /** "start", "exit", "restart", "give-up", "spawn-failed" */
  type?: string;
  attempt?: number;
  backoffMs?: number;
  error?: string | null;
  pid?: string | null;
}

export interface MessageInfo {
  seq: number;
  at: number;
  from: string | null;
  to: string;
  /** "@events" for an EXIT, LINK_DOWN or CANCEL event, whose kind is then `event`. */
  topic: string;
  event?: string;
  /** A short rendering of the payload, if the server gives one. */
  payload?: string | null;
}

export interface Snapshot {
  node?: string;
  now: number;
  /** The last event number recorded; the stream's events at or below it are already in the snapshot. */
  seq?: number;
  control?: boolean;
  virtualTime?: boolean;
  paused?: boolean;
  hosts: HostInfo[];
  processes: ProcessInfo[];
  exits?: ExitInfo[];
  restarts?: RestartInfo[];
  messages?: MessageInfo[];
}

export interface ProcessDetails extends ProcessInfo {
  /** The topics of the messages queued in its mailbox, oldest first. */
  queued?: string[];
  context?: Record<string, unknown>;
  messages?: MessageInfo[];
}

/** What every event of the stream carries: its number (shared with messages) and its time. */
interface Stamp { seq: number; at: number }

/** One event of the stream (/api/events), by type. */
export type InspectorEvent = Stamp &
  (
    | { type: 'spawn'; process: ProcessInfo }
    | { type: 'exit'; exit: ExitInfo }
    | { type: 'state'; pid: string; state: ProcessState; waitingOn?: string | null; mailbox?: number; rate?: number }
    | { type: 'link' | 'unlink' | 'monitor' | 'demonitor'; from: string; to: string }
    | { type: 'name'; pid: string; names: string[] }
    | { type: 'message'; message: MessageInfo }
    | { type: 'cancel'; from: string | null; to: string; reason?: string }
    | { type: 'terminate'; from: string | null; to: string }
    | { type: 'restart'; restart: RestartInfo }
    | { type: 'hosts'; hosts: HostInfo[] }
    | { type: 'skipped'; count: number }
    | { type: 'time'; now: number; paused: boolean }
  );
