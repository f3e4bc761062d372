// What types/ declares, read with ts-morph (TypeScript 6.0.2, the compiler TSTL uses): every member of every
// `declare module "<name>"` and of the process globals, as dotted names. A probe file imports each module and names
// each global; the checker gives the type of each, and callable members are functions, object members are walked,
// the rest (runtime objects included) are values. Members whose declarations are all outside types/ (lua-types' os.getenv, ...) are marked as
// not ours: the runtime need not have them. The interfaces of objects are listed by name, with their members.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project, type Symbol as MorphSymbol, type Type } from 'ts-morph';
import type { SurfaceItem } from './runtime-surface.js';

export const TYPES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../types');

/** A declared member: its dotted name, what it is, and whether types/ declares it. */
export interface DeclaredItem extends SurfaceItem {
  ours: boolean;
}

/** The compiler options a process project uses with types/ (the tsconfig moonforge recommends, as options). */
export const PROCESS_COMPILER_OPTIONS = {
  strict: true,
  lib: ['lib.esnext.d.ts'],
  types: [],
  noEmit: true,
  skipLibCheck: false,
};

/** A ts-morph project holding types/index.d.ts and nothing else. */
export function typesProject(): Project {
  const project = new Project({ compilerOptions: PROCESS_COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  project.addSourceFileAtPath(join(TYPES_DIR, 'index.d.ts'));
  project.resolveSourceFileDependencies();
  return project;
}

/** The names of the ambient modules types/ declares (`declare module "time"` → `time`). */
export function declaredModules(project: Project): string[] {
  return project
    .getAmbientModules()
    .filter((m) => m.getDeclarations().some((d) => isOurs(d.getSourceFile().getFilePath())))
    .map((m) => m.getName().replace(/^"|"$/g, ''))
    .sort();
}

/** Every member of each module in `modules` and of each global in `globals`, keyed by that name. */
export function declaredSurface(project: Project, modules: readonly string[], globals: readonly string[]): Map<string, DeclaredItem[]> {
  const imports = modules.map((m, i) => `import * as m${i} from ${JSON.stringify(m)};`).join('\n');
  const entries = [...modules.map((m, i) => `${JSON.stringify(m)}: m${i}`), ...globals.map((g) => `${JSON.stringify(g)}: ${g}`)];
  const probe = project.createSourceFile(join(TYPES_DIR, '..', '__declared_surface_probe.ts'), `${imports}\nexport const surface = { ${entries.join(', ')} };\n`, {
    overwrite: true,
  });
  try {
    const at = probe.getVariableDeclarationOrThrow('surface');
    const out = new Map<string, DeclaredItem[]>();
    for (const prop of at.getType().getProperties()) {
      const name = prop.getName();
      out.set(name, membersOf(prop.getTypeAtLocation(at), name, at, 0));
    }
    return out;
  } finally {
    project.removeSourceFile(probe);
  }
}

function membersOf(type: Type, path: string, at: Node, depth: number): DeclaredItem[] {
  const items: DeclaredItem[] = [];
  for (const member of type.getProperties()) {
    const key = member.getName();
    // phantom brands (`__moonforge_brand`, ...) exist only for the checker
    if (key.startsWith('__moonforge')) continue;
    const name = `${path}.${key}`;
    const t = member.getTypeAtLocation(at);
    const ours = declaredInTypes(member);
    if (t.getCallSignatures().length > 0) items.push({ name, kind: 'function', ours });
    // a table of the module is walked; a userdata value (a RuntimeObject: time.utc, a Location) is one value
    else if (t.isObject() && t.getProperty('__moonforge_runtime_object') === undefined && depth < 3) items.push(...membersOf(t, name, at, depth + 1));
    else items.push({ name, kind: 'value', ours });
  }
  return items;
}

function declaredInTypes(s: MorphSymbol): boolean {
  return s.getDeclarations().some((d) => isOurs(d.getSourceFile().getFilePath()));
}

function isOurs(file: string): boolean {
  return file.startsWith(TYPES_DIR + '/');
}

/**
 * The members of each interface of the `Moonforge` namespace in types/ (phantom brands left out), by its name; and
 * the names of those that are runtime objects (they extend RuntimeObject).
 */
export function declaredInterfaces(project: Project): { members: Map<string, string[]>; runtimeObjects: Set<string> } {
  const out = new Map<string, string[]>();
  const runtimeObjects = new Set<string>();
  for (const sf of project.getSourceFiles().filter((f) => isOurs(f.getFilePath()))) {
    for (const ns of sf.getModules().filter((m) => m.getName() === 'Moonforge')) {
      for (const iface of ns.getInterfaces()) {
        const names = iface
          .getType()
          .getProperties()
          .map((p) => p.getName())
          .filter((n) => !n.startsWith('__moonforge'));
        out.set(iface.getName(), [...new Set([...(out.get(iface.getName()) ?? []), ...names])].sort());
        if (iface.getName() !== 'RuntimeObject' && iface.getType().getProperty('__moonforge_runtime_object') !== undefined) {
          runtimeObjects.add(iface.getName());
        }
      }
    }
  }
  return { members: out, runtimeObjects };
}
