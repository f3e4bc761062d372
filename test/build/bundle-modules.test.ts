// A bundle's runtime installs only the platform modules its app lists, imported by name from
// runtime/modules/platform-modules.bundle.ts (sdk/build/bundle-entry.ts): that file must name every platform module,
// each by the name `modules:` lists it under, or a bundle of an app listing the missing one fails to build.
import { describe, expect, it } from 'vitest';
import { PLATFORM_MODULES } from '../../runtime/modules/index.js';
import * as bundled from '../../runtime/modules/platform-modules.bundle.js';

describe("a bundle's platform modules", () => {
  it('are every platform module, each exported under its own name', () => {
    const exported = Object.entries(bundled).filter(([k]) => k !== 'PLATFORM_MODULES' && k !== 'carryPlatformModules');
    for (const [name, m] of exported) expect((m as { name: string }).name).toBe(name);
    expect(exported.map(([name]) => name).sort()).toEqual(PLATFORM_MODULES.map((m) => m.name).sort());
  });

  it('start empty in a bundle, then hold those carried', () => {
    expect(bundled.PLATFORM_MODULES).toEqual([]);
    bundled.carryPlatformModules([bundled.json, bundled.text]);
    expect(bundled.PLATFORM_MODULES.map((m) => m.name)).toEqual(['json', 'text']);
  });
});
