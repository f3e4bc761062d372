// The app of the TypeScript benchmarks: 20 .ts process entries importing a shared .ts library, with a root entry
// `main` and the tsconfig.json a TSTL user would write for it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ENTRIES = 20;

/** An entry: receives `i + 1` messages, keeps a record of them, answers with a figure from the shared library. */
function entry(i) {
  return `import * as shared from "./shared";

interface State { seen: number; topics: string[] }

export function main(): number {
  const state: State = { seen: 0, topics: [] };
  const inbox = process.inbox();
  for (let round = 0; round < ${i + 1}; round++) {
    const [msg] = inbox.receive();
    if (msg === undefined) break;
    state.seen += 1;
    state.topics.push(msg.topic());
  }
  return shared.scale(state.seen, state.topics.length + ${i});
}
`;
}

/**
 * Writes the app into `dir`, its tsconfig naming the declarations of the moonforge in `root`; `main` replaces the
 * root entry's source (its entry imports the library as `shared`).
 */
export function writeBenchApp(dir, root, main = 'export function main(): number {\n  return 0;\n}\n') {
  mkdirSync(join(dir, 'src'), { recursive: true });
  let yaml = 'version: "1.0"\nnamespace: app\nentries:\n  - name: processes\n    kind: process.host\n  - name: shared\n    kind: library.lua\n    source: file://shared.ts\n';
  yaml += '  - name: main\n    kind: process.lua\n    source: file://main.ts\n    method: main\n    imports:\n      shared: app:shared\n';
  for (let i = 0; i < ENTRIES; i++) {
    writeFileSync(join(dir, `src/worker${i}.ts`), entry(i));
    yaml += `  - name: worker${i}\n    kind: process.lua\n    source: file://worker${i}.ts\n    method: main\n    imports:\n      shared: app:shared\n`;
  }
  writeFileSync(join(dir, 'src/_index.yaml'), yaml);
  writeFileSync(join(dir, 'src/shared.ts'), 'export function scale(n: number, by: number): number {\n  return n * by;\n}\n');
  writeFileSync(join(dir, 'src/main.ts'), main);
  const tsconfig = {
    compilerOptions: { target: 'ESNext', lib: ['ESNext'], module: 'ESNext', moduleResolution: 'bundler', strict: true, rootDir: 'src', outDir: 'out', types: [join(root, 'types'), join(root, 'node_modules/@typescript-to-lua/language-extensions'), join(root, 'node_modules/lua-types/5.4.d.ts')] },
    tstl: { luaTarget: '5.4', noImplicitSelf: true, luaLibImport: 'inline', noResolvePaths: ['**'] },
    include: ['src'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
}
