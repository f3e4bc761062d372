// Wraps a benchmark program, unchanged, as the body of a process.lua entry's `main` in a generated Wippy app (a
// process.host and the entry), so that `moonforge run APP -x app:main` runs it the way every Wippy app runs its Lua:
// inside a process, compiled in process mode. The program's text is kept byte for byte (one line is added above it,
// so its line numbers move by one).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROCESS_ENTRY = 'app:main';

const INDEX_YAML = `version: "1.0"
namespace: app
entries:
  - name: processes
    kind: process.host
    lifecycle:
      auto_start: true
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
`;

// Writes APPS_DIR/NAME/src/{_index.yaml,main.lua} and returns the app's folder.
export function writeProcessApp(appsDir, name, programFile) {
  const program = readFileSync(programFile, 'latin1');
  const app = join(appsDir, name);
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'src', '_index.yaml'), INDEX_YAML);
  const body = program.endsWith('\n') ? program : `${program}\n`;
  writeFileSync(join(app, 'src', 'main.lua'), `local function main()\n${body}end\n\nreturn { main = main }\n`, 'latin1');
  return app;
}
