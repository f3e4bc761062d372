// A bundle's runtime installs only the platform modules its app lists, imported by name from
// runtime/modules/platform-modules.bundle.ts (sdk/build/bundle-entry.ts): that file must name every platform module,
// each by the name `modules:` lists it under, or a bundle of an app listing the missing one fails to build.
import { describe, expect, it } from 'vitest';
import { platformModuleNames } from '../../runtime/modules/index.js';
import { PLATFORM_MODULE_LOADERS } from '../../runtime/modules/platform-modules.js';
import * as bundled from '../../runtime/modules/platform-modules.bundle.js';

describe("a bundle's platform modules", () => {
  it('are every platform module, each exported under its own name', () => {
    const exported = Object.entries(bundled).filter(([k]) => k !== 'PLATFORM_MODULE_LOADERS' && k !== 'carryPlatformModules');
    for (const [name, m] of exported) expect((m as { name: string }).name).toBe(name);
    expect(exported.map(([name]) => name).sort()).toEqual(platformModuleNames().sort());
  });

  it('start empty in a bundle, then hold those carried, each loading to the module itself', async () => {
    expect([...bundled.PLATFORM_MODULE_LOADERS.keys()]).toEqual([]);
    bundled.carryPlatformModules([bundled.json, bundled.text]);
    expect([...bundled.PLATFORM_MODULE_LOADERS.keys()]).toEqual(['json', 'text']);
    expect(await bundled.PLATFORM_MODULE_LOADERS.get('text')!()).toBe(bundled.text);
  });

  it('outside a bundle, each loads the module of its name', async () => {
    for (const [name, load] of PLATFORM_MODULE_LOADERS) expect((await load()).name).toBe(name);
  });
});
