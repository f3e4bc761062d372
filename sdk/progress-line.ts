// A progress line for long builds: one line on stderr ("compiling 120/400 entries"), redrawn in place with \r and
// wiped at the end, shown only on a terminal, only outside CI, and only once the work has taken longer than a second
// (a fast build prints nothing at all). No terminal escapes: the previous text is overwritten with spaces, which any
// terminal honours; a pipe or a log file gets nothing, so tools reading stderr never see it.

/** Where the line is drawn: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  /** the terminal's width, when known: longer text is cut so that it never wraps (a wrapped line cannot be redrawn) */
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressLineOptions {
  stream?: ProgressStream;
  env?: Record<string, string | undefined>;
  /** milliseconds, any origin */
  now?: () => number;
  /** the line appears only after this long (ms) */
  delayMs?: number;
  /** and is redrawn at most this often (ms): a terminal write per compiled entry would cost more than the compile */
  everyMs?: number;
}

export interface ProgressLine {
  /** the work's state now, e.g. "compiling 120/400 entries" */
  update(text: string): void;
  /** the work is over: the line, if one was drawn, is wiped */
  end(): void;
}

const SILENT: ProgressLine = { update() {}, end() {} };

/** True when CI says so (`CI=true`, or any value but an explicit false): CI logs keep every \r as a line. */
function inCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** A progress line that starts counting its delay now. */
export function progressLine(opts: ProgressLineOptions = {}): ProgressLine {
  const stream = opts.stream ?? process.stderr;
  if (stream.isTTY !== true || inCi(opts.env ?? process.env)) return SILENT;
  const now = opts.now ?? (() => performance.now());
  const delayMs = opts.delayMs ?? 1000;
  const everyMs = opts.everyMs ?? 100;
  const start = now();
  let drawn = 0;
  let lastDraw = -Infinity;
  return {
    update(text) {
      const t = now();
      if (t - start < delayMs || t - lastDraw < everyMs) return;
      lastDraw = t;
      const line = stream.columns !== undefined && stream.columns > 1 ? text.slice(0, stream.columns - 1) : text;
      stream.write(`\r${line}${' '.repeat(Math.max(0, drawn - line.length))}`);
      drawn = line.length;
    },
    end() {
      if (drawn > 0) stream.write(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
}
