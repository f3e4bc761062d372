// Which thread runs which host (issue 16): a process.host with `workers: N` (or `auto`, one per core) runs its
// processes on N worker threads of their own; every other host stays on the main thread, thread 0. The threads of
// a node share one pid space (NodeOptions.pidSpace), so a pid names its thread, and each thread routes by it.
import { availableParallelism } from 'node:os';
import { isProcessHost, threadOf, type App, type ProcessNode, type RemoteOptions } from '../../runtime/process/index.js';

/** Plain data (it is sent to every worker). */
export interface ThreadLayout {
  /** how many threads: the main thread and every host's workers */
  threads: number;
  /** each thread's peer name: "main", then `HOST#k` */
  names: string[];
  /** host id -> the threads that run its processes (a host not listed runs on the main thread) */
  hostThreads: Record<string, number[]>;
}

/** The layout of `app`'s hosts, undefined when every host runs on the main thread (nothing changes then). */
export function layoutOf(app: Pick<App, 'entries'>, cores: number = availableParallelism()): ThreadLayout | undefined {
  const names = ['main'];
  const hostThreads: Record<string, number[]> = {};
  for (const e of app.entries.values()) {
    if (!isProcessHost(e)) continue;
    const n = e.threads === 'auto' ? cores : e.threads;
    if (n <= 1) continue;
    const list: number[] = [];
    for (let k = 1; k <= n; k++) {
      list.push(names.length);
      names.push(`${e.id}#${k}`);
    }
    hostThreads[e.id] = list;
  }
  return names.length === 1 ? undefined : { threads: names.length, names, hostThreads };
}

/**
 * How thread `index` routes: a pid to the thread its number names; a spawn on a worker host to that host's threads
 * in turn (round-robin, kept per spawning thread and host, starting at a different thread on each spawner so that
 * spawners spread their first children), a spawn on any other host to the main thread.
 */
export function threadRouting(layout: ThreadLayout, index: number, node: ProcessNode): Pick<RemoteOptions, 'peerOf' | 'spawnPeer' | 'allocPid' | 'peers'> {
  const { names, threads } = layout;
  const turn = new Map<string, number>();
  const others = names.filter((_, i) => i !== index);
  return {
    peerOf(pid) {
      const t = threadOf(pid, threads);
      return t === undefined || t === index ? undefined : names[t];
    },
    spawnPeer(host) {
      const list = layout.hostThreads[host];
      if (list === undefined) return index === 0 ? undefined : names[0];
      const k = turn.get(host) ?? index;
      turn.set(host, k + 1);
      const t = list[k % list.length]!;
      return t === index ? undefined : names[t];
    },
    allocPid(peer, host) {
      return node.allocPid(host, names.indexOf(peer));
    },
    peers: () => others,
  };
}
