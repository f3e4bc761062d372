// Everything an app runner needs from the security model in one call: the policy registry and its diagnostics
// from the app's entries, strict mode from `.wippy.yaml`, the node's permission check, and the security context
// of each `process.service` (its `lifecycle.security`).
import { createPermissionCheck, type SecurityCaller, type SecurityContext } from './check.js';
import { loadPolicies, type PolicyRegistry, type PolicySourceEntry, type SecurityDiagnostic } from './registry.js';
import { securityContextFromConfig, type ServiceSecurityConfig } from './service.js';

/** The parts of runtime/app's App this reads (structurally: App fits). */
export interface SecurityAppView {
  config: { security: { strictMode: boolean } };
  entries: Map<string, PolicySourceEntry>;
}

export interface AppSecurity {
  registry: PolicyRegistry;
  strictMode: boolean;
  diagnostics: SecurityDiagnostic[];
  check: (action: string, resource: string, caller: SecurityCaller | undefined) => boolean;
  /** the context a service's process starts with; undefined when it declares no `lifecycle.security` */
  serviceContext(service: { namespace: string; lifecycle: { security: ServiceSecurityConfig | undefined } }): SecurityContext | undefined;
}

export function createAppSecurity(app: SecurityAppView): AppSecurity {
  const { registry, diagnostics } = loadPolicies(app.entries.values());
  const strictMode = app.config.security.strictMode;
  return {
    registry,
    strictMode,
    diagnostics,
    check: createPermissionCheck({ strictMode }),
    serviceContext: (svc) => (svc.lifecycle.security === undefined ? undefined : securityContextFromConfig(svc.lifecycle.security, registry, svc.namespace)),
  };
}
