// The terminal host's `io` module (runtime/app/io-module.ts): stdout, the `-x` arguments and stdin lines.

/** @noSelf @noResolution */
declare module "io" {
  /** Writes its arguments to stdout as they are (no separator, no newline). */
  function write(...values: (string | number)[]): true;
  /** As the global print. */
  function print(...values: unknown[]): void;
  function flush(): true;
  /** The `-x` arguments, a new table each call. */
  function args(): string[];
  /** A line of stdin without its newline; `nil, err` (NotFound `EOF`) at its end. Other processes keep running. */
  function readline(): Moonforge.Result<string>;
}
