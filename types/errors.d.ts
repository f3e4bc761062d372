// The `errors` global (Wippy's errors library; runtime/lib/wippy/errors.ts): making, wrapping and testing error
// values, and the kind constants. Called with `.`.

declare namespace Moonforge {
  /** @noSelf */
  interface ErrorsLib {
    /** An error value from a message, or from `{ message, kind?, retryable?, details? }`. */
    "new"(message: string | { message: string; kind?: ErrorKind | (string & {}); retryable?: boolean; details?: Table }): Error;
    /** `err` (or a message) wrapped with a context: its text becomes `context: message`. */
    wrap(err: Error | string, context: string | Error): Error;
    /** True when `v` is an error value of that kind. */
    is(v: unknown, kind: ErrorKind | (string & {})): boolean;
    /** Where the error was made: `{ thread, frames }`, nil without frames. */
    call_stack(err: unknown): { thread: string; frames: ErrorFrame[] } | undefined;
    readonly NOT_FOUND: "NotFound";
    readonly ALREADY_EXISTS: "AlreadyExists";
    readonly INVALID: "Invalid";
    readonly PERMISSION_DENIED: "PermissionDenied";
    readonly UNAVAILABLE: "Unavailable";
    readonly INTERNAL: "Internal";
    readonly CANCELED: "Canceled";
    readonly CONFLICT: "Conflict";
    readonly TIMEOUT: "Timeout";
    readonly RATE_LIMITED: "RateLimited";
    readonly UNKNOWN: "";
  }

  interface ErrorFrame {
    level: number;
    source: string;
    line: number;
    name: string;
    type: string;
  }
}

declare const errors: Moonforge.ErrorsLib;
