// `moonforge compile FILE.lua|FILE.ts [-o OUT] [--format text|json]`: the ES module of one file and its source map.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readLuaFile } from '../compile-cached.js';
import { mapForOutput, sourceTextAsWritten, writeModuleAndMap } from './compile-output.js';
import { renderDiagnosticsAs, unreadableFile, type DiagnosticFormat } from '../../diagnostics/index.js';
import { commandOptions } from './command-options.js';
import { FORMAT_OPTION } from './diagnostic-format.js';
import { usageError } from './usage-error.js';

export const COMPILE_USAGE = `Usage:
  moonforge compile [-o OUT] [--format text|json] FILE.lua|FILE.ts

Compiles one Lua file (or a TypeScript file: type-checked and transpiled by TSTL, as run builds it) to an ES module
with its source map (OUT.map). The module is what \`moonforge run\` runs; to run an app on a machine without
moonforge, use \`moonforge build\`.

Options:
  -o, --out OUT        where the module goes (default: FILE with .mjs in place of .lua or .ts)
  --format text|json   how diagnostics are written to stderr: text (default) or JSON Lines
  -h, --help           this text
`;

const OPTIONS = { out: { type: 'string', short: 'o' }, ...FORMAT_OPTION, help: { type: 'boolean', short: 'h' } } as const;

export async function compileCommand(argv: readonly string[]): Promise<number> {
  const o = commandOptions('compile', argv, OPTIONS, { positionals: 'anywhere' }, COMPILE_USAGE);
  if (!o.ok) return o.exit;
  const [file, extra] = o.parsed.positionals;
  if (file === undefined) return usageError('compile', 'missing FILE.lua', COMPILE_USAGE);
  if (extra !== undefined) return usageError('compile', `unexpected argument '${extra}'`, COMPILE_USAGE);
  return compileFile(file, o.parsed.values.out ?? file.replace(/\.(lua|ts)$/, '') + '.mjs', o.format);
}

async function compileFile(file: string, target: string, format: DiagnosticFormat): Promise<number> {
  let code: string;
  let map: string;
  if (file.endsWith('.ts')) {
    // built as `run` builds a script (type-checked, TSTL, the gate), the module as the compile cache holds it
    const { compileTsScript } = await import('../ts/script.js');
    const built = await compileTsScript(file, format);
    if (!built.ok) {
      process.stderr.write(`${built.rendered}\n`);
      return 1;
    }
    code = readFileSync(built.module.jsPath, 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '');
    // the cached map names the module by its cache key; its sourcesContent is the .ts text already
    map = mapForOutput(JSON.parse(readFileSync(built.module.mapPath, 'utf8')), target);
  } else {
    let source: string;
    try {
      source = readLuaFile(file);
    } catch (e) {
      process.stderr.write(`${renderDiagnosticsAs(format, [unreadableFile(file, e)])}\n`);
      return 1;
    }
    const { compile } = await import('../../compiler/index.js');
    const result = compile(source, { file, chunkName: file, outName: basename(target) });
    if (!result.ok) {
      process.stderr.write(`${renderDiagnosticsAs(format, result.diagnostics, source)}\n`);
      return 1;
    }
    code = result.code;
    map = mapForOutput(result.map!, target, [sourceTextAsWritten(file, source)]);
  }
  try {
    writeModuleAndMap(target, code, map);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`moonforge compile: cannot write ${err.path ?? target} (${err.code ?? err.message})\n`);
    return 1;
  }
  return 0;
}
