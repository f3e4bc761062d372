// `select`, and the form generated code calls for `select(n, ...)` with the function's own varargs: the array is
// read where it lies (no rest-parameter copy, no spread, no slice), the results copied straight into the registers.
// Generated code compares the callee with SELECT first, so a program's own `select` keeps its normal call.
import { argError, checkInt } from './args.js';
import { R, ret1 } from './results.js';

/** select(n, ...) over the arguments `args`. */
export function selectVa(n: unknown, args: readonly unknown[]): unknown {
  if (n === '#') return ret1(args.length);
  let i = checkInt(n, 1, 'select');
  if (i < 0) i = args.length + i;
  else if (i === 0) throw argError(1, 'select', 'index out of range');
  else i = i - 1;
  if (i < 0) throw argError(1, 'select', 'index out of range');
  // the results are args[i..]: the first returned, the rest in R.rv[1..]
  const n1 = args.length - i;
  if (n1 <= 0) {
    R.n = 0;
    return undefined;
  }
  R.n = n1;
  const rv = R.rv;
  for (let k = 1; k < n1; k++) rv[k] = args[i + k];
  return args[i];
}

export function select(n: unknown, ...args: unknown[]): unknown {
  return selectVa(n, args);
}
