// The cluster options of running an app (`--node NAME --cluster URL` and the `--cluster-*` options; docs/cluster.md),
// part of the one parser of run arguments (app-run-args.ts). Light, as that parser is: a type import only.
import type { ClusterOptions } from '../../runtime/process/index.js';
import type { OptionSpecs } from './parse-options.js';

export const CLUSTER_OPTIONS = {
  node: { type: 'string' },
  cluster: { type: 'string' },
  'cluster-name': { type: 'string' },
  'cluster-user': { type: 'string' },
  'cluster-password': { type: 'string' },
  'cluster-token': { type: 'string' },
  'cluster-creds': { type: 'string' },
  'cluster-tls-ca': { type: 'string' },
  'cluster-tls-cert': { type: 'string' },
  'cluster-tls-key': { type: 'string' },
  'cluster-heartbeat': { type: 'string' },
  'cluster-down-after': { type: 'string' },
  'cluster-expect': { type: 'string' },
} as const satisfies OptionSpecs;

export const CLUSTER_USAGE = `  --node NAME --cluster nats://HOST:PORT[,...]
                       run as node NAME of a cluster that meets at these NATS servers (docs/cluster.md): its
                       pids read {NAME@host|...}; a host of node B is named B@HOST
  --cluster-name C     the cluster's name (default moonforge): the nodes of one cluster share it
  --cluster-user U --cluster-password P | --cluster-token T | --cluster-creds FILE
                       NATS credentials (or MOONFORGE_CLUSTER_PASSWORD / MOONFORGE_CLUSTER_TOKEN, kept out of ps)
  --cluster-tls-ca FILE [--cluster-tls-cert FILE --cluster-tls-key FILE]
                       TLS to the NATS server: the CA to trust, a client certificate
  --cluster-heartbeat MS   how often this node says it is alive (default 500)
  --cluster-down-after MS  a node not heard from this long is down (default 3000)
  --cluster-expect N   wait until N nodes (this one included) are up before the app starts
`;

type ClusterValues = { [K in keyof typeof CLUSTER_OPTIONS]?: string };

/** The cluster options of the flags (the secrets also from the environment), a usage problem, or undefined: no cluster. */
export function clusterArgs(values: ClusterValues, env: Readonly<Record<string, string | undefined>> = process.env): ClusterOptions | string | undefined {
  const { node, cluster: servers } = values;
  const more = (Object.keys(CLUSTER_OPTIONS) as (keyof ClusterValues)[]).filter((k) => k.startsWith('cluster-') && values[k] !== undefined);
  if (node === undefined && servers === undefined) return more.length > 0 ? `--${more[0]} goes with --node NAME --cluster URL` : undefined;
  if (node === undefined) return "--cluster needs --node NAME (this node's name in the cluster)";
  if (servers === undefined) return '--node needs --cluster nats://HOST:PORT (the NATS server the cluster meets at)';
  const o: ClusterOptions = { node, servers: servers.split(',').map((s) => s.trim()).filter((s) => s !== '') };
  if (values['cluster-name'] !== undefined) o.cluster = values['cluster-name'];
  const user = values['cluster-user'];
  const pass = values['cluster-password'] ?? env.MOONFORGE_CLUSTER_PASSWORD;
  const token = values['cluster-token'] ?? env.MOONFORGE_CLUSTER_TOKEN;
  const creds = values['cluster-creds'];
  if (user !== undefined || pass !== undefined || token !== undefined || creds !== undefined) {
    o.auth = {};
    if (user !== undefined) o.auth.user = user;
    if (pass !== undefined) o.auth.pass = pass;
    if (token !== undefined) o.auth.token = token;
    if (creds !== undefined) o.auth.credsFile = creds;
  }
  const [ca, cert, key] = [values['cluster-tls-ca'], values['cluster-tls-cert'], values['cluster-tls-key']];
  if (ca !== undefined || cert !== undefined || key !== undefined) {
    o.tls = {};
    if (ca !== undefined) o.tls.caFile = ca;
    if (cert !== undefined) o.tls.certFile = cert;
    if (key !== undefined) o.tls.keyFile = key;
  }
  for (const [flag, field] of [['cluster-heartbeat', 'heartbeatMs'], ['cluster-down-after', 'downAfterMs'], ['cluster-expect', 'expect']] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    if (!/^[1-9][0-9]{0,8}$/.test(v)) return `--${flag} needs a positive whole number, not '${v}'`;
    o[field] = Number(v);
  }
  return o;
}
