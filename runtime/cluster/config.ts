// `.wippy.yaml`'s `cluster:` section, read as Wippy's cluster configuration is shaped where the two meet
// (`cluster.enabled`, `cluster.name`: this node's name; en/guides/cluster.md), with the NATS settings moonforge
// joins through under `cluster.nats` and the failure detector's under `cluster.membership`:
//
//   cluster:
//     enabled: true
//     name: node-1                      # this node (--node)
//     nats:
//       servers: nats://10.0.0.5:4222   # a string (comma-separated) or a list (--cluster)
//       cluster: orders                 # the cluster's name (--cluster-name)
//       user: mf                        # or token, or creds_file
//       password: ...                   # --cluster-password or MOONFORGE_CLUSTER_PASSWORD win over it
//       tls: { ca_file: ..., cert_file: ..., key_file: ... }
//     membership:
//       heartbeat_ms: 500
//       down_after_ms: 3000
//       bootstrap_expect: 3             # --cluster-expect
//
// The command line's options win field by field; `--node` and `--cluster` join even when `enabled` is not set.
import type { FieldReader } from '../app/yaml-file.js';
import type { ClusterOptions } from './options.js';

/** The section as written: every field optional, `enabled` as given. */
export type ClusterConfig = Partial<ClusterOptions> & { enabled?: boolean };

export function clusterConfig(r: FieldReader | undefined): ClusterConfig | undefined {
  if (r === undefined) return undefined;
  const out: ClusterConfig = {};
  const enabled = r.bool('enabled');
  if (enabled !== undefined) out.enabled = enabled;
  const name = r.string('name');
  if (name !== undefined) out.node = name;
  const nats = r.sub('nats');
  if (nats !== undefined) {
    const servers = nats.value('servers');
    if (typeof servers === 'string') out.servers = servers.split(',').map((s) => s.trim()).filter((s) => s !== '');
    else if (servers !== undefined) out.servers = nats.stringList('servers');
    const cluster = nats.string('cluster');
    if (cluster !== undefined) out.cluster = cluster;
    const auth: NonNullable<ClusterOptions['auth']> = {};
    const user = nats.string('user');
    const pass = nats.string('password');
    const token = nats.string('token');
    const creds = nats.string('creds_file');
    if (user !== undefined) auth.user = user;
    if (pass !== undefined) auth.pass = pass;
    if (token !== undefined) auth.token = token;
    if (creds !== undefined) auth.credsFile = creds;
    if (Object.keys(auth).length > 0) out.auth = auth;
    const tls = nats.sub('tls');
    if (tls !== undefined) {
      out.tls = {};
      const ca = tls.string('ca_file');
      const cert = tls.string('cert_file');
      const key = tls.string('key_file');
      if (ca !== undefined) out.tls.caFile = ca;
      if (cert !== undefined) out.tls.certFile = cert;
      if (key !== undefined) out.tls.keyFile = key;
    }
  }
  const m = r.sub('membership');
  if (m !== undefined) {
    const hb = m.number('heartbeat_ms', true);
    const down = m.number('down_after_ms', true);
    const expect = m.number('bootstrap_expect', true);
    if (hb !== undefined) out.heartbeatMs = hb;
    if (down !== undefined) out.downAfterMs = down;
    if (expect !== undefined) out.expect = expect;
  }
  return out;
}

/**
 * The options a node joins with: the command line's (`flags`) over `.wippy.yaml`'s, or undefined when neither asks
 * for a cluster; a string says what is missing.
 */
export function clusterOptionsOf(
  config: ClusterConfig | undefined,
  flags: ClusterOptions | undefined,
  env: Readonly<Record<string, string | undefined>> = {},
): ClusterOptions | string | undefined {
  if (flags === undefined && config?.enabled !== true) return undefined;
  const { enabled: _enabled, ...fromFile } = config ?? {};
  const merged: Partial<ClusterOptions> = { ...fromFile, ...flags };
  // the environment's secrets (the flags already read them when given) over the file's
  const secrets: NonNullable<ClusterOptions['auth']> = {};
  if (env.MOONFORGE_CLUSTER_PASSWORD !== undefined) secrets.pass = env.MOONFORGE_CLUSTER_PASSWORD;
  if (env.MOONFORGE_CLUSTER_TOKEN !== undefined) secrets.token = env.MOONFORGE_CLUSTER_TOKEN;
  if (fromFile.auth !== undefined || flags?.auth !== undefined) merged.auth = { ...fromFile.auth, ...secrets, ...flags?.auth };
  if (fromFile.tls !== undefined && flags?.tls !== undefined) merged.tls = { ...fromFile.tls, ...flags.tls };
  if (merged.node === undefined) return '.wippy.yaml cluster.enabled is true but no node name is given (cluster.name, or --node NAME)';
  if (merged.servers === undefined || merged.servers.length === 0) return 'no NATS server is given for the cluster (cluster.nats.servers, or --cluster URL)';
  return merged as ClusterOptions;
}
