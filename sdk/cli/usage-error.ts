// How every command reports bad usage: one line naming the command and the problem, then the command's usage, on
// stderr; exit code 2.

export function usageError(command: string, message: string, usage: string): number {
  process.stderr.write(`moonforge ${command}: ${message}\n${usage}`);
  return 2;
}
