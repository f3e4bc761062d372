// The store module and store.memory entries (wippyai/runtime runtime/lua/modules/store/{module,store,yields}.go and
// spec.md, service/store/memory/memstore.go; docs en/lua/storage/store.md).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';
import { MemoryStore } from '../../runtime/modules/store/memory-store.js';

const STORES = `  - name: cache
    kind: store.memory
    max_size: 3
  - name: big
    kind: store.memory
  - name: bad
    kind: store.memory
    max_size: -1
`;
const st = (body: string, more = '') => runWithModules(['store', 'time'], body, { entries: STORES + more });

describe('store module', () => {
  it('set / get / has / delete with every kind of value; delete of a missing key is false, not an error', async () => {
    const r = await st(`
      local s = store.get("app:big")
      io.print(s:set("k:str", "hello"), s:set("k:num", 1.5), s:set("k:bool", false), s:set("k:tab", {a = 1, list = {1, 2}}))
      local t = s:get("k:tab")
      io.print(s:get("k:str"), s:get("k:num"), s:get("k:bool"), t.a, #t.list)
      io.print(s:has("k:str"), s:has("k:none"))
      io.print(s:delete("k:str"), s:delete("k:str"), s:has("k:str"))
      local v, err = s:get("k:str")
      io.print(v, err:kind(), err:retryable(), err:message(), tostring(err))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      // (every call but the last gives one result)
      'true\ttrue\ttrue\ttrue\tnil',
      'hello\t1.5\tfalse\t1\t2',
      'true\tfalse\tnil',
      'true\tfalse\tfalse\tnil',
      'nil\tNotFound\tfalse\tkey not found\tkey not found',
    ]);
  });

  it('values are copied in and out: changing a table after set, or the table get returned, changes nothing stored', async () => {
    const r = await st(`
      local s = store.get("app:big")
      local t = {n = 1}
      s:set("t", t)
      t.n = 2
      local got = s:get("t")
      got.n = 3
      io.print(s:get("t").n, got ~= s:get("t"))`);
    expect(r.lines).toEqual(['1\ttrue']);
  });

  it('what one process stores another reads (the store belongs to the entry, not the process)', async () => {
    const r = await runWithModules(['store', 'time'], `
      process.spawn_monitored("app:writer", "app:processes")
      process.events():receive()
      io.print(store.get("app:big"):get("shared").from)`, {
      entries: `${STORES}  - name: writer\n    kind: process.lua\n    source: file://writer.lua\n    method: main\n    modules: [store]\n`,
      files: { 'src/writer.lua': 'return { main = function() store.get("app:big"):set("shared", {from = "writer"}) end }' },
    });
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['writer']);
  });

  it('a TTL (seconds) makes the key disappear when it runs out; 0 or none keeps it', async () => {
    const r = await st(`
      local s = store.get("app:big")
      s:set("short", "v", 0.05)
      s:set("zero", "v", 0)
      s:set("none", "v")
      io.print(s:has("short"), s:get("short"))
      time.sleep("100ms")
      io.print(s:has("short"), (s:get("short")), s:has("zero"), s:has("none"))`);
    expect(r.lines).toEqual(['true\tv\tnil', 'false\tnil\ttrue\ttrue\tnil']);
  });

  it('max_size bounds the keys: a new key in a full store is Unavailable "store is full" (retryable); expired keys make room', async () => {
    const r = await st(`
      local s = store.get("app:cache")
      s:set("a", 1); s:set("b", 2); s:set("c", 3, 0.05)
      local ok, err = s:set("d", 4)
      io.print(ok, err:kind(), err:retryable(), err:message(), tostring(err))
      io.print(s:set("a", 10))
      time.sleep("100ms")
      io.print(s:set("d", 4))`);
    expect(r.lines).toEqual(['nil\tUnavailable\ttrue\tstore is full\tstore is full', 'true\tnil', 'true\tnil']);
  });

  it('without max_size a store holds 10000 keys (config.go InitDefaults)', async () => {
    const r = await st(`
      local s = store.get("app:big")
      for i = 1, 10000 do assert(s:set("k" .. i, i)) end
      local ok, err = s:set("one more", 1)
      io.print(ok, err:message(), (s:set("k1", 0)))`);
    expect(r.lines).toEqual(['nil\tstore is full\ttrue']);
  });

  it('expired keys are swept out by the first write after each cleanup_interval, so unread ones do not pile up', () => {
    let now = 0;
    const s = new MemoryStore(0, 60_000, () => now);
    for (let i = 0; i < 100; i++) s.set(`k${i}`, i, 1000);
    now = 30_000;
    s.set('a', 1, 0);
    expect(s.held).toBe(101); // expired, but the interval has not passed
    now = 60_000;
    s.set('b', 1, 0);
    expect(s.held).toBe(2);
  });

  it('store.get errors: empty id Invalid; an unknown id or a store kind moonforge does not run Internal', async () => {
    const r = await st(`
      local function show(s, e) io.print(s, e:kind(), e:retryable(), e:message()) end
      show(store.get(""))
      show(store.get("app:nope"))
      show(store.get("app:main"))
      show(store.get("app:sql"))
      show(store.get("app:bad"))`, '  - name: sql\n    kind: store.sql\n');
    expect(r.lines).toEqual([
      'nil\tInvalid\tfalse\tresource id is required',
      'nil\tInternal\tfalse\tresource not found: app:nope',
      'nil\tInternal\tfalse\tresource not found: app:main',
      'nil\tInternal\tfalse\tstore.sql stores are not run by moonforge: app:sql',
      'nil\tInternal\tfalse\tinvalid store configuration: app:bad: max_size must be a non-negative integer',
    ]);
  });

  it('a released handle answers Invalid "store is released"; release is idempotent; tostring shows it', async () => {
    const r = await st(`
      local s = store.get("app:big")
      io.print(tostring(s), s:release(), s:release(), tostring(s))
      for _, m in ipairs({"get", "set", "has", "delete", "entry", "info"}) do
        local a, e = s[m](s, "k", "v")
        io.print(m, a, e:kind(), e:message())
      end`);
    expect(r.lines).toEqual([
      'store.Store{}\ttrue\ttrue\tstore.Store{released}',
      'get\tnil\tInvalid\tstore is released',
      'set\tnil\tInvalid\tstore is released',
      'has\tnil\tInvalid\tstore is released',
      'delete\tnil\tInvalid\tstore is released',
      'entry\tnil\tInvalid\tstore is released',
      'info\tnil\tInvalid\tstore is released',
    ]);
  });

  it('argument errors: an empty key and a nil value are Invalid; a ttl that is not a number raises', async () => {
    const r = await st(`
      local s = store.get("app:big")
      local _, e = s:get(""); io.print(e:kind(), e:message())
      _, e = s:set("k", nil); io.print(e:kind(), e:message())
      io.print(pcall(function() local x = s:set("k", 1, "soon"); return x end))`);
    expect(r.lines[0]).toBe('Invalid\tkey is required');
    expect(r.lines[1]).toBe('Invalid\tvalue is required');
    expect(r.lines[2]).toMatch(/^false\t.*bad argument #4 to 'set' \(number expected, got string\)$/);
  });

  it('entry, put (only_if_absent, if_version), list (prefix, after, limit) and info, as memstore.go', async () => {
    const r = await st(`
      local s = store.get("app:big")
      local e1 = s:put("user:1", {name = "a"})
      io.print(e1.key, e1.value.name, type(e1.version))
      local _, err = s:put("user:1", "x", {only_if_absent = true}); io.print(err:kind(), err:message())
      _, err = s:put("user:1", "x", {if_version = "999"}); io.print(err:kind(), err:retryable(), err:message())
      local e2 = s:put("user:1", "b", {if_version = e1.version}); io.print(e2.value, tonumber(e2.version) > tonumber(e1.version))
      _, err = s:put("user:1", "x", {only_if_absent = true, if_version = e2.version}); io.print(err:kind(), err:message())
      io.print(s:entry("user:1").value)
      s:set("user:2", 2); s:set("user:3", 3); s:set("other", 0); s:set("bare", 1)
      local p = s:list({prefix = "user:", limit = 2})
      io.print(#p.items, p.items[1].key, p.items[2].key, p.cursor, p.has_more)
      p = s:list({prefix = "user:", after = p.cursor})
      io.print(#p.items, p.items[1].key, p.has_more)
      io.print(s:entry("bare").key, s:list().items[1].key)
      local info = s:info()
      io.print(info.id, info.backend == store.backend.MEMORY, info.consistency == store.consistency.LOCAL, info.durable, info.ttl)`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'user:1\ta\tstring',
      'AlreadyExists\tkey already exists',
      'Conflict\ttrue\tversion mismatch',
      'b\ttrue',
      'Invalid\tonly_if_absent and if_version are mutually exclusive',
      'b',
      '2\tuser:1\tuser:2\tuser:2\ttrue',
      '1\tuser:3\tfalse',
      // a key without a namespace reads back as Wippy's id text ":name" (api/registry/id.go parseIDString)
      ':bare\t:bare',
      'app:big\ttrue\ttrue\tfalse\ttrue',
    ]);
  });
});
