// The crypto and uuid modules (docs en/lua/security/crypto.md, en/lua/security/uuid.md; wippyai/runtime
// runtime/lua/modules/crypto/module.go and uuid/module.go).
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { runWithModules } from '../support/module-app.js';

async function run(modules: string[], body: string): Promise<string[]> {
  const r = await runWithModules(modules, body);
  expect(r.stderr).toBe('');
  return r.lines;
}

describe('crypto', () => {
  it('random: bytes, strings over a charset, v4 UUIDs; lengths checked (Invalid) and argument errors raised', async () => {
    expect(
      await run(['crypto'], `
        io.print(#crypto.random.bytes(16), #crypto.random.string(40), crypto.random.string(8, "a"), #crypto.random.uuid())
        io.print(crypto.random.string(64):match("^[A-Za-z0-9]+$") ~= nil, crypto.random.uuid():sub(15, 15))
        local r, e = crypto.random.bytes(0); io.print(r, e:kind(), e:message())
        r, e = crypto.random.bytes(1024 * 1024 + 1); io.print(r, e:message())
        r, e = crypto.random.string(4, ""); io.print(r, e:message())
        io.print(pcall(crypto.random.bytes, "x"))`),
    ).toEqual([
      '16\t40\taaaaaaaa\t36',
      'true\t4',
      'nil\tInvalid\tlength must be a positive integer',
      'nil\tlength exceeds maximum allowed size (1MB)',
      'nil\tcharset cannot be empty',
      expect.stringMatching(/^false\t.*bad argument #1 to 'bytes' \(number expected, got string\)$/),
    ]);
  });

  it('hmac: hex digests (RFC 4231 case 2: key "Jefe"); an empty key is Invalid', async () => {
    expect(
      await run(['crypto'], `
        io.print((crypto.hmac.sha256("Jefe", "what do ya want for nothing?")))
        io.print(#crypto.hmac.sha512("k", "d"))
        local r, e = crypto.hmac.sha256("", "d"); io.print(r, e:kind(), e:message())`),
    ).toEqual(['5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', '128', 'nil\tInvalid\tkey cannot be empty']);
  });

  it('AES-GCM and ChaCha20-Poly1305: nonce || ciphertext || tag, additional data, Go messages on failure', async () => {
    expect(
      await run(['crypto'], `
        for _, key in ipairs({string.rep("k", 16), string.rep("k", 24), string.rep("k", 32)}) do
          local c = crypto.encrypt.aes("secret \\0 data", key)
          io.print(#c, crypto.decrypt.aes(c, key) == "secret \\0 data")
        end
        local key = string.rep("x", 32)
        local c = crypto.encrypt.aes("m", key, "aad")
        io.print(crypto.decrypt.aes(c, key, "aad"), (crypto.decrypt.aes(c, key)))
        local r, e = crypto.decrypt.aes(c, string.rep("y", 32)); io.print(r, e:kind(), e:message())
        r, e = crypto.decrypt.aes("short", key); io.print(r, e:kind(), e:message())
        r, e = crypto.encrypt.aes("m", "k"); io.print(r, e:kind(), e:message())
        local cc = crypto.encrypt.chacha20("hello", key, "a")
        io.print(#cc, crypto.decrypt.chacha20(cc, key, "a"))
        r, e = crypto.decrypt.chacha20(cc, key); io.print(r, e:message())
        r, e = crypto.encrypt.chacha20("m", string.rep("k", 16)); io.print(r, e:message())
        io.print(crypto.encrypt.aes("m", key) ~= crypto.encrypt.aes("m", key))`),
    ).toEqual([
      // 12-byte nonce + 13 bytes + 16-byte tag
      '41\ttrue',
      '41\ttrue',
      '41\ttrue',
      'm\tnil',
      'nil\tInternal\tcipher: message authentication failed',
      'nil\tInvalid\tencrypted data too short',
      'nil\tInvalid\tkey must be 16, 24, or 32 bytes',
      '33\thello\tnil',
      'nil\tchacha20poly1305: message authentication failed',
      'nil\tkey must be 32 bytes',
      'true',
    ]);
  });

  it('jwt: encode (claims and header keys sorted as Go marshals maps, _header merged) and verify', async () => {
    expect(
      await run(['crypto'], `
        local t = crypto.jwt.encode({sub = "u1", exp = 4102444800, _header = {kid = "k1"}}, "secret")
        local h, p = t:match("^([^.]+)%.([^.]+)%.")
        io.print(h, p)
        local c = crypto.jwt.verify(t, "secret"); io.print(c.sub, c.exp, c._header)
        -- jwt.io's example token (HS256, no exp)
        local io_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        local claims = crypto.jwt.verify(io_token, "your-256-bit-secret", "HS256", false); io.print(claims.name, claims.iat)
        local r, e = crypto.jwt.verify(io_token, "your-256-bit-secret"); io.print(r, e:kind(), e:message())
        r, e = crypto.jwt.verify(t, "other"); io.print(e:message())
        r, e = crypto.jwt.verify(t, "secret", "HS512"); io.print(e:message())
        r, e = crypto.jwt.verify("a.b", "secret"); io.print(e:message())
        r, e = crypto.jwt.verify(crypto.jwt.encode({exp = 1}, "s"), "s"); io.print(e:message())
        r, e = crypto.jwt.verify(crypto.jwt.encode({exp = 4102444800, nbf = 4102444000}, "s"), "s"); io.print(e:message())
        r, e = crypto.jwt.encode({1, 2}, "s"); io.print(r, e:kind(), e:message())
        io.print(select(2, crypto.jwt.verify(crypto.jwt.encode({exp = 4102444800}, "s", "HS384"), "s", "HS384")))`),
    ).toEqual([
      'eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0\teyJleHAiOjQxMDI0NDQ4MDAsInN1YiI6InUxIn0',
      'u1\t4102444800\tnil',
      'John Doe\t1516239022',
      'nil\tInternal\ttoken has invalid claims: token is missing required claim: exp claim is required',
      'token signature is invalid: signature is invalid',
      'token signature is invalid: signing method HS256 is invalid',
      'token is malformed: token contains an invalid number of segments',
      'token has invalid claims: token is expired',
      'token has invalid claims: token is not valid yet',
      'nil\tInvalid\tfailed to convert payload to map',
      'nil',
    ]);
  });

  it('jwt RS256 with PEM keys (PKCS#8 private, SPKI public); a key that is not PEM', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      await run(['crypto'], `
        local t = crypto.jwt.encode({sub = "r", exp = 4102444800}, [[${priv}]], "RS256")
        local c = crypto.jwt.verify(t, [[${pub}]], "RS256"); io.print(c.sub)
        local r, e = crypto.jwt.encode({sub = "r"}, "nope", "RS256"); io.print(r, e:kind(), e:message())
        r, e = crypto.jwt.verify(t, "nope", "RS256"); io.print(r, e:kind(), e:message())`),
    ).toEqual([
      'r',
      'nil\tInvalid\tinvalid RSA private key: failed to parse PEM block containing private key',
      'nil\tInternal\ttoken is unverifiable: error while executing keyfunc: failed to parse PEM block containing public key',
    ]);
  });

  it('pbkdf2 (RFC 7914 §11 vector for SHA-256) and its checks; constant_time_compare', async () => {
    expect(
      await run(['crypto'], `
        local k = crypto.pbkdf2("passwd", "salt", 1, 64)
        io.print((k:gsub(".", function(c) return string.format("%02x", c:byte()) end)))
        io.print(#crypto.pbkdf2("p", "s", 2, 20, "sha512"))
        local r, e = crypto.pbkdf2("", "s", 1, 1); io.print(r, e:kind(), e:message())
        r, e = crypto.pbkdf2("p", "s", 10000001, 1); io.print(e:message())
        r, e = crypto.pbkdf2("p", "s", 1, 1, "md5"); io.print(e:message())
        io.print(crypto.constant_time_compare("abc", "abc"), crypto.constant_time_compare("abc", "abd"), crypto.constant_time_compare("a", "ab"))`),
    ).toEqual([
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
      '20',
      'nil\tInvalid\tpassword cannot be empty',
      'iterations exceeds maximum (10000000)',
      'unsupported hash function: md5',
      'true\tfalse\tfalse',
    ]);
  });
});

describe('uuid', () => {
  it('v3 / v5 are the RFC 4122 name-based UUIDs (DNS namespace, "python.org"); v1 / v4 / v7 carry their version', async () => {
    expect(
      await run(['uuid'], `
        local dns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
        io.print(uuid.v3(dns, "python.org"), (uuid.v5(dns, "python.org")))
        io.print(uuid.version(uuid.v1()), uuid.version(uuid.v4()), uuid.version(uuid.v7()), uuid.v4() ~= uuid.v4())
        local r, e = uuid.v5("bad", "x"); io.print(r, e:kind(), e:message())
        r, e = uuid.v3(dns); io.print(r, e:message())`),
    ).toEqual([
      '6fa459ea-ee8a-3ca4-894e-db77e160355e\t886313e1-3b8a-5372-9b90-0c9aee199e5d',
      '1\t4\t7\ttrue',
      'nil\tInvalid\tinvalid namespace UUID',
      'nil\tnamespace and name must be strings',
    ]);
  });

  it("validate / parse read google/uuid's four forms; parse gives version, variant, v1/v7 time and v1's node bytes", async () => {
    expect(
      await run(['uuid'], `
        local id = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
        for _, s in ipairs({id, "{" .. id .. "}", "urn:uuid:" .. id, "6BA7B8109DAD11D180B400C04FD430C8", "6ba7b810-9dad-11d1-80b4-00c04fd430c", "x", 5}) do
          io.write(tostring((uuid.validate(s))), " ")
        end
        io.print()
        local info = uuid.parse(id)
        io.print(info.version, info.variant, info.timestamp, #info.node, info.node == "\\0\\192\\79\\212\\48\\200")
        local v7 = uuid.parse("018c5f4e-8000-7000-8000-000000000000"); io.print(v7.version, v7.timestamp, v7.node)
        io.print(uuid.variant("6ba7b810-9dad-11d1-c0b4-00c04fd430c8"), uuid.variant("6ba7b810-9dad-11d1-00b4-00c04fd430c8"), uuid.variant("6ba7b810-9dad-11d1-e0b4-00c04fd430c8"))
        io.print(uuid.format(id, "simple"), uuid.format("{" .. id .. "}", "urn"), (uuid.format(id:upper())))
        local r, e = uuid.format(id, "weird"); io.print(r, e:message())
        r, e = uuid.parse(12); io.print(r, e:kind(), e:message())
        r, e = uuid.version("nope"); io.print(r, e:message())`),
    ).toEqual([
      'true true true true false false false ',
      // the DNS namespace UUID was made on 1998-02-04 (Wippy's docs print another number for it)
      '1\tRFC4122\t886630433\t6\ttrue',
      '7\t1702406029\tnil',
      'Microsoft\tReserved\tFuture\tnil',
      '6ba7b8109dad11d180b400c04fd430c8\turn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8\t6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      'nil\tunsupported format',
      'nil\tInvalid\tinput must be a string',
      'nil\tinvalid UUID format',
    ]);
  });
});
