// Test support for apps: temporary app folders written from a map of files, and an in-process `moonforge run APPDIR`
// that captures what the app prints and reports.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runApp, type RunAppOptions } from '../../sdk/run-app.js';

process.env.MOONFORGE_CACHE ??= 'off';

/** Writes `files` (path relative to the app root → text) into a fresh folder and returns its path. */
export function writeApp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mf-app-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export interface AppRun {
  code: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

export async function run(dir: string, opts: RunAppOptions = {}): Promise<AppRun> {
  let stdout = '';
  let stderr = '';
  const code = await runApp(dir, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    ...opts,
  });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((l) => l !== '') };
}

/** A one-namespace app with a process host and the given entries (YAML list items, indented by 2). */
export function indexYaml(entries: string): string {
  return `version: "1.0"\nnamespace: app\nentries:\n  - name: processes\n    kind: process.host\n${entries}`;
}
