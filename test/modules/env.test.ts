// The env module over env.storage.* and env.variable entries (wippyai/runtime runtime/lua/modules/env/module.go and
// spec.md, system/env/registry.go, service/env/*; docs en/lua/system/env.md, en/system/env.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithModules } from '../support/module-app.js';

process.env.MF_ENV_TEST_OS = 'from-os';

const ENTRIES = `  - name: mem
    kind: env.storage.memory
  - name: os
    kind: env.storage.os
  - name: defaults
    kind: env.storage.static
    values:
      STATIC_ONE: "one"
  - name: router
    kind: env.storage.router
    storages: [app:mem, app:os]
  - name: v_mem
    kind: env.variable
    variable: MEM_VAR
    storage: app:mem
  - name: v_os
    kind: env.variable
    variable: MF_ENV_TEST_OS
    storage: app:os
  - name: v_def
    kind: env.variable
    variable: WITH_DEFAULT
    storage: app:mem
    default: fallback
  - name: v_ro
    kind: env.variable
    variable: READ_ONLY
    storage: app:mem
    readonly: true
  - name: v_routed
    kind: env.variable
    variable: ROUTED
    storage: app:router
  - name: v_static
    kind: env.variable
    variable: STATIC_ONE
    storage: app:defaults
  - name: private_key
    kind: env.variable
    storage: app:mem
  - name: v_bad_name
    kind: env.variable
    variable: BAD-NAME
    storage: app:mem
  - name: v_dup
    kind: env.variable
    variable: MEM_VAR
    storage: app:os
`;
const env = (body: string, entries = ENTRIES, files?: Record<string, string>) => runWithModules(['env'], body, { entries, files });

describe('env module', () => {
  it('get / set through variables: memory, OS (read-only), static, a default, a router writing to its first storage', async () => {
    const r = await env(`
      io.print(env.set("MEM_VAR", "m1"), (env.get("MEM_VAR")))
      io.print((env.get("MF_ENV_TEST_OS")), (env.get("STATIC_ONE")), (env.get("WITH_DEFAULT")))
      env.set("WITH_DEFAULT", ""); io.print((env.get("WITH_DEFAULT")))
      env.set("WITH_DEFAULT", "set"); io.print((env.get("WITH_DEFAULT")))
      io.print(env.set("ROUTED", "r1"), (env.get("ROUTED")))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['true\tm1', 'from-os\tone\tfallback', 'fallback', 'set', 'true\tr1']);
  });

  it('errors: empty key Invalid; unknown or unset variables NotFound; writing a read-only storage or variable PermissionDenied', async () => {
    const r = await env(`
      local function show(v, e) io.print(v, e:kind(), e:retryable(), e:message(), tostring(e)) end
      show(env.get(""))
      show(env.set("", "x"))
      show(env.get("NO_SUCH_VARIABLE"))
      show(env.get("MEM_VAR"))
      show(env.set("MF_ENV_TEST_OS", "x"))
      show(env.set("STATIC_ONE", "x"))
      show(env.set("READ_ONLY", "x"))`);
    expect(r.lines).toEqual([
      'nil\tInvalid\tfalse\tempty key\tempty key',
      'nil\tInvalid\tfalse\tempty key\tempty key',
      'nil\tNotFound\tfalse\tenvironment variable not found\tenvironment variable not found',
      'nil\tNotFound\tfalse\tenvironment variable not found\tenvironment variable not found',
      'nil\tPermissionDenied\tfalse\tstorage is read-only\tstorage is read-only',
      'nil\tPermissionDenied\tfalse\tstorage is read-only\tstorage is read-only',
      'nil\tPermissionDenied\tfalse\tenvironment variable is read-only\tenvironment variable is read-only',
    ]);
  });

  it('a variable without a public name is reached by its id, or by its bare name from its own namespace', async () => {
    const r = await env(`
      io.print(env.set("app:private_key", "secret"), (env.get("app:private_key")), (env.get("private_key")))`);
    expect(r.lines).toEqual(['true\tsecret\tsecret']);
  });

  it('variables Wippy rejects do not exist: a name outside [A-Za-z0-9_], a name already taken (the first keeps it)', async () => {
    const r = await env(`
      local _, e = env.get("BAD-NAME"); io.print(e:kind())
      env.set("MEM_VAR", "in-memory")
      io.print((env.get("MEM_VAR")))`);
    // v_dup (MEM_VAR on the OS storage) lost to v_mem: the value is the memory storage's
    expect(r.lines).toEqual(['NotFound', 'in-memory']);
  });

  it('get_all lists every name of every storage (the OS environment with an env.storage.os entry), not only variables', async () => {
    const r = await env(`
      env.set("MEM_VAR", "m")
      local all, err = env.get_all()
      io.print(err, all.MEM_VAR, all.MF_ENV_TEST_OS, all.STATIC_ONE, all.PATH ~= nil)`);
    expect(r.lines).toEqual(['nil\tm\tfrom-os\tone\ttrue']);
    const none = await env(`local all = env.get_all(); io.print(next(all))`, '');
    expect(none.lines).toEqual(['nil']);
  });

  it('env.storage.file: a .env file read at each access and rewritten on set (comments kept); auto_create makes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-env-'));
    const existing = join(dir, 'app.env');
    writeFileSync(existing, '# settings\nHOST=localhost # the host\nPORT = 8080\n');
    const created = join(dir, 'sub', 'new.env');
    const r = await env(
      `
      io.print((env.get("HOST")), (env.get("PORT")))
      env.set("HOST", "example.org"); env.set("NEWKEY", "v")
      io.print((env.get("HOST")), (env.get("NEWKEY")))
      io.print(env.set("CREATED", "yes"))`,
      `  - name: file
    kind: env.storage.file
    file_path: ${existing}
  - name: made
    kind: env.storage.file
    file_path: ${created}
    auto_create: true
  - { name: h, kind: env.variable, variable: HOST, storage: app:file }
  - { name: p, kind: env.variable, variable: PORT, storage: app:file }
  - { name: n, kind: env.variable, variable: NEWKEY, storage: app:file }
  - { name: c, kind: env.variable, variable: CREATED, storage: app:made }
`,
    );
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual(['localhost\t8080', 'example.org\tv', 'true\tnil']);
    expect(readFileSync(existing, 'utf8')).toBe('# settings\nHOST=example.org # the host\nPORT = 8080\nNEWKEY=v\n');
    expect(readFileSync(created, 'utf8')).toBe('CREATED=yes\n');
  });

  it('permissions env.get / env.set on the key, checked first (PermissionDenied); get_all leaves out what env.get denies', async () => {
    const { loadApp } = await import('../../runtime/app/index.js');
    const { createAppRuntime } = await import('../../sdk/app-runtime.js');
    const { writeApp, indexYaml } = await import('../support/app-folder.js');
    const { callFunction } = await import('../../runtime/modules/index.js');
    const dir = writeApp({
      'src/_index.yaml': indexYaml(`${ENTRIES}  - name: f\n    kind: function.lua\n    source: file://f.lua\n    method: main\n    modules: [env]\n`),
      'src/f.lua': `local env = require("env")
return { main = function()
  local _, e1 = env.get("MF_ENV_TEST_OS")
  local _, e2 = env.set("MEM_VAR", "x")
  local all = env.get_all()
  return e1:kind() .. "|" .. e1:message() .. "|" .. e2:message() .. "|" .. tostring(all.MF_ENV_TEST_OS) .. "|" .. tostring(all.STATIC_ONE)
end }`,
    });
    const { app } = await loadApp(dir);
    const ar = await createAppRuntime(app, { check: (action, resource) => !(action.startsWith('env.') && resource.startsWith('M')) });
    try {
      expect(await callFunction(ar.rt, 'app:f')).toEqual({
        ok: true,
        value: 'PermissionDenied|not allowed to access environment variable: MF_ENV_TEST_OS|not allowed to set environment variable: MEM_VAR|nil|one',
      });
    } finally {
      ar.rt.shutdown();
    }
  });
});
