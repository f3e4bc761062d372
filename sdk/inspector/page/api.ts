// The page's view of the inspector's JSON API (docs/inspector.md is the contract): only the fields the page reads,
// every one optional where the server may leave it out, so that a server which says more never breaks the page.

export type ProcessState = 'running' | 'ready' | 'waiting' | 'exited' | string;

export interface ProcessInfo {
  pid: string;
  entry: string;
  host: string;
  parent?: string | null;
  state: ProcessState;
  /** What a waiting process waits on: "inbox", "channel", "timer", ... */
  waitingOn?: string | null;
  mailbox: number;
  /** Messages received per second, over the server's last window. */
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
  at: number;
  /** "normal", "error", "cancel", "terminate", ... */
  reason?: string;
  error?: string | null;
  traceback?: string | null;
}

export interface RestartInfo {
  service: string;
  at: number;
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
  topic: string;
  /** A short rendering of the payload, if the server gives one. */
  payload?: string;
}

export interface Snapshot {
  node?: string;
  now: number;
  control?: boolean;
  virtualTime?: boolean;
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

/** One event of the stream (/api/events), by type. */
export type InspectorEvent =
  | { type: 'spawn'; at: number; process: ProcessInfo }
  | { type: 'exit'; at: number; exit: ExitInfo }
  | { type: 'state'; at: number; pid: string; state: ProcessState; waitingOn?: string | null; mailbox?: number; rate?: number }
  | { type: 'link' | 'unlink' | 'monitor' | 'demonitor'; at: number; from: string; to: string }
  | { type: 'name'; at: number; pid: string; names: string[] }
  | { type: 'message'; at: number; message: MessageInfo }
  | { type: 'restart'; at: number; restart: RestartInfo }
  | { type: 'hosts'; at: number; hosts: HostInfo[] };
