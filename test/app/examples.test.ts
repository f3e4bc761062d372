// The example apps of examples/, run as `moonforge run APPDIR -x NS:NAME` does (in process), and order-desk, the
// example of the repository README, through the real CLI (`node esbuild.config.mjs` first): run with stdin from its
// orders file, and `moonforge test` on its test suite. The TypeScript twins of examples/ts/ give their Lua twin's
// output and type-check with their own tsconfig.json as an editor reads it.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAppInProcess } from '../support/app-in-process.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { REPO_ROOT } from '../support/repo.js';
import { typeCheckApp } from '../support/ts-app-check.js';

const EX = join(import.meta.dirname, '../../examples');

/** The fenced blocks of a markdown file tagged `lang`, in order. */
function fencedBlocks(file: string, lang: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]);
}

/** What may differ between the twins: the source file in error positions, and which worker a job landed on. */
function twinLines(lines: string[]): string[] {
  return lines.map((l) => l.replace(/src\/(\w+)\.(lua|ts):\d+: /g, 'src/$1:LINE: ').replace(/^worker \d crashed/, 'worker N crashed'));
}

describe('examples', () => {
  it('ping-pong by registered name', async () => {
    const r = await runAppInProcess(join(EX, 'ping-pong'), { exec: 'app:main', args: ['3'] });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'pong is registered as pong',
      'round 1: pong 1 from pong',
      'round 2: pong 2 from pong',
      'round 3: pong 3 from pong',
    ]);
  });

  it('worker pool supervised by hand: crashed workers are replaced and their jobs redone', async () => {
    const r = await runAppInProcess(join(EX, 'worker-pool'), { exec: 'app:coordinator', args: ['8', '3'] });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const crashes = r.lines.filter((l) => l.includes('crashed'));
    expect(crashes).toHaveLength(2);
    // (the "src/jobs.lua:9:" position prefix is checked through the real CLI in cli.test.ts)
    expect(crashes[0]).toMatch(/^worker \d crashed \((src\/jobs\.lua:9: )?poisoned job 4\); restarting it$/);
    expect(crashes[1]).toMatch(/poisoned job 8/);
    expect(r.lines.at(-1)).toBe('8 jobs done by 3 workers, 2 restarts, sum of squares 204');
  });

  it('key-value server with request/reply over listen topics', async () => {
    const r = await runAppInProcess(join(EX, 'kv-server'), { exec: 'app:client' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'get apple -> 10',
      'get cherry -> 30',
      'get durian -> missing',
      'delete banana ->\ttrue',
      'size ->\t2',
      'frobnicate ->\tfalse\tunknown op frobnicate',
      // main's string result, printed as `wippy run -x` prints it (service/terminal/host.go OnComplete)
      'ok',
    ]);
  });

  describe('order-desk (logger, json, funcs and events), through the CLI', () => {
    const desk = ['run', 'examples/order-desk', '-x', 'app:desk'];
    const orders = join(EX, 'order-desk/orders.jsonl');

    it('prints what its README shows and exits with main\'s return, 2 (orders were rejected)', async () => {
      const r = await runMoonforgeCli(desk, { stdinFile: orders });
      expect(r.status).toBe(2);
      // the first text block of the example's README is its whole stdout
      expect(r.stdout).toBe(fencedBlocks(join(EX, 'order-desk/README.md'), 'text')[0]);
      // the repository README's excerpt of it
      const readme = fencedBlocks(join(EX, '../README.md'), 'text').find((b) => b.includes('A-1001'));
      expect(readme).toBeDefined();
      for (const line of readme!.split('\n').filter((l) => l !== '' && l !== '...')) expect(r.stdout).toContain(line);
      // the logs are on stderr, in the console form
      expect(r.stderr).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\tINFO\tauditor\tlistening\t\{"pid": "\{app:processes\|0x0000\d\}", "entry": "app:auditor", "system": "orders"\}$/m);
      expect(r.stderr).toMatch(/\tWARN\tdesk\torder rejected\t\{"pid": "\{app:terminal\|0x0000\d\}", "entry": "app:desk", "id": "A-1003", "reason": "item 1: unknown sku 'kettle'"\}$/m);
    });

    it('all orders priced: exit 0; structured records as JSON lines, with the pricing function\'s at debug', async () => {
      const input = '{"id":"B-1","customer":"ada","items":[{"sku":"mug","qty":9}]}\n\n{"id":"B-2","customer":"bob","items":[{"sku":"tea","qty":1}]}\n';
      const r = await runMoonforgeCli([...desk, '--log-format', 'json', '--log-level', 'debug'], { input });
      expect(r.stderr.split('\n').filter((l) => !l.startsWith('{'))).toEqual(['']);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n')).toEqual([
        'B-1      ada        9 items   108.00  - 10.80  =    97.20',
        'B-2      bob        1 items     4.50  -  0.00  =     4.50',
        '2 priced, 0 rejected, revenue 101.70 (discounts 10.80)',
        '{"priced":2,"rejected":0,"revenue":10170,"discounts":1080,"units":{"mug":9,"tea":1},"customers":{"ada":9720,"bob":450},"reasons":[]}',
        '',
      ]);
      const records = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records).toContainEqual(expect.objectContaining({ level: 'info', logger: 'desk', msg: 'order priced', id: 'B-1', customer: 'ada', total: 9720, entry: 'app:desk' }));
      expect(records).toContainEqual(expect.objectContaining({ level: 'debug', logger: 'pricing', msg: 'priced', id: 'B-2', total: 450, entry: 'app:price_order' }));
      expect(records).toContainEqual(expect.objectContaining({ level: 'info', logger: 'auditor', msg: 'listening', system: 'orders' }));
    });

    it('moonforge test runs its pricing and audit suites', async () => {
      const r = await runMoonforgeCli(['test', 'examples/order-desk', '--reporter', 'json']);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { summary: unknown; suites: Array<{ name: string; tests: Array<{ name: string; status: string }> }> };
      expect(report.summary).toMatchObject({ total: 5, passed: 5, failed: 0 });
      expect(Object.fromEntries(report.suites.map((s) => [s.name, s.tests.map((t) => t.name)]))).toEqual({
        audit: ['aggregates_the_bus'],
        pricing: ['prices_an_order', 'bulk_and_order_discounts', 'refuses_bad_orders', 'prices_side_by_side'],
      });
    });
  });

  // the first .ts build of a run loads TypeScript and type-checks (seconds on a loaded machine)
  describe('examples/ts: the TypeScript twins, with typed topics', { timeout: 60_000 }, () => {
    const twins = [
      ['ping-pong', 'app:main', ['3']],
      ['worker-pool', 'app:coordinator', ['8', '3']],
      ['kv-server', 'app:client', []],
    ] as const;

    for (const [name, exec, args] of twins) {
      it(`${name} prints what its Lua twin prints`, async () => {
        const lua = await runAppInProcess(join(EX, name), { exec, args: [...args] });
        const ts = await runAppInProcess(join(EX, 'ts', name), { exec, args: [...args] });
        expect(ts.stderr).toBe('');
        expect(ts.code).toBe(lua.code);
        expect(twinLines(ts.lines)).toEqual(twinLines(lua.lines));
      });

      it(`${name} type-checks with its own tsconfig.json (its @ts-expect-error lines included)`, () => {
        expect(typeCheckApp(join(EX, 'ts', name))).toEqual([]);
      });
    }

    it('the repository README\'s TypeScript snippets hold: its process type-checks in worker-pool, its topics are kv-server\'s', () => {
      const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
      const snippet = fencedBlocks(join(REPO_ROOT, 'README.md'), 'ts').find((b) => b.includes('import * as jobs from "./jobs"'));
      expect(snippet).toBeDefined();
      // a copy of the example, with the snippet beside its sources and types/ named from wherever the copy is
      const app = join(mkdtempSync(join(tmpdir(), 'mf-readme-ts-')), 'worker-pool');
      cpSync(join(EX, 'ts/worker-pool'), app, { recursive: true });
      const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')) as { compilerOptions: { types: string[] } };
      tsconfig.compilerOptions.types = [join(REPO_ROOT, 'types')];
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
      writeFileSync(join(app, 'src/readme.ts'), snippet!);
      expect(typeCheckApp(app)).toEqual([]);

      const topics = /^ {2}```ts\n([\s\S]*?)^ {2}```$/m.exec(readme)?.[1];
      expect(topics).toContain('interface Topics');
      const file = readFileSync(join(EX, 'ts/kv-server/src/topics.d.ts'), 'utf8').split('\n');
      for (const line of topics!.split('\n').filter((l) => l.trim() !== '')) expect(file).toContain(line.slice(2));
    });

    it('worker-pool through the CLI: the crash names the .ts line of the error', async () => {
      const r = await runMoonforgeCli(['run', 'examples/ts/worker-pool', '-x', 'app:coordinator', '4', '2']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^worker \d crashed \(src\/jobs\.ts:9: poisoned job 4\); restarting it$/m);
    });
  });
});
