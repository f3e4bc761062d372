// Public API of moonforge's security model (issue 5): policies loaded from `security.policy` entries, scopes, the
// access decision, the node's permission check, service security contexts, token stores and the `security` Lua module.
export { Policy, parsePolicyConfig, type Decision, type Effect, type PolicyConfig, type PolicyProblem } from './policy.js';
export { Scope } from './scope.js';
export type { Actor, ConditionSpec, Operator } from './conditions.js';
export { compileFilter, type StringMatcher } from './matcher.js';
export {
  PolicyRegistry,
  loadPolicies,
  formatSecurityDiagnostic,
  SECURITY_DIAGNOSTIC_CODES,
  type PolicySourceEntry,
  type SecurityDiagnostic,
} from './registry.js';
export { createPermissionCheck, isAllowed, canAccess, type SecurityContext, type SecurityCaller, type SecurityOptions } from './check.js';
export { securityContextFromConfig, type ServiceSecurityConfig } from './service.js';
export { createSecurityModule, type SecurityModule, type SecurityModuleOptions } from './module.js';
export { ActorValue, ScopeValue, PolicyValue } from './lua-values.js';
export type { AttrRecord, AttrValue } from './values.js';
export { createAppSecurity, type AppSecurity, type SecurityAppView } from './app-security.js';
export {
  TokenStore,
  TokenBackendFailure,
  parseTokenStoreConfig,
  TOKEN_STORE_KIND,
  wrapInternal,
  type TokenBackend,
  type TokenStoreConfig,
} from './token-store.js';
export type { TokenStoreDirectory } from './token-store-lua.js';
