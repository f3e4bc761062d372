// The `security` module (runtime/security/module.ts, token-store-lua.ts; docs/modules.md "security.token_store"):
// who the process runs as, permission checks, actors, scopes, policies and token stores. Module functions are called
// with `.`, the methods of Actor, Scope, Policy and TokenStore values with `:`.

declare namespace Moonforge {
  /** A policy's verdict. */
  type Decision = "allow" | "deny" | "undefined";

  /** Attribute values of actors and checks. */
  type SecurityMeta = { [key: string]: unknown };

  interface Actor extends RuntimeObject {
    id(): string;
    meta(): SecurityMeta;
  }

  interface Policy extends RuntimeObject {
    id(): string;
    evaluate(actor: Actor, action: string, resource: string, meta?: SecurityMeta): Decision;
  }

  /** A policy id: its text, a Policy or `{ ns, name }`. */
  type PolicyRef = string | Policy | { ns: string; name: string };

  /** A set of policies (immutable: `with` and `without` return new scopes). */
  interface Scope extends RuntimeObject {
    with(policy: Policy): Scope;
    without(policy: PolicyRef): Scope;
    contains(policy: PolicyRef): boolean;
    policies(): Policy[];
    evaluate(actor: Actor, action: string, resource: string, meta?: SecurityMeta): Decision;
  }

  interface TokenStore extends RuntimeObject {
    /** A new token for `actor` and `scope`; `options.expiration` a Go duration or milliseconds. */
    create(actor: Actor, scope: Scope, options?: { expiration?: string | number; meta?: SecurityMeta }): Result<string>;
    /** The actor and scope a token was made for: `actor, scope, nil` or `nil, nil, err`. */
    validate(token: string): LuaMultiReturn<[Actor, Scope, undefined] | [undefined, undefined, Error]>;
    revoke(token: string): Status;
    close(): true;
  }
}

/** @noSelf @noResolution */
declare module "security" {
  type Actor = Moonforge.Actor;
  type Scope = Moonforge.Scope;
  type Policy = Moonforge.Policy;
  type TokenStore = Moonforge.TokenStore;
  /** The actor this process runs as, nil without one. */
  function actor(): Moonforge.Actor | undefined;
  /** The scope this process runs with, nil without one. */
  function scope(): Moonforge.Scope | undefined;
  /** Whether this process may do `action` on `resource`. */
  function can(action: string, resource: string, meta?: Moonforge.SecurityMeta): boolean;
  function policy(id: string): Moonforge.Result<Moonforge.Policy>;
  /** The scope of a policy group entry. */
  function named_scope(id: string): Moonforge.Result<Moonforge.Scope>;
  /** A scope of the Policy values of `policies`. Raises when not allowed. */
  function new_scope(policies?: LuaTable<any, Moonforge.Policy> | Moonforge.Policy[]): Moonforge.Scope;
  /** Raises when not allowed. */
  function new_actor(id: string, meta?: Moonforge.SecurityMeta): Moonforge.Actor;
  /** A handle on the store of a `security.token_store` entry. */
  function token_store(id: string): Moonforge.Result<Moonforge.TokenStore>;
}
