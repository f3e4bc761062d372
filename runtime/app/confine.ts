// File confinement: every file an app's definitions make moonforge read stays inside the folder the app was loaded
// from, so an app (or an installed module) cannot read /etc/passwd or a neighbour's secrets through `source:`, a
// linked definition file or wippy.lock's directories, nor show their text in a diagnostic.
//
// `file://` URLs follow Wippy's boot/loader/interpolate/interpolators.go LoadFile: `file://a/b.lua` is relative to
// the YAML file's folder, `file:///a/b.lua` to the root of the loaded folder (Wippy reads both from an fs.FS opened on
// that folder, os.DirFS), and a path that leaves the root is refused ("path traversal detected in file path").
// Wippy's DirFS follows symbolic links wherever they point; moonforge refuses a link whose target is outside the
// root, so that the rule holds for what is read and not only for how it is named.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Whether absolute `path` is `root` or below it (by name; see `escapes` for links). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path (links resolved) of an existing file or folder; undefined when it does not exist. */
function realPath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Why `path` (absolute) is outside `root`, or undefined when it is inside: by name, or once links are resolved (a
 * path that does not exist is judged by name only; reading it fails anyway).
 */
export function escapes(root: string, path: string): 'name' | 'link' | undefined {
  if (!isInside(root, path)) return 'name';
  const real = realPath(path);
  if (real === undefined) return undefined;
  const realRoot = realPath(root) ?? root;
  return isInside(realRoot, real) ? undefined : 'link';
}

/** A `file://` URL resolved against the folder it is confined to: the path, or why it is refused. */
export type FileUrl = { path: string } | { refused: string };

/** Resolves `url` (starting with `file://`) written in a YAML file of folder `dir`, confined to `root`. */
export function resolveFileUrl(root: string, dir: string, url: string): FileUrl {
  const written = url.slice('file://'.length);
  // file:///x is x under the root, as Wippy's LoadFile trims the leading "/" before reading from the root's fs.FS
  const path = written.startsWith('/') ? resolve(root, `.${written}`) : resolve(dir, written);
  const why = escapes(root, path);
  if (why === 'name') return { refused: `path traversal detected in file path: ${written} (files are read from inside the app folder)` };
  if (why === 'link') return { refused: `${url} is a link to a file outside the app folder` };
  return { path };
}
