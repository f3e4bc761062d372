// How a node joins a cluster: its name, the cluster's, the NATS servers and the credentials and TLS settings passed
// to the NATS client as they are, and the failure detector's timing. Checked before anything connects.

/** NATS authentication: one of user/password, token, or a creds file (a JWT and an nkey seed; decentralised auth). */
export interface ClusterAuth {
  user?: string;
  pass?: string;
  token?: string;
  /** path of a .creds file */
  credsFile?: string;
}

/** TLS to the NATS server, passed to the client: the CA to trust and a client certificate when the server asks. */
export interface ClusterTls {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
}

export interface ClusterOptions {
  /** this node's name: the `node@` of its pids (`{node@host|0x...}`) and its place in the cluster */
  node: string;
  /** NATS server URLs (nats://host:port or tls://host:port) */
  servers: string[];
  /** the cluster's name: nodes of one cluster share it, and it scopes their subjects (default `moonforge`) */
  cluster?: string;
  auth?: ClusterAuth;
  tls?: ClusterTls;
  /** how often this node says it is alive (default 500 ms) */
  heartbeatMs?: number;
  /** a peer not heard from for this long is down (default 3000 ms) */
  downAfterMs?: number;
  /** how long a STRONG registry name waits for every live node's acknowledgement (default 10000 ms, as Wippy) */
  strongDeadlineMs?: number;
  /** wait until this many nodes (this one included) are up before the app starts (Wippy's bootstrap_expect) */
  expect?: number;
  /** how long the start waits for the NATS server and for `expect` (default 10000 ms) */
  joinTimeoutMs?: number;
}

export const DEFAULT_CLUSTER = 'moonforge';
export const DEFAULT_HEARTBEAT_MS = 500;
export const DEFAULT_DOWN_AFTER_MS = 3000;
export const DEFAULT_JOIN_TIMEOUT_MS = 10000;

/**
 * A node or cluster name: it is one token of a NATS subject and the `node@` part of a pid text, so letters, digits,
 * `_` and `-` only (no `.`, `*`, `>`, `@`, `|`, braces or spaces), at most 64 characters.
 */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The first problem with `o`, or undefined when it can be used. */
export function clusterOptionsProblem(o: ClusterOptions): string | undefined {
  if (!NAME_PATTERN.test(o.node)) return `node name '${o.node}' must be 1-64 letters, digits, '_' or '-'`;
  if (o.node === 'local') return `node name 'local' is the name of a node outside any cluster`;
  if (o.cluster !== undefined && !NAME_PATTERN.test(o.cluster)) return `cluster name '${o.cluster}' must be 1-64 letters, digits, '_' or '-'`;
  if (o.servers.length === 0) return 'no NATS server given';
  for (const s of o.servers) {
    if (!/^(nats|tls):\/\/[^/\s]+$/.test(s)) return `'${s}' is not a NATS server URL (nats://HOST:PORT or tls://HOST:PORT)`;
  }
  const a = o.auth;
  if (a !== undefined) {
    const ways = [a.user !== undefined || a.pass !== undefined, a.token !== undefined, a.credsFile !== undefined].filter(Boolean).length;
    if (ways > 1) return 'give one way to authenticate: user and password, a token, or a creds file';
    if ((a.user === undefined) !== (a.pass === undefined)) return 'a NATS user needs a password, and a password a user';
  }
  if (o.tls !== undefined && (o.tls.certFile === undefined) !== (o.tls.keyFile === undefined)) {
    return 'a TLS client certificate needs its key file, and a key file its certificate';
  }
  for (const [k, v] of [['heartbeat', o.heartbeatMs], ['down-after', o.downAfterMs], ['join timeout', o.joinTimeoutMs], ['strong deadline', o.strongDeadlineMs]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v <= 0)) return `${k} must be a positive whole number of ms, not ${v}`;
  }
  const hb = o.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const down = o.downAfterMs ?? DEFAULT_DOWN_AFTER_MS;
  if (down < 2 * hb) return `down-after (${down} ms) must be at least twice the heartbeat (${hb} ms), or one late heartbeat takes a node down`;
  if (o.expect !== undefined && (!Number.isInteger(o.expect) || o.expect < 1)) return `expect must be a whole number of nodes, at least 1, not ${o.expect}`;
  return undefined;
}
