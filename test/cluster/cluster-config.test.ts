// `.wippy.yaml`'s `cluster:` section (runtime/cluster/config.ts) and how the command line's options go over it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../../runtime/app/config.js';
import { clusterOptionsOf } from '../../runtime/cluster/config.js';
import type { Diagnostic } from '../../diagnostics/index.js';

async function configOf(yaml: string): Promise<{ cluster: unknown; diags: Diagnostic[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'mf-cluster-cfg-'));
  writeFileSync(join(dir, '.wippy.yaml'), yaml);
  const diags: Diagnostic[] = [];
  const cfg = await readAppConfig(dir, diags);
  return { cluster: cfg.cluster, diags };
}

describe('.wippy.yaml cluster:', () => {
  it('is read as Wippy names it (enabled, name) with the NATS and membership settings', async () => {
    const { cluster, diags } = await configOf(`
cluster:
  enabled: true
  name: node-1
  nats:
    servers: "nats://h1:4222, nats://h2:4222"
    cluster: orders
    user: mf
    password: from-file
    tls: { ca_file: ca.pem }
  membership:
    heartbeat_ms: 200
    down_after_ms: 1000
    bootstrap_expect: 3
`);
    expect(diags).toEqual([]);
    expect(cluster).toEqual({
      enabled: true,
      node: 'node-1',
      servers: ['nats://h1:4222', 'nats://h2:4222'],
      cluster: 'orders',
      auth: { user: 'mf', pass: 'from-file' },
      tls: { caFile: 'ca.pem' },
      heartbeatMs: 200,
      downAfterMs: 1000,
      expect: 3,
    });
    const o = clusterOptionsOf(cluster as never, undefined, { MOONFORGE_CLUSTER_PASSWORD: 'from-env' });
    expect(o).toMatchObject({ node: 'node-1', auth: { user: 'mf', pass: 'from-env' } });
    // the flags go over it field by field
    expect(clusterOptionsOf(cluster as never, { node: 'n2', servers: ['nats://x:1'], downAfterMs: 5000 })).toMatchObject({ node: 'n2', servers: ['nats://x:1'], cluster: 'orders', downAfterMs: 5000, heartbeatMs: 200 });
  });

  it('joins nothing unless enabled or asked on the command line; says what is missing', async () => {
    const { cluster, diags } = await configOf('cluster:\n  name: a\n  nats:\n    servers: [nats://h:1]\n  membership:\n    heartbeat_ms: fast\n');
    expect(diags.map((d) => d.message).join('\n')).toMatch(/heartbeat_ms/);
    expect(clusterOptionsOf(cluster as never, undefined)).toBeUndefined();
    expect(clusterOptionsOf({ enabled: true, servers: ['nats://h:1'] }, undefined)).toBe('.wippy.yaml cluster.enabled is true but no node name is given (cluster.name, or --node NAME)');
    expect(clusterOptionsOf({ enabled: true, node: 'a' }, undefined)).toBe('no NATS server is given for the cluster (cluster.nats.servers, or --cluster URL)');
  });
});
