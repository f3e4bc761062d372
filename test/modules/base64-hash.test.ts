// The base64 and hash modules (docs en/lua/data/base64.md, en/lua/security/hash.md; wippyai/runtime
// runtime/lua/modules/base64/module.go and hash/module.go).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { decodeStd, encodeStd } from '../../runtime/modules/base64/std-encoding.js';
import { fnv1_32, fnv1_64 } from '../../runtime/modules/hash/fnv.js';

async function run(modules: string[], body: string): Promise<string[]> {
  const r = await runWithModules(modules, body);
  expect(r.stderr).toBe('');
  return r.lines;
}

const decodeError = (s: string): string => {
  try {
    return `ok ${decodeStd(s)}`;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('base64', () => {
  it('standard padded encoding of bytes; "" stays "" with one result (module.go)', async () => {
    expect(
      await run(['base64'], `
        io.print(base64.encode("hello"), base64.encode("a"), base64.encode("\\0\\255\\254"), select("#", base64.encode("")))
        io.print(base64.decode("aGVsbG8="), base64.decode("YQ==") == "a", base64.decode("AP/+") == "\\0\\255\\254", select("#", base64.decode("")))
        local r, e = base64.decode("!!!"); io.print(r, e:kind(), e:retryable(), tostring(e))
        r, e = base64.encode(5); io.print(r, e:kind(), e:message())`),
    ).toEqual([
      'aGVsbG8=\tYQ==\tAP/+\t1',
      'hello\ttrue\ttrue\t1',
      'nil\tInvalid\tfalse\tillegal base64 data at input byte 0',
      'nil\tInvalid\tstring expected',
    ]);
  });

  it("decoding is Go's StdEncoding: padding required, newlines skipped, offsets of the first bad byte", () => {
    expect(['YQ', 'YQ=', 'YQ==x', 'Y===', 'YQ\n==', 'YWJj\r\nYQ==', 'YW=j', 'YWJ', 'YR=='].map(decodeError)).toEqual([
      'illegal base64 data at input byte 0',
      'illegal base64 data at input byte 3',
      'illegal base64 data at input byte 4',
      'illegal base64 data at input byte 1',
      'ok a',
      'ok abca',
      'illegal base64 data at input byte 2',
      'illegal base64 data at input byte 0',
      // non-strict: bits left over in the last quantum are ignored
      'ok a',
    ]);
    expect(encodeStd('\u00ff\u0000')).toBe('/wA=');
  });
});

describe('hash', () => {
  it('digests as hex or raw bytes (RFC 1321 / FIPS 180 vectors); HMAC with a secret (RFC 4231 case 1)', async () => {
    expect(
      await run(['hash'], `
        io.print(hash.md5(""), hash.sha1("abc"))
        io.print(hash.sha256("abc"))
        io.print(#hash.sha512("abc"), #hash.sha512("abc", true), #hash.md5("x", true), hash.sha256("abc", true) == hash.sha256("abc", 1))
        io.print(hash.hmac_sha256("Hi There", string.rep("\\11", 20)))
        io.print(#hash.hmac_sha512("d", "k"), #hash.hmac_sha1("d", "k", true), hash.hmac_md5("", ""))`),
    ).toEqual([
      // `value, nil`: two results, as module.go pushes them
      'd41d8cd98f00b204e9800998ecf8427e\ta9993e364706816aba3e25717850c26c9cd0d89d\tnil',
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\tnil',
      '128\t64\t16\ttrue',
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7\tnil',
      '128\t20\t74e6f7298a9c2d168935f58c001bad88\tnil',
    ]);
  });

  it('fnv32 / fnv64 are FNV-1 as module.go computes (Go hash/fnv New32 / New64), as numbers', async () => {
    expect(fnv1_32('')).toBe(0x811c9dc5);
    expect(fnv1_32('a')).toBe(0x050c5d7e);
    expect(fnv1_64('a')).toBe(Number(0xaf63bd4c8601b7ben));
    expect(await run(['hash'], `io.print(hash.fnv32("a"), hash.fnv32("a") == hash.fnv32("a"), type((hash.fnv64("a"))))`)).toEqual([
      `${0x050c5d7e}\ttrue\tnumber`,
    ]);
  });

  it('non-string data or secret: nil + Invalid (numbers too)', async () => {
    expect(
      await run(['hash'], `
        local r, e = hash.md5(12); io.print(r, e:kind(), e:retryable(), e:message())
        r, e = hash.hmac_sha256("d", nil); io.print(r, e:message())
        r, e = hash.fnv64({}); io.print(r, e:message())`),
    ).toEqual(['nil\tInvalid\tfalse\tdata must be a string', 'nil\tsecret must be a string', 'nil\tdata must be a string']);
  });
});
