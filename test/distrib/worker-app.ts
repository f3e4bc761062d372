// The worker-host tests' apps: written to a temporary folder (files under src/), and a main started on the terminal
// host of the main thread that prints "ready" once its processes on workers are up, before a test kills a worker.
import { expect } from 'vitest';
import { createAppRuntime, type AppRuntime } from '../../sdk/app-runtime.js';
import { loadApp } from '../../runtime/app/load.js';
import type { ExitResult } from '../../runtime/process/proc.js';
import { writeApp } from '../support/app-folder.js';

/** An app folder whose src/ holds `files` (name -> text). */
export function appDir(files: Record<string, string>): string {
  return writeApp(Object.fromEntries(Object.entries(files).map(([name, text]) => [`src/${name}`, text])));
}

/**
 * Loads the app in `dir` (no diagnostics expected), spawns app:main on app:terminal and waits (up to 5 s) until it
 * printed "ready". The caller shuts `ar.rt` down.
 */
export async function startUntilReady(dir: string): Promise<{ ar: AppRuntime; out: string[]; exit: Promise<ExitResult> }> {
  const { app, diagnostics } = await loadApp(dir);
  expect(diagnostics).toEqual([]);
  const out: string[] = [];
  const ar = await createAppRuntime(app, { write: (s) => out.push(s) });
  const exit = new Promise<ExitResult>((resolve) => ar.rt.spawn('app:main', 'app:terminal').onExit.push(resolve));
  for (let i = 0; i < 500 && !out.join('').includes('ready'); i++) await new Promise((r) => setTimeout(r, 10));
  return { ar, out, exit };
}
