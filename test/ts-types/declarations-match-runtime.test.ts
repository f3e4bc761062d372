// types/ stays true to the runtime: every module an entry may list under `modules:` is declared as a
// `declare module`, every function and constant of every module and of the process globals (process, channel,
// errors, payload, os, coroutine.spawn) has a declaration of the same kind, and everything types/ declares exists.
// The objects the runtime hands out have exactly the methods their interfaces declare. The runtime side is a real
// app runtime (runtime-surface.ts), the declared side the checker's view of types/ (declared-surface.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredInterfaces, declaredModules, declaredSurface, typesProject, type DeclaredItem } from './declared-surface.js';
import { objectMethods, PROCESS_GLOBALS, runtimeSurface, type SurfaceItem } from './runtime-surface.js';

/** Names bound both as globals and as modules (`require("process") == process`): TypeScript code uses the globals. */
const GLOBAL_MODULES = new Set<string>(PROCESS_GLOBALS);

let runtime: Map<string, SurfaceItem[]>;
let declared: Map<string, DeclaredItem[]>;
let modules: string[];
let objects: Map<string, string[]>;
let interfaces: ReturnType<typeof declaredInterfaces>;

beforeAll(async () => {
  runtime = await runtimeSurface();
  const project = typesProject();
  modules = declaredModules(project);
  declared = declaredSurface(project, modules, [...PROCESS_GLOBALS, 'coroutine']);
  objects = await objectMethods();
  interfaces = declaredInterfaces(project);
}, 120_000);

const show = (items: { name: string; kind: string }[]): string[] => items.map((i) => `${i.name} (${i.kind})`).sort();

describe('types/ against the runtime', () => {
  it('declares exactly the modules moonforge provides', () => {
    const provided = [...runtime.keys()].filter((m) => !GLOBAL_MODULES.has(m) && m !== 'coroutine').sort();
    expect(modules).toEqual(provided);
  });

  it('declares every function and constant of every module and process global, as what it is', () => {
    const missing: string[] = [];
    for (const [name, items] of runtime) {
      const decl = new Map((declared.get(name) ?? []).map((d) => [d.name, d.kind]));
      for (const item of items) if (decl.get(item.name) !== item.kind) missing.push(`${item.name} (${item.kind}; declared: ${decl.get(item.name) ?? 'no'})`);
    }
    expect(missing).toEqual([]);
  });

  it('declares nothing the runtime does not have', () => {
    const absent: string[] = [];
    for (const [name, items] of declared) {
      const have = new Set((runtime.get(name) ?? []).map((i) => i.name));
      absent.push(...show(items.filter((d) => d.ours && !have.has(d.name))));
    }
    expect(absent).toEqual([]);
  });

  it('sees every module and global on both sides (the walk found something)', () => {
    for (const name of [...modules, ...PROCESS_GLOBALS]) {
      expect(runtime.get(name)?.length ?? 0, name).toBeGreaterThan(0);
      expect(declared.get(name)?.length ?? 0, name).toBeGreaterThan(0);
    }
  });

  it('declares the methods each kind of object really has, and no other', () => {
    // every runtime object types/ declares is made by the probe
    expect([...interfaces.runtimeObjects].filter((name) => !objects.has(name))).toEqual([]);
    const wrong: string[] = [];
    for (const [name, methods] of objects) {
      const declaredMethods = interfaces.members.get(name);
      if (declaredMethods === undefined) wrong.push(`${name}: no interface Moonforge.${name}`);
      else if (declaredMethods.join(' ') !== [...methods].sort().join(' ')) wrong.push(`${name}: runtime [${methods.join(' ')}], declared [${declaredMethods.join(' ')}]`);
    }
    expect(wrong).toEqual([]);
  });
});
