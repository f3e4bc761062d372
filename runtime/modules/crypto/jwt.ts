// JSON Web Tokens as Wippy's crypto.jwt does them with golang-jwt v5 (runtime/lua/modules/crypto/module.go jwtEncode /
// jwtVerify): HS256, HS384, HS512 with the key's bytes as the secret, RS256 with a PEM key (PKCS#1 or PKCS#8 private
// key; PKIX public key or a certificate). Verification follows golang-jwt's Parser: three segments, a known `alg`
// that is the one expected, the signature, then the claims (`exp` required unless told otherwise and in the future,
// `nbf` not in the future); each failure has golang-jwt's text ("token signature is invalid: signature is invalid").
import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../../lib/node-crypto.js';
import { marshalGo } from '../../lib/wippy/json/go-marshal.js';
import { goJsonSyntax } from '../../lib/wippy/json/go-scanner.js';
import type { GoValue } from '../../lib/wippy/go-value.js';
import { luaToText } from '../../lib/lua-text.js';

const HMAC: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
/** golang-jwt's registered methods: an `alg` outside these is "unavailable" */
const KNOWN = new Set(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'none']);

/** A JWT failure with golang-jwt's message; `invalidKey` marks encode's "invalid RSA private key" (Invalid). */
export class JwtError extends Error {
  constructor(
    message: string,
    readonly invalidKey = false,
  ) {
    super(message);
  }
}

const b64url = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('base64url');

/** Go's base64.RawURLEncoding decode (golang-jwt DecodeSegment): the alphabet only, no padding. */
function decodeSegment(s: string, what: string): string {
  const bad = /[^A-Za-z0-9_-]/.exec(s);
  const at = bad !== null ? bad.index : s.length % 4 === 1 ? s.length - 1 : -1;
  if (at >= 0) throw new JwtError(`token is malformed: could not base64 decode ${what}: illegal base64 data at input byte ${at}`);
  return Buffer.from(s, 'base64url').toString('latin1');
}

function privateKey(pem: string): KeyObject {
  if (!pem.includes('-----BEGIN')) throw new JwtError('invalid RSA private key: failed to parse PEM block containing private key', true);
  let key: KeyObject;
  try {
    key = nodeCrypto().createPrivateKey(pem);
  } catch {
    // OpenSSL's reason (`error:1E08010C:DECODER routines::unsupported`) means nothing to a Lua author
    throw new JwtError('invalid RSA private key: failed to parse private key: not a PKCS1 or PKCS8 RSA key', true);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new JwtError('invalid RSA private key: key is not an RSA private key', true);
  return key;
}

function publicKey(pem: string): KeyObject {
  if (!pem.includes('-----BEGIN')) throw new Error('failed to parse PEM block containing public key');
  let key: KeyObject;
  try {
    key = pem.includes('CERTIFICATE') ? new (nodeCrypto().X509Certificate)(pem).publicKey : nodeCrypto().createPublicKey(pem);
  } catch {
    throw new Error('failed to parse public key: not a PKIX RSA public key or certificate');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error('key is not an RSA public key');
  return key;
}

function sign(alg: string, input: string, key: string): string {
  const h = HMAC[alg];
  if (h !== undefined) return nodeCrypto().createHmac(h, Buffer.from(key, 'latin1')).update(input, 'latin1').digest().toString('latin1');
  return nodeCrypto().createSign('RSA-SHA256').update(input, 'latin1').sign(privateKey(key)).toString('latin1');
}

/**
 * A signed token for `claims` (a Go-shaped map) and extra header fields. An unknown `alg` signs HS256, as
 * module.go's getSigningMethod falls back to it.
 */
export function encodeJwt(claims: Map<string, GoValue>, header: Map<string, GoValue>, key: string, alg: string): string {
  const method = HMAC[alg] !== undefined || alg === 'RS256' ? alg : 'HS256';
  const h = new Map<string, GoValue>([
    ['alg', method],
    ['typ', 'JWT'],
  ]);
  for (const [k, v] of header) h.set(k, v);
  const input = `${b64url(marshalGo(h))}.${b64url(marshalGo(claims))}`;
  return `${input}.${b64url(sign(method, input, key))}`;
}

function verifySignature(alg: string, input: string, signature: string, key: string): void {
  const h = HMAC[alg];
  let ok: boolean;
  if (h !== undefined) {
    const want = nodeCrypto().createHmac(h, Buffer.from(key, 'latin1')).update(input, 'latin1').digest();
    const got = Buffer.from(signature, 'latin1');
    ok = got.length === want.length && nodeCrypto().timingSafeEqual(got, want);
  } else {
    let pub: KeyObject;
    try {
      pub = publicKey(key);
    } catch (e) {
      throw new JwtError(`token is unverifiable: error while executing keyfunc: ${(e as Error).message}`);
    }
    ok = nodeCrypto().createVerify('RSA-SHA256').update(input, 'latin1').verify(pub, Buffer.from(signature, 'latin1'));
  }
  if (!ok) throw new JwtError('token signature is invalid: signature is invalid');
}

/** A claim as golang-jwt's MapClaims reads a NumericDate (seconds): absent, a number, or of an invalid type. */
function numericDate(claims: Record<string, unknown>, name: string): number | undefined | 'invalid' {
  const v = claims[name];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'number' ? v : 'invalid';
}

/** The claims of a token that verifies (a plain JS object, JSON-decoded), else throws JwtError. */
export function verifyJwt(token: string, key: string, alg: string, requireExp: boolean, nowSeconds: number): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('token is malformed: token contains an invalid number of segments');
  const parseJson = (segment: string, what: string): unknown => {
    const bytes = decodeSegment(segment, what);
    try {
      return JSON.parse(luaToText(bytes));
    } catch (e) {
      // Go's decoder message (`invalid character 'o' in literal null (expecting 'u')`), not V8's, which quotes the
      // text back
      const scan = goJsonSyntax(bytes);
      throw new JwtError(`token is malformed: could not JSON decode ${what}: ${scan.error ?? (e as Error).message}`);
    }
  };
  const header = parseJson(parts[0]!, 'header') as Record<string, unknown> | null;
  const claims = parseJson(parts[1]!, 'claim') as Record<string, unknown> | null;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new JwtError('token is malformed: could not JSON decode claim: not an object');
  const method = typeof header === 'object' && header !== null ? header.alg : undefined;
  if (typeof method !== 'string') throw new JwtError('token is unverifiable: signing method (alg) is unspecified');
  if (!KNOWN.has(method)) throw new JwtError('token is unverifiable: signing method (alg) is unavailable');
  if (method !== alg) throw new JwtError(`token signature is invalid: signing method ${method} is invalid`);
  const signature = decodeSegment(parts[2]!, 'signature');
  if (HMAC[method] === undefined && method !== 'RS256') throw new JwtError('token is unverifiable: the requested signing method is not supported');
  verifySignature(method, `${parts[0]}.${parts[1]}`, signature, key);
  const problems: string[] = [];
  const exp = numericDate(claims, 'exp');
  if (exp === 'invalid') problems.push('invalid type for claim: exp is invalid');
  else if (exp === undefined) {
    if (requireExp) problems.push('token is missing required claim: exp claim is required');
  } else if (!(nowSeconds < exp)) problems.push('token is expired');
  const nbf = numericDate(claims, 'nbf');
  if (nbf === 'invalid') problems.push('invalid type for claim: nbf is invalid');
  else if (nbf !== undefined && nowSeconds < nbf) problems.push('token is not valid yet');
  if (problems.length > 0) throw new JwtError(`token has invalid claims: ${problems.join(', ')}`);
  return claims;
}
