// Test support for the security module: a Lua snippet run with the standard globals plus `security` (or other
// extra globals), and a realistic set of policies.
import { openErrorsLib } from '../../runtime/lib/wippy/errors.js';
import type { LuaTable } from '../../runtime/core/table.js';
import { Policy, parsePolicyConfig } from '../../runtime/security/policy.js';
import { runScriptInProcess } from '../support/script-in-process.js';

/** Runs `source` in process with `extra` globals and the errors library; returns its non-empty printed lines. */
export async function runWithGlobals(source: string, extra: Record<string, LuaTable>): Promise<string[]> {
  const out = await runScriptInProcess(source, { globals: { errors: openErrorsLib(), ...extra } });
  return out.split('\n').filter((l) => l !== '');
}

function mk(i: number, def: Record<string, unknown>): Policy {
  const cfg = parsePolicyConfig({ policy: def }, 'app.sec');
  if (Array.isArray(cfg)) throw new Error(cfg[0].message);
  return new Policy(`app.sec:p${i}`, cfg);
}

/** A realistic service scope: 10 policies with globs (check-speed and ping-pong overhead tests). */
export function tenGlobPolicies(): Policy[] {
  return [
    mk(0, { actions: 'process.spawn*', resources: 'app.workers:*', effect: 'allow' }),
    mk(1, { actions: 'process.host', resources: 'app:*', effect: 'allow' }),
    mk(2, { actions: ['process.send', 'process.monitor', 'process.link'], resources: '{app:*', effect: 'allow' }),
    mk(3, { actions: 'process.registry.*', resources: 'svc.*', effect: 'allow' }),
    mk(4, { actions: 'process.terminate', resources: '*', effect: 'deny' }),
    mk(5, { actions: 'process.cancel', resources: '{app:admin*', effect: 'deny' }),
    mk(6, { actions: 'security.*', resources: '*', effect: 'deny' }),
    mk(7, { actions: 'fs.*', resources: 'app.data:*', effect: 'allow' }),
    mk(8, { actions: ['http.get', 'http.post'], resources: 'https://api.*', effect: 'allow' }),
    mk(9, { actions: 'process.exec', resources: 'app.tools:*', effect: 'allow' }),
  ];
}
