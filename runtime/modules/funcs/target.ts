// A call's target: a registry id "namespace:name", checked as Wippy's funcs module checks it before anything else
// (runtime/lua/modules/funcs/module.go validateTarget; ids split at the first ':' as api/registry/id.go parseIDString).
import { createError, ERROR_KINDS, type LuaErrorValue } from '../../lib/wippy/errors.js';

const invalid = (message: string): LuaErrorValue => createError({ kind: ERROR_KINDS.INVALID, message, retryable: false });

/** The Invalid error a malformed target gets, or undefined when `target` is a well-formed id. */
export function targetError(target: string): LuaErrorValue | undefined {
  if (target === '') return invalid('function ID required');
  const colon = target.indexOf(':');
  if (colon <= 0) return invalid('namespace required in function ID');
  if (colon === target.length - 1) return invalid('name required in function ID');
  return undefined;
}
