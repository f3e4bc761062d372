// Which thread of a node runs a pid (issue 16's worker hosts): NodeOptions.pidSpace numbers every pid so that its
// number modulo the node's thread count is the thread that runs it. Pids keep Wippy's text ({host|0x0002a}); only
// the numbers are spread out.

/** The number of a pid's uniq part (`{host|0x0002a}` -> 42); undefined for a text that is not a pid of this shape. */
export function pidNumberOf(pid: string): number | undefined {
  const bar = pid.lastIndexOf('|0x');
  if (bar < 0 || pid.charCodeAt(pid.length - 1) !== 125 /* } */) return undefined;
  const n = parseInt(pid.slice(bar + 3, -1), 16);
  return Number.isFinite(n) ? n : undefined;
}

/** The thread (0..threads-1) that runs `pid`, undefined when it is not a pid. */
export function threadOf(pid: string, threads: number): number | undefined {
  const n = pidNumberOf(pid);
  return n === undefined ? undefined : n % threads;
}
