// Loaded into a measured moonforge (node --import) by parallel.mjs: when the process exits, its CPU time is written as
// the last line of stderr, in all (every thread, workers included) and for the main thread alone (Linux: from
// /proc/self/task/PID/stat, in clock ticks of 10 ms). The main thread's time is the critical path: with a core free
// for each worker, a run cannot take less wall time than its main thread spends.
import { readFileSync } from 'node:fs';

function mainThreadMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // the fields after the command name (which may hold spaces, so counted from its closing parenthesis)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, fields 14 and 15 of the whole line
  } catch {
    return NaN;
  }
}

process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${(u.user + u.system) / 1000} main-ms ${mainThreadMs()}\n`);
});
