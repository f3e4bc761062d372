// The registry module (wippyai/runtime runtime/lua/modules/registry/*.go and spec.md, system/registry/finder/finder.go,
// system/registry/registry.go, internal/version; docs en/lua/core/registry.md).
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';

const ENTRIES = `  - name: svc.alpha
    kind: registry.entry
    meta: { type: service, tags: [backend, api], description: "the alpha service", order: 2 }
    port: 8080
    nested: { list: [1, 2], name: "n" }
  - name: svc.beta
    kind: registry.entry
    meta: { type: service, tags: [frontend], description: "beta" }
  - name: echo
    kind: function.lua
    meta: { type: test }
    source: file://echo.lua
    method: main
`;
const FILES = { 'src/echo.lua': 'return { main = function(x) return "echo:" .. tostring(x) end }' };
const reg = (body: string, modules: string[] = []) => runWithModules(['registry', ...modules], body, { entries: ENTRIES, files: FILES });

describe('registry module', () => {
  it('get: {id, kind, meta, data}, data being the entry\'s fields; unknown ids NotFound "entry not found: id"', async () => {
    const r = await reg(`
      local e = registry.get("app:svc.alpha")
      io.print(e.id, e.kind, e.meta.type, e.meta.tags[2], e.data.port, e.data.nested.list[2], e.data.nested.name, e.data.kind)
      local f = registry.get("app:echo")
      io.print(f.data.source, f.data.method)
      local x, err = registry.get("app:nope")
      io.print(x, err:kind(), err:retryable(), err:message())
      x, err = registry.get("bare")
      io.print(err:message())`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'app:svc.alpha\tregistry.entry\tservice\tapi\t8080\t2\tn\tnil',
      'file://echo.lua\tmain',
      'nil\tNotFound\tfalse\tentry not found: app:nope',
      // an id without ":" has the empty namespace, shown ":bare" (api/registry/id.go)
      'entry not found: :bare',
    ]);
  });

  it('parse_id splits at the first ":"; without one the namespace is ""', async () => {
    const r = await reg(`
      for _, s in ipairs({"a.b:c", "name", "ns:x:y", ""}) do local id = registry.parse_id(s); io.print(id.ns, id.name) end`);
    expect(r.lines).toEqual(['a.b\tc', '\tname', 'ns\tx:y', '\t']);
  });

  it('find with the finder\'s filters: root fields with a "*" wildcard, meta equality, lists, ~ * ^ $ operators', async () => {
    const r = await reg(`
      local function ids(f)
        local t = {}
        for _, e in ipairs(registry.find(f)) do t[#t + 1] = e.id end
        table.sort(t)
        return table.concat(t, ",")
      end
      io.print(ids({[".kind"] = "registry.entry"}))
      io.print(ids({[".kind"] = "*.lua", [".ns"] = "app"}))
      io.print(ids({[".name"] = "svc.*"}), ids({[".id"] = "app:*beta"}))
      io.print(ids({["meta.type"] = "service"}), ids({["meta.type"] = "test"}))
      io.print(ids({["meta.tags"] = {"api", "backend"}}), ids({["meta.tags"] = {"api", "frontend"}}))
      io.print(ids({["~meta.description"] = "^the .* service$"}), ids({["*meta.tags"] = "end"}))
      io.print(ids({["^meta.description"] = "be"}), ids({["$meta.description"] = "service"}))
      io.print(ids({["meta.order"] = 2}), ids({[".kind"] = "registry.entry", meta = {["meta.type"] = "service"}}))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'app:svc.alpha,app:svc.beta',
      'app:echo,app:main',
      'app:svc.alpha,app:svc.beta\tapp:svc.beta',
      'app:svc.alpha,app:svc.beta\tapp:echo',
      'app:svc.alpha\t',
      'app:svc.alpha\tapp:svc.alpha,app:svc.beta',
      'app:svc.beta\tapp:svc.alpha',
      'app:svc.alpha\tapp:svc.alpha,app:svc.beta',
    ]);
  });

  it('find ignores keys the finder does not know (kind = ..., type = ...): such a filter matches every entry', async () => {
    const r = await reg(`
      local all = #registry.find({})
      io.print(all, #registry.find({kind = "registry.entry"}) == all, #registry.find({type = "test", meta = {type = "x"}}) == all)
      io.print(#registry.find({["~meta.description"] = "("}) == all)`);
    expect(r.lines).toEqual(['5\ttrue\ttrue', 'true']);
  });

  it('changesets: create, update, delete applied as a new version; later gets and finds see them; ops() lists them', async () => {
    const r = await reg(`
      local v0 = registry.current_version()
      local changes = registry.snapshot():changes()
      io.print(changes:create({id = "app:new", kind = "registry.entry", meta = {type = "added"}, data = {n = 1}}) == changes)
      changes:update({id = "app:svc.beta", kind = "registry.entry", meta = {type = "changed"}, data = {}})
      changes:delete("app:svc.alpha")
      for _, op in ipairs(changes:ops()) do io.print(op.kind, op.entry.id, op.entry.kind) end
      io.print(tostring(changes))
      local v1, err = changes:apply()
      io.print(err, v1:id() == v0:id() + 1, registry.current_version():id() == v1:id(), v1:previous():id() == v0:id())
      io.print(registry.get("app:new").data.n, registry.get("app:svc.beta").meta.type, (registry.get("app:svc.alpha")))
      io.print(#registry.find({["meta.type"] = "added"}))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'true',
      'entry.create\tapp:new\tregistry.entry',
      'entry.update\tapp:svc.beta\tregistry.entry',
      'entry.delete\tapp:svc.alpha\t',
      'registry.Changes{ops=3}',
      'nil\ttrue\ttrue\ttrue',
      '1\tchanged\tnil',
      '1',
    ]);
  });

  it('a changeset that cannot apply changes nothing: existing id, missing id, bad entries, nothing to apply', async () => {
    const r = await reg(`
      local function try(build)
        local c = registry.snapshot():changes()
        build(c)
        local v, err = c:apply()
        io.print(v, err:kind(), err:message())
      end
      local before = registry.current_version():id()
      try(function(c) c:create({id = "app:ok1", kind = "registry.entry"}); c:create({id = "app:echo", kind = "registry.entry"}) end)
      try(function(c) c:update({id = "app:missing", kind = "registry.entry"}) end)
      try(function(c) c:delete({ns = "app", name = "missing"}) end)
      try(function(c) c:create({id = "app:weird", kind = "no.such.kind"}) end)
      try(function(c) end)
      io.print(registry.get("app:ok1"), registry.current_version():id() == before)
      local c = registry.snapshot():changes()
      local x, err = c:create({kind = "registry.entry"}); io.print(x, err:kind(), err:message())
      x, err = c:create({id = "app:k"}); io.print(x, err:message())
      x, err = c:delete(42); io.print(x, err:kind(), err:message())`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'nil\tInternal\tentry already exists: app:echo',
      'nil\tInternal\tentry not found: app:missing',
      'nil\tInternal\tentry not found: app:missing',
      "nil\tInternal\tapp:weird: unknown entry kind 'no.such.kind'",
      'nil\tInvalid\tno changes to apply',
      'nil\ttrue',
      'nil\tInvalid\tentry must have valid id field',
      'nil\tentry must have kind field',
      'nil\tInvalid\tinvalid ID format',
    ]);
  });

  it('versions: apply_version goes back and forward; snapshot_at and history show a version\'s entries', async () => {
    const r = await reg(`
      local v1 = registry.current_version()
      local function apply(f) local c = registry.snapshot():changes(); f(c); return assert(c:apply()) end
      local v2 = apply(function(c) c:create({id = "app:x", kind = "registry.entry", data = {gen = 2}}) end)
      local v3 = apply(function(c) c:update({id = "app:x", kind = "registry.entry", data = {gen = 3}}) end)
      io.print(v1:string(), tostring(v2), v1:next():id() == v2:id(), v3:next())
      io.print(registry.apply_version(v1)); io.print(registry.get("app:x"))
      io.print(registry.apply_version(v3), registry.get("app:x").data.gen, registry.current_version():id() == v3:id())
      io.print(registry.apply_version(v2), registry.get("app:x").data.gen)
      local s = registry.snapshot_at(v3:id())
      io.print(tostring(s) == "registry.Snapshot{version=" .. v3:string() .. "}", s:get("app:x").data.gen, #s:entries() == #registry.snapshot():entries())
      local h = registry.history()
      io.print(tostring(h), #h:versions(), h:get_version(v1:id()):id() == v1:id(), h:snapshot_at(v1):get("app:x"))
      local _, e = h:get_version(999); io.print(e:kind(), e:message())
      _, e = registry.snapshot_at(0); io.print(e:kind(), e:message())
      _, e = registry.snapshot_at(999); io.print(e:kind(), e:message())
      -- a branch: changes made after going back start from there
      registry.apply_version(v1)
      local v4 = apply(function(c) c:create({id = "app:y", kind = "registry.entry"}) end)
      io.print(v4:previous():id() == v1:id(), v1:next():id() == v4:id(), registry.get("app:x"))
      io.print(registry.apply_version(v3), registry.get("app:x").data.gen, registry.get("app:y"))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'v1\tregistry.Version{v2}\ttrue\tnil',
      'true\tnil',
      'nil\tentry not found: app:x',
      'true\t3\ttrue',
      'true\t2',
      'true\t3\ttrue',
      'registry.History{}\t3\ttrue\tnil\tentry not found: app:x',
      'NotFound\tversion not found',
      'Invalid\tinvalid version ID',
      'NotFound\tversion not found',
      'true\ttrue\tnil\tentry not found: app:x',
      'true\t3\tnil\tentry not found: app:y',
    ]);
  });

  it('function.lua entries made by a changeset are callable as soon as apply returns; one that does not compile fails apply', async () => {
    const r = await reg(
      `
      local c = registry.snapshot():changes()
      c:create({id = "app:dyn", kind = "function.lua", data = {source = "return { main = function(a) return a * 2 end }", method = "main"}})
      assert(c:apply())
      io.print(funcs.call("app:dyn", 21))
      c = registry.snapshot():changes()
      c:update({id = "app:dyn", kind = "function.lua", data = {source = "return { main = function(a) return a * 3 end }", method = "main"}})
      assert(c:apply())
      io.print(funcs.call("app:dyn", 21))
      c = registry.snapshot():changes()
      c:create({id = "app:broken", kind = "function.lua", data = {source = "return {", method = "main"}})
      local v, err = c:apply()
      io.print(v, err:kind(), registry.get("app:broken"))
      c = registry.snapshot():changes()
      c:delete("app:dyn"); assert(c:apply())
      local x, e = funcs.call("app:dyn", 1); io.print(x, e ~= nil)`,
      ['funcs'],
    );
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['42\tnil', '63\tnil', 'nil\tInternal\tnil\tentry not found: app:broken', 'nil\ttrue']);
  });

  it('in an embedded runtime too, a function.lua entry made by a changeset is callable once apply returns', async () => {
    const { createRuntime } = await import('../../sdk/index.js');
    const { writeApp, indexYaml } = await import('../support/app-folder.js');
    const dir = writeApp({
      'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [registry, funcs]\n'),
      'src/main.lua': `return { main = function()
  local c = registry.snapshot():changes()
  c:create({id = "app:twice", kind = "function.lua", data = {source = "return { main = function(a) return a * 2 end }", method = "main"}})
  assert(c:apply())
  return (funcs.call("app:twice", 5))
end }`,
    });
    const rt = createRuntime({ write: () => {} });
    try {
      await rt.loadApp(dir);
      const exit = await rt.run('app:main', 'app:processes');
      expect(exit.error).toBeUndefined();
      expect(exit.value).toBe(10);
    } finally {
      await rt.shutdown(100);
    }
  });

  it('entry changes are published on the event bus: system "registry", kind entry.create / update / delete, path the id', async () => {
    const r = await reg(
      `
      local sub = events.subscribe("registry")
      local c = registry.snapshot():changes()
      c:create({id = "app:e1", kind = "registry.entry", data = {v = 1}})
      c:delete("app:svc.beta")
      assert(c:apply())
      for i = 1, 2 do local e = sub:channel():receive(); io.print(e.system, e.kind, e.path, e.data.id) end`,
      ['events'],
    );
    expect(r.lines).toEqual(['registry\tentry.create\tapp:e1\tapp:e1', 'registry\tentry.delete\tapp:svc.beta\tapp:svc.beta']);
  });

  it('permissions: registry.get per entry (lists leave denied entries out), registry.apply, registry.apply_version', async () => {
    const { loadApp } = await import('../../runtime/app/index.js');
    const { createAppRuntime } = await import('../../sdk/app-runtime.js');
    const { writeApp, indexYaml } = await import('../support/app-folder.js');
    const { callFunction } = await import('../../runtime/modules/index.js');
    const dir = writeApp({
      ...FILES,
      'src/_index.yaml': indexYaml(`${ENTRIES}  - name: f\n    kind: function.lua\n    source: file://f.lua\n    method: main\n    modules: [registry]\n`),
      'src/f.lua': `local registry = require("registry")
return { main = function()
  local _, e1 = registry.get("app:svc.beta")
  local found = #registry.find({[".kind"] = "registry.entry"})
  local c = registry.snapshot():changes(); c:create({id = "app:z", kind = "registry.entry"})
  local _, e2 = c:apply()
  local ok, e3 = registry.apply_version(registry.current_version())
  return table.concat({e1:kind(), e1:message(), found, e2:kind(), e2:message(), tostring(ok), e3:message()}, "|")
end }`,
    });
    const { app } = await loadApp(dir);
    const ar = await createAppRuntime(app, {
      check: (action, resource) => !(action === 'registry.get' && resource === 'app:svc.beta') && !action.startsWith('registry.apply'),
    });
    try {
      expect(await callFunction(ar.rt, 'app:f')).toEqual({
        ok: true,
        value: 'PermissionDenied|not allowed to access entry: app:svc.beta|1|PermissionDenied|not allowed to apply registry changes|nil|registry version change is not allowed',
      });
    } finally {
      ar.rt.shutdown();
    }
  });
});
