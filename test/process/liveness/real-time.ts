// Real-time runs for liveness tests: a process that cannot be interrupted shows only on a real clock (a virtual one
// stands still while a slice runs), so these run on the real clock and measure what another process sees.
import { runBodiesRealTime } from '../../support/process-harness.js';

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

export async function tickBeside(busy: string, ticks = 50, maxRunMs?: number): Promise<TickReport> {
  const { exit, output } = await runBodiesRealTime(MAIN.replace('TICKS', String(ticks)), { 'app:busy': busy }, { maxRunMs });
  if (exit.error !== undefined) throw new Error(`main failed: ${String(exit.error)}`);
  const [gap, exited, terminated, error] = output.split('\n');
  return { maxGapMs: Number(gap), exited: exited === 'true', terminated: terminated === 'true', error: error ?? '' };
}
