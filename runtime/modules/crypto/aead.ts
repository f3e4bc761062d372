// Authenticated encryption as Wippy's crypto module does it with Go's AES-GCM and ChaCha20-Poly1305 (module.go
// encryptAES / decryptAES / encryptChaCha20 / decryptChaCha20): a random 12-byte nonce, and the output
// nonce || ciphertext || 16-byte tag (Go's Seal(nonce, nonce, ...)); optional additional data. node:crypto does the
// cipher work; a text that does not authenticate fails with Go's message.
import type { CipherGCMTypes, CipherChaCha20Poly1305Types } from 'node:crypto';
import { nodeCrypto } from '../../lib/node-crypto.js';

const NONCE = 12;
const TAG = 16;

export type AeadCipher = CipherGCMTypes | CipherChaCha20Poly1305Types;

/** The node cipher for a key length (AES-GCM by key size; ChaCha20-Poly1305 takes 32 bytes only). */
export function aesCipher(keyLength: number): AeadCipher {
  return keyLength === 16 ? 'aes-128-gcm' : keyLength === 24 ? 'aes-192-gcm' : 'aes-256-gcm';
}

/** Why a text did not decrypt (Go's error text). */
export class OpenError extends Error {}

export function seal(cipher: AeadCipher, key: Buffer, plain: Buffer, aad: Buffer | undefined): Buffer {
  const nonce = nodeCrypto().randomBytes(NONCE);
  const c = nodeCrypto().createCipheriv(cipher as CipherGCMTypes, key, nonce, { authTagLength: TAG });
  if (aad !== undefined) c.setAAD(aad, { plaintextLength: plain.length });
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

/** The plaintext of nonce || ciphertext || tag; the caller has checked that the nonce is there. */
export function open(cipher: AeadCipher, key: Buffer, sealed: Buffer, aad: Buffer | undefined): Buffer {
  const failed = new OpenError(cipher === 'chacha20-poly1305' ? 'chacha20poly1305: message authentication failed' : 'cipher: message authentication failed');
  if (sealed.length < NONCE + TAG) throw failed;
  const nonce = sealed.subarray(0, NONCE);
  const body = sealed.subarray(NONCE, sealed.length - TAG);
  const d = nodeCrypto().createDecipheriv(cipher as CipherGCMTypes, key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  if (aad !== undefined) d.setAAD(aad, { plaintextLength: body.length });
  try {
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    throw failed;
  }
}

export const NONCE_SIZE = NONCE;
