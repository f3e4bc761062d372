// The `crypto` module (docs en/lua/security/crypto.md; wippyai/runtime runtime/lua/modules/crypto/module.go,
// spec.md) on node:crypto: random bytes / strings / UUIDs, HMAC (hex), AES-GCM and ChaCha20-Poly1305 (aead.ts), JWT
// (jwt.ts), PBKDF2 and a constant-time comparison. Arguments module.go reads with CheckString / CheckInt / CheckTable
// raise Lua argument errors; the rest answer `nil, err` with module.go's kinds and messages.
import { nodeCrypto } from '../../lib/node-crypto.js';
import { PARK } from '../../../abi/index.js';
import { LuaTable, tableFromRecord } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import { checkInt, checkStr, checkTable } from '../../core/args.js';
import { mkY, type LuaGen } from '../../core/coroutine.js';
import { luaError } from '../../core/errors.js';
import { typeName } from '../../core/value.js';
import { goToLua, luaToGo, type GoValue } from '../../lib/wippy/go-value.js';
import { luaToText } from '../../lib/lua-text.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { failedResult, invalidResult } from '../error-results.js';
import { aesCipher, NONCE_SIZE, open, OpenError, seal, type AeadCipher } from './aead.js';
import { encodeJwt, JwtError, verifyJwt } from './jwt.js';

const ok = (v: unknown): unknown => ret2(v, undefined);
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

const MAX_RANDOM = 1024 * 1024;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAX_PBKDF2_ITERATIONS = 10_000_000;
/**
 * Wippy sets no bound on pbkdf2's key length, but each hash-sized block of it costs `iterations` more HMACs (and a
 * length past 2^31 is a JS RangeError): 1 MiB, as random.bytes.
 */
const MAX_PBKDF2_KEY_LENGTH = 1024 * 1024;
/**
 * The HMAC blocks one call may cost (iterations × hash-sized blocks of the key): a 64-byte SHA-256 key at Wippy's
 * largest iteration count. A 1 MiB key at 10M iterations would hold a thread of the pool for days; a work bound, not
 * only an iteration bound, is what keeps one call in seconds.
 */
const MAX_PBKDF2_WORK = 2 * MAX_PBKDF2_ITERATIONS;
/**
 * The work pbkdf2 may do in place, where nothing can wait (a metamethod, a sort comparator): about half a second,
 * every process of the node stopped meanwhile.
 */
const MAX_PBKDF2_PLAIN_WORK = 1_000_000;

/** A length argument of random.bytes / random.string, or the Invalid answer when it is out of range. */
function randomLength(v: unknown, fname: string): number | { fail: unknown } {
  const n = checkInt(v, 1, fname);
  // `!(n > 0)`: NaN is no length either (Go's CheckInt makes it a negative integer)
  if (!(n > 0)) return { fail: invalidResult('length must be a positive integer') };
  if (n > MAX_RANDOM) return { fail: invalidResult('length exceeds maximum allowed size (1MB)') };
  return n;
}

const random = readOnly(
  tableFromRecord({
    bytes: (length: unknown) => {
      const n = randomLength(length, 'bytes');
      return typeof n === 'number' ? ok(nodeCrypto().randomBytes(n).toString('latin1')) : n.fail;
    },
    string: (length: unknown, charset: unknown) => {
      const n = randomLength(length, 'string');
      if (typeof n !== 'number') return n.fail;
      const chars = typeof charset === 'string' ? charset : ALPHANUMERIC;
      if (chars === '') return invalidResult('charset cannot be empty');
      // one random byte per character, reduced modulo the charset's length, as module.go does
      const buf = nodeCrypto().randomBytes(n);
      let out = '';
      for (let i = 0; i < n; i++) out += chars[buf[i]! % chars.length];
      return ok(out);
    },
    uuid: () => ok(nodeCrypto().randomUUID()),
  }),
);

function hmacHex(algorithm: string, fname: string) {
  return (key: unknown, data: unknown): unknown => {
    const k = checkStr(key, 1, fname);
    const d = checkStr(data, 2, fname);
    if (k === '') return invalidResult('key cannot be empty');
    return ok(nodeCrypto().createHmac(algorithm, bytes(k)).update(bytes(d)).digest('hex'));
  };
}

/** The cipher for a key, or the Invalid answer when its length does not fit. */
function cipherFor(kind: 'aes' | 'chacha20', key: string): AeadCipher | { fail: unknown } {
  if (kind === 'chacha20') return key.length === 32 ? 'chacha20-poly1305' : { fail: invalidResult('key must be 32 bytes') };
  return key.length === 16 || key.length === 24 || key.length === 32 ? aesCipher(key.length) : { fail: invalidResult('key must be 16, 24, or 32 bytes') };
}

function encryptWith(kind: 'aes' | 'chacha20') {
  return (data: unknown, key: unknown, aad: unknown): unknown => {
    const d = checkStr(data, 1, kind);
    const k = checkStr(key, 2, kind);
    const c = cipherFor(kind, k);
    if (typeof c !== 'string') return c.fail;
    return ok(seal(c, bytes(k), bytes(d), typeof aad === 'string' ? bytes(aad) : undefined).toString('latin1'));
  };
}

function decryptWith(kind: 'aes' | 'chacha20') {
  return (data: unknown, key: unknown, aad: unknown): unknown => {
    const d = checkStr(data, 1, kind);
    const k = checkStr(key, 2, kind);
    const c = cipherFor(kind, k);
    if (typeof c !== 'string') return c.fail;
    if (d.length < NONCE_SIZE) return invalidResult('encrypted data too short');
    try {
      return ok(open(c, bytes(k), bytes(d), typeof aad === 'string' ? bytes(aad) : undefined).toString('latin1'));
    } catch (e) {
      if (e instanceof OpenError) return failedResult(e.message, 'decrypt');
      throw e;
    }
  };
}

function optString(v: unknown, n: number, fname: string, def: string): string {
  return v === undefined ? def : checkStr(v, n, fname);
}

function jwtEncode(payload: unknown, key: unknown, alg: unknown): unknown {
  const t = checkTable(payload, 1, 'encode');
  const k = checkStr(key, 2, 'encode');
  const a = optString(alg, 3, 'encode', 'HS256');
  let claims: GoValue;
  try {
    claims = luaToGo(t);
  } catch (e) {
    return invalidResult(`failed to convert payload to map: ${(e as Error).message}`);
  }
  if (!(claims instanceof Map)) return invalidResult('failed to convert payload to map');
  let header = new Map<string, GoValue>();
  const h = claims.get('_header');
  if (h instanceof Map) {
    header = h;
    claims.delete('_header');
  }
  try {
    return ok(encodeJwt(claims, header, k, a));
  } catch (e) {
    if (e instanceof JwtError) return e.invalidKey ? invalidResult(e.message) : failedResult(e.message, 'sign token');
    throw e;
  }
}

function jwtVerify(token: unknown, key: unknown, alg: unknown, requireExp: unknown): unknown {
  const t = checkStr(token, 1, 'verify');
  const k = checkStr(key, 2, 'verify');
  const a = optString(alg, 3, 'verify', 'HS256');
  if (requireExp !== undefined && typeof requireExp !== 'boolean') {
    throw luaError(`bad argument #4 to 'verify' (boolean expected, got ${typeName(requireExp)})`);
  }
  try {
    return ok(goToLua(verifyJwt(t, k, a, requireExp !== false, Date.now() / 1000)));
  } catch (e) {
    if (e instanceof JwtError) return failedResult(e.message, 'verify token');
    throw e;
  }
}

interface Pbkdf2Call {
  password: Buffer;
  salt: Buffer;
  iterations: number;
  keyLength: number;
  digest: 'sha256' | 'sha512';
  /** HMAC blocks to compute: iterations × hash-sized blocks of the key */
  work: number;
}

/** pbkdf2's arguments checked as module.go checks them, or its `nil, err` answer. */
function pbkdf2Args(password: unknown, salt: unknown, iterations: unknown, keyLength: unknown, hash: unknown): Pbkdf2Call | { fail: unknown } {
  const p = checkStr(password, 1, 'pbkdf2');
  const s = checkStr(salt, 2, 'pbkdf2');
  const iter = checkInt(iterations, 3, 'pbkdf2');
  const len = checkInt(keyLength, 4, 'pbkdf2');
  if (p === '') return { fail: invalidResult('password cannot be empty') };
  if (s === '') return { fail: invalidResult('salt cannot be empty') };
  // `!(x > 0)`: NaN is refused too (Go's CheckInt makes it a negative integer)
  if (!(iter > 0)) return { fail: invalidResult('iterations must be positive') };
  if (iter > MAX_PBKDF2_ITERATIONS) return { fail: invalidResult(`iterations exceeds maximum (${MAX_PBKDF2_ITERATIONS})`) };
  if (!(len > 0)) return { fail: invalidResult('key length must be positive') };
  if (len > MAX_PBKDF2_KEY_LENGTH) return { fail: invalidResult(`key length exceeds maximum (${MAX_PBKDF2_KEY_LENGTH})`) };
  const name = typeof hash === 'string' ? hash : 'sha256';
  if (name !== 'sha256' && name !== 'sha512') return { fail: invalidResult(`unsupported hash function: ${luaToText(name)}`) };
  const work = iter * Math.ceil(len / (name === 'sha256' ? 32 : 64));
  if (work > MAX_PBKDF2_WORK) return { fail: invalidResult(`iterations times key blocks exceeds maximum (${MAX_PBKDF2_WORK})`) };
  return { password: bytes(p), salt: bytes(s), iterations: iter, keyLength: len, digest: name, work };
}

/**
 * pbkdf2 in a process runs on libuv's thread pool while the calling task is parked: ten million iterations take
 * seconds, which on the event loop would freeze every process of the node. Where nothing can park (a metamethod, a
 * plain script) it runs in place, up to MAX_PBKDF2_PLAIN_WORK.
 */
function pbkdf2Of(host: ModuleHost) {
  const plain = (...args: unknown[]): unknown => {
    const c = pbkdf2Args(args[0], args[1], args[2], args[3], args[4]);
    if ('fail' in c) return c.fail;
    if (c.work > MAX_PBKDF2_PLAIN_WORK) return invalidResult(`pbkdf2 costing more than ${MAX_PBKDF2_PLAIN_WORK} blocks cannot run where the process cannot wait (a metamethod or library callback)`);
    return ok(nodeCrypto().pbkdf2Sync(c.password, c.salt, c.iterations, c.keyLength, c.digest).toString('latin1'));
  };
  return mkY(plain, function* (...args: unknown[]): LuaGen {
    const sched = host.rt.node.sched;
    const task = sched.current;
    if (task === undefined) return plain(...args);
    const c = pbkdf2Args(args[0], args[1], args[2], args[3], args[4]);
    if ('fail' in c) return c.fail;
    const token = sched.parkToken(task, 'crypto');
    // a process ended meanwhile is not woken (the token): its key is dropped
    nodeCrypto().pbkdf2(c.password, c.salt, c.iterations, c.keyLength, c.digest, (err, key) => {
      sched.wake(task, err === null ? key : err, token);
    });
    const r = yield PARK;
    if (r instanceof Error) return failedResult(r.message, 'pbkdf2');
    return ok((r as Buffer).toString('latin1'));
  });
}

function constantTimeCompare(a: unknown, b: unknown): unknown {
  const x = bytes(checkStr(a, 1, 'constant_time_compare'));
  const y = bytes(checkStr(b, 2, 'constant_time_compare'));
  return ret1(x.length === y.length && nodeCrypto().timingSafeEqual(x, y));
}

function createCryptoModule(host: ModuleHost): LuaTable {
  return readOnly(
    tableFromRecord({
      random,
      hmac: readOnly(tableFromRecord({ sha256: hmacHex('sha256', 'sha256'), sha512: hmacHex('sha512', 'sha512') })),
      encrypt: readOnly(tableFromRecord({ aes: encryptWith('aes'), chacha20: encryptWith('chacha20') })),
      decrypt: readOnly(tableFromRecord({ aes: decryptWith('aes'), chacha20: decryptWith('chacha20') })),
      jwt: readOnly(tableFromRecord({ encode: jwtEncode, verify: jwtVerify })),
      pbkdf2: pbkdf2Of(host),
      constant_time_compare: constantTimeCompare,
    }),
  );
}

export const CRYPTO_MODULE: PlatformModule = { name: 'crypto', create: createCryptoModule };
