// The `hash` module (docs en/lua/security/hash.md; wippyai/runtime runtime/lua/modules/hash/module.go, spec.md):
// digests and HMACs through node:crypto, as lowercase hex, or as raw bytes (a byte string) when the last argument is
// truthy; fnv32 / fnv64 as numbers (fnv.ts). Every call answers `value, nil`, or `nil, err` (Invalid) when the data
// or the secret is not a string (a number is refused too, as module.go checks the type).
import { nodeCrypto } from '../../lib/node-crypto.js';
import { tableFromRecord } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import type { PlatformModule } from '../module-host.js';
import { invalidResult } from '../error-results.js';
import { fnv1_32, fnv1_64 } from './fnv.js';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');
const out = (digest: Buffer, raw: unknown): string => (raw !== undefined && raw !== false ? digest.toString('latin1') : digest.toString('hex'));

function digest(algorithm: string) {
  return (data: unknown, raw?: unknown): unknown => {
    if (typeof data !== 'string') return invalidResult('data must be a string');
    return ret2(out(nodeCrypto().createHash(algorithm).update(bytes(data)).digest(), raw), undefined);
  };
}

function hmac(algorithm: string) {
  return (data: unknown, secret: unknown, raw?: unknown): unknown => {
    if (typeof data !== 'string') return invalidResult('data must be a string');
    if (typeof secret !== 'string') return invalidResult('secret must be a string');
    return ret2(out(nodeCrypto().createHmac(algorithm, bytes(secret)).update(bytes(data)).digest(), raw), undefined);
  };
}

function fnv(sum: (s: string) => number) {
  return (data: unknown): unknown => (typeof data !== 'string' ? invalidResult('data must be a string') : ret2(sum(data), undefined));
}

function createHashModule() {
  return readOnly(
    tableFromRecord({
      md5: digest('md5'),
      sha1: digest('sha1'),
      sha256: digest('sha256'),
      sha512: digest('sha512'),
      fnv32: fnv(fnv1_32),
      fnv64: fnv(fnv1_64),
      hmac_sha256: hmac('sha256'),
      hmac_sha512: hmac('sha512'),
      hmac_sha1: hmac('sha1'),
      hmac_md5: hmac('md5'),
    }),
  );
}

export const HASH_MODULE: PlatformModule = { name: 'hash', create: createHashModule };
