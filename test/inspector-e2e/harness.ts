// What the inspector's browser tests need: an app run through the real CLI with --inspect=0 (the page's address read
// from its stderr), and Debian's Chromium driven by playwright-core. Both fail with a message that says what is
// missing rather than timing out.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from '../support/repo.js';

export const CHROMIUM = process.env.MOONFORGE_CHROMIUM ?? '/usr/bin/chromium';
/** Where the screenshots go (test-results/ is in .gitignore). */
export const ARTIFACTS = join(REPO_ROOT, 'test-results/inspector-e2e');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the inspector's browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium, as .ci/run does; MOONFORGE_CHROMIUM names another)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

export interface InspectedApp {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Runs `moonforge run APPDIR --inspect=0 ARGS...` and waits for the inspector's address on stderr. */
export function runInspected(appDir: string, args: string[], timeoutMs = 15_000): Promise<InspectedApp> {
  if (!existsSync(join(REPO_ROOT, 'dist/inspector/index.html'))) {
    throw new Error('dist/inspector/ is missing: build first (node esbuild.config.mjs)');
  }
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/moonforge.mjs'), 'run', appDir, '--inspect=0', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stdout!.resume();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`no inspector address on stderr within ${timeoutMs} ms; stderr:\n${err}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app ended (exit ${code}) before the inspector started; stderr:\n${err}`));
    });
    child.stderr!.on('data', (chunk: string) => {
      err += chunk;
      const m = /inspector: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: m[1]!, child, stderr: () => err, stop });
      }
    });
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
