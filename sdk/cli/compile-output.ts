// What `moonforge compile FILE -o OUT` writes: the module and its source map, the map made true for where it lands.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';

interface SourceMapJson {
  sources: string[];
  sourcesContent?: (string | null)[];
  file?: string;
}

/**
 * The map as OUT's neighbour: `file` is OUT's name and each source is relative to OUT's folder (a map's sources
 * resolve against the map's own URL, so the name as typed on the command line only worked when run from there).
 * `sourcesContent`, when given, replaces the compiler's (see {@link sourceTextAsWritten}).
 */
export function mapForOutput(compiled: object, target: string, sourcesContent?: string[]): string {
  const map = compiled as SourceMapJson; // a v3 map, as the compiler and the TS build write them
  const folder = dirname(resolve(target));
  const sources = map.sources.map((s) => relative(folder, resolve(s)).split(sep).join('/'));
  return JSON.stringify({ ...map, file: basename(target), sources, ...(sourcesContent ? { sourcesContent } : {}) });
}

/**
 * The Lua file's text as written, for `sourcesContent`. The compiler sees latin1 byte strings (one char a byte), so
 * its own copy, written as JSON, would encode every UTF-8 byte again (`ü` came out as `Ã¼`). A regular file is read
 * again as UTF-8, shebang line included; a pipe cannot be, so its bytes (`source`) are decoded instead.
 */
export function sourceTextAsWritten(file: string, source: string): string {
  try {
    if (statSync(file).isFile()) return readFileSync(file, 'utf8');
  } catch {
    // gone since it was compiled: its bytes are still here
  }
  return Buffer.from(source, 'latin1').toString('utf8');
}

/**
 * Writes OUT, then OUT.map; when the map cannot be written the module is removed again, so a failed write does not
 * leave a module whose map is missing. The error thrown is the write's (its path names the file that failed).
 */
export function writeModuleAndMap(target: string, code: string, map: string): void {
  writeFileSync(target, `${code}\n//# sourceMappingURL=${basename(target)}.map\n`);
  try {
    writeFileSync(`${target}.map`, map);
  } catch (e) {
    rmSync(target, { force: true });
    throw e;
  }
}
