// What the main thread and a worker host thread tell each other besides frames (those go over the mesh's ports).
import type { MessagePort } from 'node:worker_threads';
import type { AppConfig, Entry } from '../../runtime/process/index.js';
import type { ThreadLayout } from './layout.js';

/** A worker's start: the app as the main thread loaded it (overrides applied), and where its chunks are. */
export interface WorkerStart {
  index: number;
  layout: ThreadLayout;
  /** the port to each other thread, by its peer name */
  ports: Record<string, MessagePort>;
  root: string;
  config: AppConfig;
  entries: Entry[];
  /** every compiled chunk of the main thread: entry id, module URL, the source it was compiled from (sourceKey) */
  chunks: [string, string, string][];
  maxRunMs: number | undefined;
  maxProcesses: number | undefined;
  args: string[];
  /** the least level the main thread's sink logs */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * worker -> main: started (or failed to); its processes stopped; tracing started (`error`: why it could not) or
 * ended with its last spans sent
 */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'failed'; message: string }
  | { t: 'stopped'; terminated: number }
  | { t: 'traced'; error?: string }
  | { t: 'trace-ended' };

/**
 * main -> worker: another thread was lost (the main thread saw why); or the app stops: CANCEL every process of the
 * worker, give them `graceMs`, terminate the rest, answer `stopped`; or tracing starts or ends
 */
export type ToWorker =
  | { t: 'down'; peer: string; reason: string }
  | { t: 'stop'; graceMs: number }
  /**
   * the main thread traces with the CLI's own provider (`--trace`, sdk/tracing/): trace here the same way, to `url`
   * (absent: the OTEL_* variables decide), and answer `traced`
   */
  | { t: 'trace'; url?: string; service: string }
  /** end tracing: the last spans sent, answer `trace-ended` */
  | { t: 'trace-end' };
