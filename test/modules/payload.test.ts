// The `payload` global (Wippy docs en/lua/data/payload.md; wippyai/runtime runtime/lua/modules/payload/module.go and
// the transcoders of runtime/lua/engine/payload/ and system/payload/), run in a process as apps use it.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

async function lines(body: string): Promise<string[]> {
  const r = await runBodies(body);
  expect(r.exit?.error).toBeUndefined();
  return r.lines;
}

describe('payload', () => {
  it('format constants (module.go buildModule) and payload.new formats: lua/any, golang/error for an error value', async () => {
    expect(
      await lines(`
        local f = payload.format
        print(f.JSON, f.YAML, f.STRING, f.BYTES)
        print(f.MSGPACK, f.LUA, f.GOLANG, f.ERROR)
        print(payload.new({a = 1}):get_format(), payload.new(nil):get_format(), payload.new():get_format())
        print(payload.new(errors.new("x")):get_format(), type(payload.new(1)), tostring(payload.new("s")))
      `),
    ).toEqual([
      'json/plain\tyaml/plain\ttext/plain\tapplication/octet-stream',
      'application/msgpack\tlua/any\tgolang/any\tgolang/error',
      'lua/any\tlua/any\tlua/any',
      'golang/error\tuserdata\tpayload{format=lua/any}',
    ]);
  });

  it('data() and unmarshal() of a Lua payload give back the value itself', async () => {
    expect(
      await lines(`
        local t = {k = "v"}
        local p = payload.new(t)
        print(p:data() == t, p:unmarshal() == t, payload.new(123.456):data(), payload.new(false):data())
      `),
    ).toEqual(['true\ttrue\t123.456\tfalse']);
  });

  it('transcode: Lua -> JSON text with the json codec, and back; JSON -> YAML through Lua', async () => {
    expect(
      await lines(`
        local j, err = payload.new({items = {1, 2}}):transcode(payload.format.JSON)
        print(err, j:get_format(), j:data().items[2])
        local back = j:transcode(payload.format.LUA)
        print(back:get_format(), back:data().items[1])
        local y = j:transcode(payload.format.YAML)
        print(y:get_format(), y:data().items[2])
        local s = payload.new({1, 2, 3}):transcode(payload.format.STRING)
        print(s:get_format(), s:data(), payload.new(42):transcode(payload.format.BYTES):data())
        print(payload.new({b = 1, a = "x"}):transcode(payload.format.STRING):data())
      `),
    ).toEqual(['nil\tjson/plain\t2', 'lua/any\t1', 'yaml/plain\t2', 'text/plain\t[1 2 3]\t42', 'map[a:x b:1]']);
  });

  it('a failed conversion is nil + an Internal, non-retryable error wrapping the cause (module.go payloadTranscode)', async () => {
    expect(
      await lines(`
        local p, err = payload.new({[1] = "a", [3] = "c"}):transcode(payload.format.JSON)
        print(p, err:kind() == errors.INTERNAL, err:retryable())
        print(err:message())
        local v, err2 = payload.new(errors.new("boom")):data()
        print(v, err2:kind(), err2:message())
        local _, err3 = payload.new(1):transcode(payload.format.MSGPACK)
        print(err3:kind(), err3:details().from, err3:details().to)
      `),
    ).toEqual([
      'nil\ttrue\tfalse',
      'error transcoding payload: json: error calling MarshalJSON for type *json.jsonValue: cannot encode sparse array: non-contiguous numeric keys found',
      'nil\tInternal\tno transcoding path found',
      'Internal\tlua/any\tapplication/msgpack',
    ]);
  });

  it('the global and the payload methods are read-only; a payload sent to a process arrives wrapped in the message\'s payload (engine/payload/export.go ExportPayload), copied', async () => {
    expect(
      await lines(`
        print(pcall(function() payload.x = 1 end))
        print(pcall(function() payload.format.JSON = "x" end))
        local me = process.pid()
        local t = {n = 1}
        process.send(me, "p", payload.new(t))
        local msg = process.inbox():receive():payload()
        local got = msg:data()
        print(msg:get_format(), tostring(got):sub(1, 8), got:get_format(), got:data().n, got:data() ~= t)
      `).then((l) => l.map((s) => s.replace(/^false\t.*: /, 'false\t'))),
    ).toEqual(['false\tattempt to modify a read-only table', 'false\tattempt to modify a read-only table', 'lua/any\tpayload{\tlua/any\t1\ttrue']);
  });
});
