// An incremental build of one TypeScript program, for `--watch` (issue 14): the builder program (TypeScript's
// semantic-diagnostics builder) is kept between builds, so a rebuild re-checks only the files a change affects and
// re-parses only changed files, and only the affected files are transpiled, gated and compiled again; every other
// file keeps its compiled module and its problems. The compile cache is not consulted: a watcher holds the build.
import type * as ts from 'typescript';
import { isError } from '../../diagnostics/index.js';
import type { CachedModule } from '../cache.js';
import { hash128 } from '../cache.js';
import { compileChunks, type TsBuild, type TsBuildOptions } from './compile-ts.js';
import { TSL_INVALID_LUA } from './diagnostic-codes.js';
import { RULE_PREFIX } from './plugin/index.js';
import type { Located } from './ts-diagnostics.js';
import { programConfig, type TsProject } from './ts-project.js';
import { loadToolchain } from './toolchain.js';
import { transpileFiles } from './transpile.js';

export interface IncrementalTsBuild {
  /** Builds again after the files `changed` (absolute paths) changed on disk; the first call builds everything. */
  rebuild(changed?: readonly string[]): Promise<TsBuild>;
}

/** What a file's last build left: its module, and the problems TSTL, the gate or the compiler found in it. */
interface FileState {
  module?: CachedModule;
  problems: Located[];
}

export function createIncrementalTsBuild(project: TsProject, opts: TsBuildOptions): IncrementalTsBuild {
  const tc = loadToolchain();
  const { ts } = tc;
  const config = programConfig(tc, project);
  const options = config.options as ts.CompilerOptions;
  const host = ts.createCompilerHost(options);
  // parsed files are kept until they change (TypeScript's lib and lua-types among them: most of a cold parse)
  const parsed = new Map<string, ts.SourceFile>();
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = ts.sys.resolvePath(fileName);
    let sf = parsed.get(key);
    if (sf === undefined) {
      sf = parse(fileName, languageVersion, onError, shouldCreate);
      // the builder tells changed files from unchanged ones by version
      if (sf !== undefined) (sf as ts.SourceFile & { version: string }).version = hash128(sf.text);
      if (sf !== undefined) parsed.set(key, sf);
    }
    return sf;
  };
  let builder: ts.SemanticDiagnosticsBuilderProgram | undefined;
  const files = new Map<string, FileState>();

  return {
    async rebuild(changed: readonly string[] = []): Promise<TsBuild> {
      for (const f of changed) parsed.delete(ts.sys.resolvePath(f));
      builder = ts.createSemanticDiagnosticsBuilderProgram(config.rootNames, options, host, builder);
      const affected = new Set<string>();
      let everything = files.size === 0;
      for (;;) {
        const r = builder.getSemanticDiagnosticsOfNextAffectedFile();
        if (r === undefined) break;
        if ('fileName' in r.affected) affected.add(ts.sys.resolvePath(r.affected.fileName));
        else everything = true;
      }
      const checker: ts.Diagnostic[] = [
        ...config.configErrors,
        ...builder.getOptionsDiagnostics(),
        ...builder.getGlobalDiagnostics(),
        ...builder.getSyntacticDiagnostics(),
        ...builder.getSemanticDiagnostics(),
      ];
      // a file left without a module (a problem anywhere stopped its compile) is built again too
      const redo = project.files.filter(
        (f) => everything || affected.has(ts.sys.resolvePath(f)) || files.get(f)?.module === undefined,
      );
      const transpiled = transpileFiles(tc, builder.getProgram(), checker, redo, opts.shown);
      // the checker's problems and the process rules' are the whole program's, fresh; TSTL's are per file emitted
      const isFresh = (p: Located, i: number): boolean => i < checker.length || p.diagnostic.code.startsWith(RULE_PREFIX);
      const fresh = transpiled.problems.filter(isFresh);
      const emitted = transpiled.problems.filter((p, i) => !isFresh(p, i));
      // each file is gated and compiled on its own problems: a type error in another file does not stop its compile
      // (the build is not ok until every problem is gone, so nothing runs meanwhile)
      const namedByRule = (d: Located['diagnostic']): boolean =>
        fresh.some((q) => q.diagnostic.code.startsWith(RULE_PREFIX) && q.diagnostic.file === d.file && q.diagnostic.line === d.line);
      for (const f of redo) {
        const own = emitted.filter((p) => p.diagnostic.file === opts.shown(f));
        const modules = await compileChunks(transpiled.chunks, [f], opts, own);
        // as in the cached build, the gate's TSL0001 is not repeated where a process rule names the line
        const problems = own.filter((p) => p.diagnostic.code !== TSL_INVALID_LUA || !namedByRule(p.diagnostic));
        files.set(f, { module: modules.get(f), problems });
      }
      const problems = [...fresh, ...project.files.flatMap((f) => files.get(f)?.problems ?? [])];
      const modules = new Map<string, CachedModule>();
      for (const f of project.files) {
        const m = files.get(f)?.module;
        if (m !== undefined) modules.set(f, m);
      }
      const ok = !problems.some((p) => isError(p.diagnostic)) && modules.size === project.files.length;
      return { ok, modules, problems };
    },
  };
}
