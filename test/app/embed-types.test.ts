// What a host author's editor shows for `import ... from 'moonforge'`: the declarations tsconfig.types.json emits
// (`npm run build:types`, run by prepare) give the embedding API's public surface only. The runtime it drives (a
// ProcessRuntime), the node's Proc class behind a mailbox and its deliver() are implementation, not API (issue #11).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('embedding API type declarations', () => {
  it('show the interfaces and constants a host uses, nothing of the runtime behind them', { timeout: 120_000 }, () => {
    // emitted afresh into a temporary folder: dist/types may be stale or absent
    const out = mkdtempSync(join(tmpdir(), 'mf-types-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json', '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
      throw new Error(`tsc -p tsconfig.types.json failed:\n${(e as { stdout?: string }).stdout ?? String(e)}`);
    }
    const embed = readFileSync(join(out, 'sdk/embed.d.ts'), 'utf8');
    const index = readFileSync(join(out, 'sdk/index.d.ts'), 'utf8');
    for (const name of ['EmbeddedRuntime', 'Mailbox', 'EmbedOptions', 'ProcessEvent', 'ProcessMessage', 'ProcessExit', 'ProcessInfo']) {
      expect(embed).toMatch(new RegExp(`export interface ${name} \\{`));
    }
    expect(embed).toMatch(/export declare const EventKind: \{\s*readonly EXIT: "pid.exit";\s*readonly LINK_DOWN: "pid.link.down";\s*readonly CANCEL: "pid.cancel";/);
    expect(embed).toMatch(/kind: EventKind;/);
    expect(embed).not.toMatch(/\bdeclare class\b/);
    expect(embed).not.toMatch(/\bProcessRuntime\b/);
    expect(embed).not.toMatch(/\bProc\b/);
    expect(embed).not.toMatch(/\bdeliver\b/);
    expect(embed).not.toMatch(/runtime\/process\/(proc|node|process-runtime)\.js/);
    // the value converters take one value: their recursion's bookkeeping (Lua tables made so far) is not API
    const values = readFileSync(join(out, 'sdk/values.d.ts'), 'utf8');
    expect(values).toMatch(/export declare function toLua\(v: unknown\): unknown;/);
    expect(values).toMatch(/export declare function toJS\(v: unknown\): unknown;/);
    expect(values).not.toMatch(/LuaTable/);
    expect(index).toMatch(/export \{ createRuntime, EventKind, type EmbeddedRuntime, type Mailbox,/);
    // the app runtime and supervisor behind the CLI hand out the process runtime: not the package's API
    expect(index).not.toMatch(/createAppRuntime|AppRuntime\b|ServiceSupervisor|shutdownNode/);
  });
});
