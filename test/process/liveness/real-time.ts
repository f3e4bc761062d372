// Real-time runs for liveness tests: a process that cannot be interrupted shows only on a real clock (a virtual one
// stands still while a slice runs), so these run on NodeTimeScheduler and measure what another process sees.
import { compileProcessModule, entry } from '../../support/process-harness.js';
import { createProcessRuntime, type ProcessEntry } from '../../../runtime/process/process-runtime.js';
import { NodeTimeScheduler } from '../../../runtime/process/scheduler.js';

/**
 * main spawns `busy` monitored, sleeps 1 ms `ticks` times measuring the longest gap between wake-ups, terminates busy
 * and prints the longest gap (ms), whether busy's EXIT came, whether terminate found it alive, and its error.
 */
const MAIN = `
  local time = require("time")
  local busy = process.spawn_monitored("app:busy", "app:processes")
  local last, maxgap = time.now(), 0
  for i = 1, TICKS do
    time.sleep("1ms")
    local t = time.now()
    local g = t:sub(last):milliseconds()
    if g > maxgap then maxgap = g end
    last = t
  end
  local terminated = process.terminate(busy)
  local ev = process.events():receive()
  print(maxgap)
  print(ev.kind == process.event.EXIT and ev.from == busy)
  print(terminated)
  print(tostring(ev.result.error))`;

export interface TickReport {
  maxGapMs: number;
  /** busy's EXIT reached its monitor */
  exited: boolean;
  /** process.terminate(busy) succeeded (false: it had ended already) */
  terminated: boolean;
  error: string;
}

let seq = 0;

export async function tickBeside(busy: string, ticks = 50, maxRunMs?: number): Promise<TickReport> {
  const bodies: Record<string, string> = { 'app:main': MAIN.replace('TICKS', String(ticks)), 'app:busy': busy };
  const entries = new Map<string, ProcessEntry>();
  const out: string[] = [];
  seq++;
  for (const [id, body] of Object.entries(bodies)) {
    const c = await compileProcessModule(entry(body).source, `${id.replace(':', '_')}_${seq}.lua`);
    entries.set(id, { module: c.module, url: c.url, method: 'main', modules: ['time'] });
  }
  const rt = createProcessRuntime({ time: new NodeTimeScheduler(), entries, hosts: new Set(['app:processes']), write: (s) => out.push(s), maxRunMs });
  const exit = await new Promise<{ value: unknown; error: unknown }>((resolve) => {
    rt.spawn('app:main', 'app:processes', []).onExit.push((r) => resolve(r));
  });
  rt.shutdown();
  if (exit.error !== undefined) throw new Error(`main failed: ${String(exit.error)}`);
  const [gap, exited, terminated, error] = out.join('').split('\n');
  return { maxGapMs: Number(gap), exited: exited === 'true', terminated: terminated === 'true', error: error ?? '' };
}
