// The cluster options of running an app (sdk/cli/cluster-args.ts through the one parser, app-run-args.ts).
import { describe, expect, it } from 'vitest';
import { parseAppRunArgs } from '../../sdk/cli/app-run-args.js';
import { clusterArgs } from '../../sdk/cli/cluster-args.js';

describe('cluster options of run', () => {
  it('parse into the options of a join, secrets from the environment when the flags are absent', () => {
    const r = parseAppRunArgs(['--node', 'a', '--cluster', 'nats://h1:4222, nats://h2:4222', '--cluster-name', 'orders', '--cluster-user', 'mf', '--cluster-expect', '3', '--cluster-down-after', '2000', '-x', 'app:main', 'x']);
    expect(r.ok && r.value.exec).toBe('app:main');
    const o = r.ok ? r.value.cluster : undefined;
    expect(o?.node).toBe('a');
    expect(o?.servers).toEqual(['nats://h1:4222', 'nats://h2:4222']);
    expect(o?.cluster).toBe('orders');
    expect(o?.expect).toBe(3);
    expect(o?.downAfterMs).toBe(2000);
    expect(clusterArgs({ node: 'a', cluster: 'nats://h:1', 'cluster-user': 'u' }, { MOONFORGE_CLUSTER_PASSWORD: 'p' })).toEqual({ node: 'a', servers: ['nats://h:1'], auth: { user: 'u', pass: 'p' } });
    expect(clusterArgs({ node: 'a', cluster: 'nats://h:1', 'cluster-tls-ca': 'ca.pem' }, {})).toEqual({ node: 'a', servers: ['nats://h:1'], tls: { caFile: 'ca.pem' } });
    expect(parseAppRunArgs(['-x', 'app:main']).ok && clusterArgs({}, {})).toBeUndefined();
  });

  it('say what is missing or wrong', () => {
    const msg = (argv: string[]): string | undefined => {
      const r = parseAppRunArgs(argv);
      return r.ok ? undefined : r.message;
    };
    expect(msg(['--node', 'a', '-x', 'app:main'])).toBe('--node needs --cluster nats://HOST:PORT (the NATS server the cluster meets at)');
    expect(msg(['--cluster', 'nats://h:1', '-x', 'app:main'])).toBe("--cluster needs --node NAME (this node's name in the cluster)");
    expect(msg(['--cluster-expect', '2', '-x', 'app:main'])).toBe('--cluster-expect goes with --node NAME --cluster URL');
    expect(msg(['--node', 'a', '--cluster', 'nats://h:1', '--cluster-heartbeat', '0', '-x', 'app:main'])).toBe("--cluster-heartbeat needs a positive whole number, not '0'");
  });
});
