// `moonforge init DIR [--ts]`: writes a new app from app-template.ts into DIR (created if needed), refusing a folder
// that already holds anything, so no file of the user's is ever overwritten.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../ts/toolchain.js';
import { appTemplate } from './app-template.js';

export type InitResult = { ok: true; files: string[] } | { ok: false; message: string };

/** Writes the app into `dir`; the files written, relative to it, or why nothing was written. */
export function initApp(dir: string, opts: { ts: boolean }): InitResult {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) return { ok: false, message: `${dir} exists and is not a folder` };
    if (readdirSync(target).length > 0) return { ok: false, message: `${dir} is not empty; init writes only into a new or empty folder` };
  }
  const files = appTemplate({ name: basename(target), ts: opts.ts, typesPath: opts.ts ? typesPathFrom(target, moonforgeSeenFrom(target) ?? packageRoot()) : '' });
  for (const [path, text] of Object.entries(files)) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { ok: true, files: Object.keys(files) };
}

/**
 * The moonforge package a program in `appDir` would import: node_modules/moonforge in the folder or above it, as
 * Node and TypeScript look it up. Undefined when there is none (moonforge not installed in the project yet, or run
 * from a checkout or through a temporary npx): then the tsconfig names the package that runs init.
 */
export function moonforgeSeenFrom(appDir: string): string | undefined {
  for (let d = appDir; ; d = dirname(d)) {
    const pkg = join(d, 'node_modules', 'moonforge');
    try {
      if ((JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { name?: unknown }).name === 'moonforge') return pkg;
    } catch {
      // no package there: look further up
    }
    if (dirname(d) === d) return undefined;
  }
}

/**
 * moonforge's types/ as the app's tsconfig names it: the relative path from the app to the installed package's folder
 * (node_modules/moonforge/types in an app that installed moonforge), so the app can move with its project; absolute
 * when the two share nothing but the filesystem root. (The package's exports do not list types/, so the bare
 * `moonforge/types` would not resolve.)
 */
export function typesPathFrom(appDir: string, pkgRoot: string): string {
  const types = join(pkgRoot, 'types');
  const rel = relative(appDir, types);
  const climbs = rel.split(sep).filter((p) => p === '..').length;
  const depth = relative(parse(appDir).root, appDir).split(sep).length;
  if (climbs >= depth) return types.split(sep).join('/');
  return rel.startsWith('..') ? rel.split(sep).join('/') : `./${rel.split(sep).join('/')}`;
}
