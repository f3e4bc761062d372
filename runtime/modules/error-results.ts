// The two failures Wippy's data modules return as `nil, err` (their module.go invalidError / internalError): bad
// input, an Invalid error with the message; and a failed operation, an Internal error wrapping the cause with what was
// being done ("decode failed"). Neither is retryable.
import { ret2 } from '../core/results.js';
import { createError, ERROR_KINDS, wrapError } from '../lib/wippy/errors.js';

/** `nil, err`: Invalid, `message`. */
export function invalidResult(message: string, first: unknown = undefined): unknown {
  return ret2(first, createError({ message, kind: ERROR_KINDS.INVALID, retryable: false }));
}

/** `nil, err`: `kind` (Internal unless said), the cause's text wrapped with `context`. */
export function failedResult(cause: string, context: string, kind: string = ERROR_KINDS.INTERNAL, first: unknown = undefined): unknown {
  return ret2(first, wrapError(createError({ message: cause, kind, retryable: false }), context));
}
