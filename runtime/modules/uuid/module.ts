// The `uuid` module (docs en/lua/security/uuid.md; wippyai/runtime runtime/lua/modules/uuid/module.go, spec.md):
// v1, v7 and the name-based v3 / v5 (a namespace UUID and a name, its bytes as they are) from the `uuid` package, v4
// from node:crypto, and what google/uuid reads from a UUID (go-uuid.ts): validate, version, variant, parse, format.
// Answers `value, nil` or `nil, err` (Invalid) with module.go's messages.
import { nodeCrypto } from '../../lib/node-crypto.js';
import { tableFromRecord } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { readOnly } from '../../core/read-only.js';
import type { PlatformModule } from '../module-host.js';
import { invalidResult } from '../error-results.js';
import { parseUuid, uuidText, uuidUnixSeconds, uuidVariant, uuidVersion } from './go-uuid.js';
import { optionalModules } from '../../lib/optional-require.js';

const ok = (v: unknown): unknown => ret2(v, undefined);

// The `uuid` package is loaded on the first generation, not with the runtime (optional-require.ts).
let generators: typeof import('uuid') | undefined;
const lib = (): typeof import('uuid') => (generators ??= optionalModules.uuid());

/** v3 / v5: module.go refuses fewer than two arguments or non-strings, then a namespace Parse refuses. */
function named(make: (name: Uint8Array, ns: Uint8Array) => string) {
  return (...args: unknown[]): unknown => {
    const [ns, name] = args;
    if (args.length < 2 || typeof ns !== 'string' || typeof name !== 'string') return invalidResult('namespace and name must be strings');
    const nsBytes = parseUuid(ns);
    if (nsBytes === undefined) return invalidResult('invalid namespace UUID');
    return ok(make(Buffer.from(name, 'latin1'), nsBytes));
  };
}

/** The parsed bytes of argument 1, or the `nil, err` to answer. */
function parsed(v: unknown): { bytes: Uint8Array } | { fail: unknown } {
  if (typeof v !== 'string') return { fail: invalidResult('input must be a string') };
  const bytes = parseUuid(v);
  return bytes === undefined ? { fail: invalidResult('invalid UUID format') } : { bytes };
}

function createUuidModule() {
  return readOnly(
    tableFromRecord({
      v1: () => ok(lib().v1()),
      v3: named((name, ns) => lib().v3(name, ns)),
      // node:crypto's random UUID, as crypto.random.uuid: the most common call loads nothing
      v4: () => ok(nodeCrypto().randomUUID()),
      v5: named((name, ns) => lib().v5(name, ns)),
      v7: () => ok(lib().v7()),
      validate: (v: unknown) => ok(typeof v === 'string' && parseUuid(v) !== undefined),
      version: (v: unknown) => {
        const p = parsed(v);
        return 'fail' in p ? p.fail : ok(uuidVersion(p.bytes));
      },
      variant: (v: unknown) => {
        const p = parsed(v);
        return 'fail' in p ? p.fail : ok(uuidVariant(p.bytes));
      },
      parse: (v: unknown) => {
        const p = parsed(v);
        if ('fail' in p) return p.fail;
        const version = uuidVersion(p.bytes);
        const info = tableFromRecord({ version, variant: uuidVariant(p.bytes) });
        if (version === 1 || version === 7) info.timestamp = uuidUnixSeconds(p.bytes);
        // module.go stores NodeID()'s six bytes as they are (its docs show them in hex)
        if (version === 1) info.node = Buffer.from(p.bytes.subarray(10)).toString('latin1');
        return ok(info);
      },
      format: (v: unknown, form: unknown) => {
        const p = parsed(v);
        if ('fail' in p) return p.fail;
        const text = uuidText(p.bytes);
        switch (typeof form === 'string' ? form : 'standard') {
          case 'standard':
            return ok(text);
          case 'simple':
            return ok(text.replace(/-/g, ''));
          case 'urn':
            return ok(`urn:uuid:${text}`);
          default:
            return invalidResult('unsupported format');
        }
      },
    }),
  );
}

export const UUID_MODULE: PlatformModule = { name: 'uuid', create: createUuidModule };
