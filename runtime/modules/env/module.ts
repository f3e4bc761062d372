// The `env` module (wippyai/runtime runtime/lua/modules/env/module.go; docs en/lua/system/env.md): env.get(key) ->
// value, err; env.set(key, value) -> true, err; env.get_all() -> table, err, over the variables and storages the app
// defines (env-registry.ts). An empty key is Invalid "empty key"; a denied `env.get` / `env.set` (resource: the key)
// is PermissionDenied, checked before the storage is touched; storage failures are wrapped ("get environment
// variable failed: environment variable not found", kind NotFound). get_all lists what `env.get` allows.
import { LuaTable } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { checkStr } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError } from '../../lib/wippy/errors.js';
import type { ModuleHost, PlatformModule } from '../module-host.js';
import { namespaceOf } from '../registry/ids.js';
import { EnvFailure, envRegistryOf } from './env-registry.js';

const fail = (kind: string, message: string): unknown => ret2(undefined, createError({ kind, message, retryable: false }));

function failed(e: unknown, context: string): unknown {
  if (!(e instanceof EnvFailure)) throw e;
  return ret2(undefined, wrapError(createError({ kind: e.kind, message: e.message, retryable: false }), context));
}

function createEnvModule(host: ModuleHost): LuaTable {
  const node = host.rt.node;
  const envs = envRegistryOf(host);
  const callerNs = (): string => {
    const p = node.current;
    return p === undefined ? '' : namespaceOf(p.entryId);
  };
  const mod = new LuaTable();

  mod.get = (key: unknown) => {
    const k = checkStr(key, 1, 'get');
    if (k === '') return fail(ERROR_KINDS.INVALID, 'empty key');
    if (!node.check('env.get', k, node.current)) return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to access environment variable: ${k}`);
    try {
      return ret2(envs.get(k, callerNs()), undefined);
    } catch (e) {
      return failed(e, 'get environment variable failed');
    }
  };

  mod.set = (key: unknown, value: unknown) => {
    const k = checkStr(key, 1, 'set');
    if (k === '') return fail(ERROR_KINDS.INVALID, 'empty key');
    const v = checkStr(value, 2, 'set');
    if (!node.check('env.set', k, node.current)) return fail(ERROR_KINDS.PERMISSION_DENIED, `not allowed to set environment variable: ${k}`);
    try {
      envs.set(k, v, callerNs());
      return ret2(true, undefined);
    } catch (e) {
      return failed(e, 'set environment variable failed');
    }
  };

  mod.get_all = () => {
    const t = new LuaTable();
    const me = node.current;
    for (const [k, v] of envs.all()) if (node.check('env.get', k, me)) t[k] = v;
    return ret2(t, undefined);
  };

  return readOnly(mod);
}

export const ENV_MODULE: PlatformModule = { name: 'env', create: createEnvModule };
