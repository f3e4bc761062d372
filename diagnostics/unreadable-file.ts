// A source file that cannot be read (LUA1010), reported the same way wherever a file is read: by `moonforge compile`
// and by compiling through the cache, which reads the file before it knows whether the compiler is needed at all.
import type { Diagnostic } from './diagnostic.js';

/** The diagnostic for `file` failing to read with `error` (its errno code, or the error itself, in parentheses). */
export function unreadableFile(file: string, error: unknown): Diagnostic {
  const why = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
  return { code: 'LUA1010', message: `cannot read file (${why})`, file, line: 0, column: 0 };
}
