// A bundle (`moonforge build`) joins a cluster as `moonforge run` does: the NATS client is carried as lazy text and
// compiled at the join (it cannot run as an ES module import inside a bundle). Two bundle processes of
// bench/cluster/app run its programs across the nodes.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { REPO_ROOT } from '../support/repo.js';
import { runProcess } from '../support/process-runner.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

let server: NatsServer;
beforeAll(async () => {
  server = await startNatsServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('a bundle as a cluster node', () => {
  it('runs the programs of bench/cluster/app between two bundle processes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mf-cluster-bundle-'));
    const built = await runMoonforgeCli(['build', join(REPO_ROOT, 'bench/cluster/app'), '-o', out]);
    expect(built.stderr).toMatch(/built .*app\.mjs/);
    const bundle = join(out, 'app.mjs');
    const b = spawn(process.execPath, [bundle, '--node', 'b', '--cluster', server.url], { stdio: 'ignore' });
    try {
      const a = await runProcess(process.execPath, [bundle, '--node', 'a', '--cluster', server.url, '--cluster-expect', '2', '-x', 'app:main', '50', '4', '2', '10', '500'], { cwd: REPO_ROOT, timeoutMs: 20_000 });
      expect(a.stderr).toBe('');
      expect(a.stdout).toMatch(/^pingpong\t50\t\d+\nring\t20\t\d+\nstream\t500\t\d+\n$/);
      expect(a.status).toBe(0);
    } finally {
      b.kill('SIGTERM');
    }
  }, 40_000);
});
