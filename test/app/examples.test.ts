// The example apps of examples/, run as `moonforge run APPDIR -x NS:NAME` does (in process).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runAppInProcess } from '../support/app-in-process.js';

const EX = join(import.meta.dirname, '../../examples');

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
});
