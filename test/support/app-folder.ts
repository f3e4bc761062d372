// App folders for tests: a fresh temporary folder written from a map of files (path relative to the app root → text).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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

/** A one-namespace app with a process host and the given entries (YAML list items, indented by 2). */
export function indexYaml(entries: string): string {
  return `version: "1.0"\nnamespace: app\nentries:\n  - name: processes\n    kind: process.host\n${entries}`;
}
