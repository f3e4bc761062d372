// What the return value of a `-x` root's main means to the command line, as Wippy's terminal host reads it
// (wippyai/runtime service/terminal/host.go completionExitCode, api/supervisor/shutdown.go setExitCode; docs
// en/tutorials/cli.md: "Return from main() to set the exit code"). A failed root (an error, or `return nil, err`)
// exits 1 before this is asked.
export interface RootExit {
  /** the process exit code (the OS keeps its low 8 bits, as with Go's os.Exit) */
  code: number;
  /** a string main returned, written to stdout with a newline */
  output?: string;
}

/** The int32 range Wippy keeps an exit code in; outside it the code is 1. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * The exit of a root whose main returned `value` normally: nil and tables exit 0; a string is printed and exits 0; a
 * number exits with its integer part (Go's int(f): toward zero), 1 when it is NaN, infinite or outside int32; true
 * exits 0 and false 1. Anything else (a table, userdata) exits 0.
 */
export function rootExit(value: unknown): RootExit {
  if (typeof value === 'string') return { code: 0, output: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { code: 1 };
    const code = Math.trunc(value);
    return { code: code < INT32_MIN || code > INT32_MAX ? 1 : code | 0 };
  }
  if (typeof value === 'boolean') return { code: value ? 0 : 1 };
  return { code: 0 };
}
