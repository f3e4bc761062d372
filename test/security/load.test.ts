// Policies loaded from an app's definition files through the app loader (runtime/app): groups, the registry,
// errors with file, line and column, security.policy.expr refused, and a service's lifecycle.security turned into
// its process's security context (wippyai/runtime system/security/context.go WithSecurityConfig).
import { describe, expect, it } from 'vitest';
import { writeApp } from '../support/app-folder.js';
import { loadApp } from '../../runtime/app/index.js';
import { formatSecurityDiagnostic, loadPolicies } from '../../runtime/security/registry.js';
import { securityContextFromConfig } from '../../runtime/security/service.js';
import { createPermissionCheck } from '../../runtime/security/check.js';
import { createAppSecurity } from '../../runtime/security/app-security.js';


const GOOD = `version: "1.0"
namespace: app.security

entries:
  - name: worker_spawn
    kind: security.policy
    policy:
      actions: "process.spawn*"
      resources: "app.workers:*"
      effect: allow
    groups:
      - workers
  - name: worker_host
    kind: security.policy
    policy:
      actions: [process.host]
      resources: [app:processes]
      effect: allow
    groups: [workers, app.other:shared]
  - name: no_terminate
    kind: security.policy
    policy:
      actions: process.terminate
      resources: "*"
      effect: deny
  - name: admins_only
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: allow
      conditions:
        - field: actor.meta.role
          operator: eq
          value: admin
`;

describe('loading policies from definition files', () => {
  it('builds the registry and the groups (relative group names take the entry namespace)', async () => {
    const root = writeApp({ 'src/security/_index.yaml': GOOD });
    const { app, diagnostics } = await loadApp(root);
    expect(diagnostics).toEqual([]);
    const { registry, diagnostics: sd } = loadPolicies(app.entries.values());
    expect(sd).toEqual([]);
    expect([...registry.policies.keys()].sort()).toEqual([
      'app.security:admins_only',
      'app.security:no_terminate',
      'app.security:worker_host',
      'app.security:worker_spawn',
    ]);
    expect(registry.groups.get('app.security:workers')).toEqual(['app.security:worker_spawn', 'app.security:worker_host']);
    expect(registry.groups.get('app.other:shared')).toEqual(['app.security:worker_host']);
    expect(registry.getGroup('app.security:nope')).toBeUndefined();
  });

  it('reports invalid policies and security.policy.expr with file, line and column, and leaves them out', async () => {
    const root = writeApp({
      '.wippy.yaml': 'security:\n  strict_mode: true\n',
      'src/_index.yaml': `namespace: app
entries:
  - name: bad_effect
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: permit
  - name: bad_operator
    kind: security.policy
    policy:
      actions: "*"
      resources: "*"
      effect: allow
      conditions:
        - field: actor.id
          operator: eq
          value: x
        - field: actor.id
          operator: like
          value: x
  - name: expr
    kind: security.policy.expr
    policy:
      expression: 'actor.id == "admin"'
      effect: allow
  - name: fine
    kind: security.policy
    policy: { actions: "*", resources: "*", effect: deny }
`,
    });
    const { app, diagnostics } = await loadApp(root);
    expect(diagnostics).toEqual([]);
    expect(app.config.security.strictMode).toBe(true);
    const { registry, diagnostics: sd } = loadPolicies(app.entries.values());
    expect([...registry.policies.keys()]).toEqual(['app:fine']);
    expect(sd.map(formatSecurityDiagnostic)).toEqual([
      'src/_index.yaml:8:15: error SEC0001: app:bad_effect: invalid policy effect: permit',
      'src/_index.yaml:20:21: error SEC0001: app:bad_operator: condition 1: invalid operator: like',
      "src/_index.yaml:23:11: error SEC0002: app:expr: security.policy.expr (expr-lang expression policies) is not supported; write it as a security.policy with conditions",
    ]);
  });

  it("turns a service's lifecycle.security into its process's context", async () => {
    const root = writeApp({
      'src/security/_index.yaml': GOOD,
      'src/_index.yaml': `namespace: app
entries:
  - name: processes
    kind: process.host
  - name: worker
    kind: process.lua
    source: file://worker.lua
    method: main
  - name: worker_service
    kind: process.service
    process: worker
    host: processes
    lifecycle:
      security:
        actor:
          id: "service:worker"
          meta: { role: worker }
        groups: [app.security:workers]
        policies: [app.security:no_terminate]
  - name: bare_service
    kind: process.service
    process: worker
    host: processes
    lifecycle:
      security:
        actor: { id: "service:bare" }
`,
      'src/worker.lua': 'local function main() end\nreturn { main = main }\n',
    });
    const { app, diagnostics } = await loadApp(root);
    expect(diagnostics).toEqual([]);
    const { registry } = loadPolicies(app.entries.values());
    const svc = app.byKind('process.service');
    const sec = svc[0].lifecycle.security;
    expect(sec).toBeDefined();
    const ctx = securityContextFromConfig(sec!, registry, svc[0].namespace);
    expect(ctx.actor).toEqual({ id: 'service:worker', meta: { role: 'worker' } });
    expect(ctx.scope?.policies().map((p) => p.id)).toEqual([
      'app.security:worker_spawn',
      'app.security:worker_host',
      'app.security:no_terminate',
    ]);
    const check = createPermissionCheck({ strictMode: true });
    const caller = { pid: '{local@app:processes|0x00001}', security: ctx };
    expect(check('process.spawn.linked', 'app.workers:w', caller)).toBe(true);
    expect(check('process.host', 'app:processes', caller)).toBe(true);
    expect(check('process.terminate', '{local@app:processes|0x00002}', caller)).toBe(false);
    expect(check('process.send', '{local@app:processes|0x00002}', caller)).toBe(false); // undefined -> deny
    // an actor without any policy has no scope: allowed unless strict (access.go)
    const bare = securityContextFromConfig(svc[1].lifecycle.security!, registry, 'app');
    expect(bare.scope).toBeUndefined();
    expect(createPermissionCheck({ strictMode: false })('process.send', 'x', { pid: 'p', security: bare })).toBe(true);
    expect(check('process.send', 'x', { pid: 'p', security: bare })).toBe(false);
    // the same through createAppSecurity, straight from the loaded App
    const appSec = createAppSecurity(app);
    expect(appSec.diagnostics).toEqual([]);
    expect(appSec.strictMode).toBe(false);
    expect(appSec.serviceContext(svc[0])?.scope?.policies()).toHaveLength(3);
    expect(appSec.check('process.send', 'x', { pid: 'p', security: appSec.serviceContext(svc[1]) })).toBe(true);
    expect(appSec.serviceContext({ namespace: 'app', lifecycle: { security: undefined } })).toBeUndefined();
  });
});
