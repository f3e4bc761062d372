// Bundles the current sources of the CLI (sdk/cli/main.ts) for tests that run `moonforge` as a real child process
// (signals, exit codes), without depending on the shared dist/ being rebuilt. The bundle lives under node_modules/
// so its bare imports (rxjs, yaml, ...) resolve to the repo's dependencies.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const OUT = join(REPO, 'node_modules', '.cache', 'moonforge-apps-test', String(process.pid));

let built: Promise<string> | undefined;

/** Builds once per test process; returns the path of a launcher script taking the CLI's arguments. */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    mkdirSync(OUT, { recursive: true });
    await build({
      entryPoints: { cli: join(REPO, 'sdk/cli/main.ts'), compiler: join(REPO, 'compiler/index.ts') },
      outdir: OUT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      logLevel: 'error',
      define: { __BUILD_ID__: JSON.stringify(`apps-test-${Date.now()}`) },
    });
    const launcher = join(OUT, 'moonforge.mjs');
    writeFileSync(
      launcher,
      `import { main } from './cli.mjs';\nmain(process.argv.slice(2)).then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 70; });\n`,
    );
    return launcher;
  })();
  return built;
}

/** Removes this test process's bundle. */
export function removeCli(): void {
  rmSync(OUT, { recursive: true, force: true });
  built = undefined;
}
