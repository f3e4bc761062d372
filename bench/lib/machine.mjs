// Describes the machine a benchmark ran on (date, CPU model, core count, Node version), for reports and JSON.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

export function describeMachine() {
  let cpu = 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: leave the model unknown rather than guess
  }
  return {
    date: new Date().toISOString(),
    cpu,
    nproc: availableParallelism(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    // Other work on the machine skews wall times; the 1-minute load average at the start says how much there was.
    load: Number(loadavg()[0].toFixed(2)),
  };
}

export function formatMachine(m) {
  return `${m.date}  ·  ${m.cpu}, nproc ${m.nproc}  ·  Node ${m.node}  ·  ${m.platform}  ·  load ${m.load}`;
}
