// The `base64` module (docs en/lua/data/base64.md; wippyai/runtime runtime/lua/modules/base64/module.go, spec.md):
// standard padded base64 of byte strings. A non-string argument is Invalid "string expected"; the empty string gives
// "" (one result, as module.go returns it); a bad text is Invalid, "decode failed" wrapping Go's message.
import { tableFromRecord } from '../../core/table.js';
import { ret1 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { ERROR_KINDS } from '../../lib/wippy/errors.js';
import type { PlatformModule } from '../module-host.js';
import { failedResult, invalidResult } from '../error-results.js';
import { Base64Error, decodeStd, encodeStd } from './std-encoding.js';

function encode(s: unknown): unknown {
  if (typeof s !== 'string') return invalidResult('string expected');
  return ret1(s === '' ? '' : encodeStd(s));
}

function decode(s: unknown): unknown {
  if (typeof s !== 'string') return invalidResult('string expected');
  if (s === '') return ret1('');
  try {
    return ret1(decodeStd(s));
  } catch (e) {
    if (e instanceof Base64Error) return failedResult(e.message, 'decode failed', ERROR_KINDS.INVALID);
    throw e;
  }
}

export const BASE64_MODULE: PlatformModule = { name: 'base64', create: () => readOnly(tableFromRecord({ encode, decode })) };
