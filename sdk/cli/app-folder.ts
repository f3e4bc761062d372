// The app a command works on when it names none: the current folder, when it is an app folder, as `wippy run` takes
// it. Used by run, test and check.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `dir` is an app folder to run or test without naming it: it has the default src/, or a wippy.lock or
 * .wippy.yaml (the loader reads where the sources are from them and reports a source folder that is missing).
 */
export function isAppFolder(dir: string): boolean {
  return isDirectory(join(dir, 'src')) || existsSync(join(dir, 'wippy.lock')) || existsSync(join(dir, '.wippy.yaml'));
}

/** What a command that names no app says when the current folder is none: where it looked and what it expected. */
export function noAppHere(command: string, missing: string): string {
  return `moonforge ${command}: ${missing}, and the current folder ${process.cwd()} is not an app folder (it has no src/ folder, wippy.lock or .wippy.yaml)\n`;
}
