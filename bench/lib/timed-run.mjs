// One whole-process run of a command, timed from outside: wall time from spawn to exit, and the CPU time (user +
// system) the operating system charged to the command and everything it waited for (worker and GC threads
// included). The CPU figure comes from bash's `times` builtin, run after the command by a bash parent that the
// command is a child of, written to a fourth pipe so that it never mixes with the command's own output. Node's
// child_process reports no rusage of a child, and /usr/bin/time prints only hundredths of a second.
import { spawnSync } from 'node:child_process';

const WRAPPER = '"$@"; status=$?; times >&3; exit $status';

let bashChecked;
export function canMeasureCpu() {
  if (bashChecked === undefined) bashChecked = !spawnSync('bash', ['-c', 'times'], { stdio: 'ignore' }).error;
  return bashChecked;
}

// `times` prints two lines, the shell's own user/system times and its children's, as `0m0.627s 0m0.004s`.
function parseTimes(text) {
  const children = (text ?? '').trim().split('\n')[1];
  if (!children) return undefined;
  const seconds = children.trim().split(/\s+/).map((field) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(field);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  });
  const total = seconds.reduce((a, b) => a + b, 0);
  return Number.isFinite(total) ? total : undefined;
}

// Returns { seconds, cpu, stdout, error }: cpu is undefined when bash is not there.
export function timedRun(cmd, args, { cwd, env, timeoutS }) {
  const viaBash = canMeasureCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync(viaBash ? 'bash' : cmd, viaBash ? ['-c', WRAPPER, 'bash', cmd, ...args] : args, {
    cwd,
    env,
    encoding: 'latin1', // byte-exact comparison of outputs, whatever bytes a runtime prints
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutS * 1000,
    stdio: viaBash ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let error;
  if (r.error) error = r.error.code === 'ETIMEDOUT' ? `timed out after ${timeoutS} s` : String(r.error.message);
  else if (r.status !== 0) error = `exit ${r.status ?? r.signal}: ${firstLine(r.stderr)}`;
  return { seconds, cpu: viaBash ? parseTimes(r.output?.[3]) : undefined, stdout: r.stdout ?? '', error };
}

function firstLine(s) {
  return (s ?? '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}
