// Apps with function.lua entries (the funcs module, function calls): a root process `app:main` that calls them, run
// in the test process (app-in-process.ts), or a runtime whose functions host code calls (callFunction).
import { expect } from 'vitest';
import { writeApp } from './app-folder.js';
import { runAppInProcess, type AppRun } from './app-in-process.js';
import { loadApp } from '../../runtime/app/index.js';
import { createAppRuntime, type AppRuntime } from '../../sdk/app-runtime.js';
import type { RunAppOptions } from '../../sdk/run-app.js';

/** An entry beside main: Lua source (a function.lua entry with modules time and ctx), or the entry in full. */
export type EntryDef =
  | string
  | {
      source: string;
      kind?: 'function.lua' | 'process.lua';
      modules?: string[];
      /** YAML lines added to the entry as written (indented 4), e.g. `meta:\n      default_host: app:processes` */
      yaml?: string;
    };

/** The files of an app: host `app:processes`, the given entries (`<name>.lua` each), and `extraYaml` entries. */
function appFiles(entries: Record<string, EntryDef>, extraYaml = ''): Record<string, string> {
  const files: Record<string, string> = {};
  let yaml = 'version: "1.0"\nnamespace: app\nentries:\n  - name: processes\n    kind: process.host\n';
  for (const [name, def] of Object.entries(entries)) {
    const d = typeof def === 'string' ? { source: def } : def;
    files[`src/${name}.lua`] = d.source;
    const modules = d.modules ?? ['time', 'ctx'];
    yaml += `  - name: ${name}\n    kind: ${d.kind ?? 'function.lua'}\n    source: file://${name}.lua\n    method: main\n`;
    if (modules.length > 0) yaml += `    modules: [${modules.join(', ')}]\n`;
    if (d.yaml !== undefined) yaml += `    ${d.yaml}\n`;
  }
  files['src/_index.yaml'] = yaml + extraYaml;
  return files;
}

/**
 * Writes an app whose root process `app:main` (modules funcs, time, ctx, security, io) runs `body` as main(), beside
 * `entries`; returns its folder.
 */
export function functionAppDir(body: string, entries: Record<string, EntryDef>, extraYaml?: string): string {
  const all: Record<string, EntryDef> = {
    main: { source: `local function main()\n${body}\nend\nreturn { main = main }\n`, kind: 'process.lua', modules: ['funcs', 'time', 'ctx', 'security', 'io'] },
    ...entries,
  };
  return writeApp(appFiles(all, extraYaml));
}

/** Runs the app of functionAppDir in the test process: what main prints (io.print) and its exit come back. */
export async function runWithFunctions(body: string, entries: Record<string, EntryDef>, opts: RunAppOptions & { extraYaml?: string } = {}): Promise<AppRun> {
  const { extraYaml, ...runOpts } = opts;
  return runAppInProcess(functionAppDir(body, entries, extraYaml), { exec: 'app:main', ...runOpts });
}

/** The runtime of an app of `entries` (shut it down after the test). */
export async function functionsRuntime(entries: Record<string, EntryDef>): Promise<AppRuntime> {
  const { app, diagnostics } = await loadApp(writeApp(appFiles(entries)));
  expect(diagnostics).toEqual([]);
  return createAppRuntime(app);
}
