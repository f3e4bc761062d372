// The inspector's HTTP server (docs/inspector.md): node:http, bound to 127.0.0.1 unless told otherwise, every
// request checked for the token first; the JSON API over the recorder and the node, the event stream, the control
// actions behind their flag, and the page's built files from dist/inspector/ (a plain placeholder when the page was
// not built).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { SchedulerLike } from 'rxjs';
import type { ProcessNode, SupervisorEvent } from '../../runtime/process/index.js';
import { Recorder, MESSAGE_RING } from './recorder.js';
import { EventStream } from './event-stream.js';
import { contextOf, hostsOf, processInfo, queuedTopics } from './views.js';
import { controlAction, timeAction, virtualClock } from './control.js';

/** `--inspect` without a port. */
export const DEFAULT_INSPECT_PORT = 9230;
const COOKIE = 'moonforge_inspector';
const SNAPSHOT_LIST = 200;
const DETAIL_LIST = 100;

export interface InspectOptions {
  /** the port (0: any free one; default 9230) */
  port?: number;
  /** the address to bind (default 127.0.0.1) */
  host?: string;
  /** allow terminate / cancel / pause / step (default false) */
  control?: boolean;
}

export interface InspectorServer {
  /** the page's address, with the token */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** a service supervisor's news, shown as restarts */
  supervision(e: SupervisorEvent): void;
  close(): Promise<void>;
}

export interface InspectTarget {
  node: ProcessNode;
  /** the clock the runtime runs on (pause/step work on a VirtualTimeScheduler only) */
  time: SchedulerLike;
  /** the hosts the runtime declares */
  hosts: () => Iterable<string>;
}

/** Starts the inspector of `target`; resolves once it listens. */
export async function startInspector(target: InspectTarget, opts: InspectOptions = {}): Promise<InspectorServer> {
  const token = randomBytes(24).toString('base64url');
  const rec = new Recorder(target.node);
  const detach = target.node.observe(rec);
  const stream = new EventStream(target.node, rec, target.hosts);
  const page = pageDir();
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      if (!res.headersSent) json(res, 500, { error: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    }
  });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://inspector');
    if (!authorized(req, url, token)) {
      json(res, 401, { error: 'a valid token is needed (the URL printed at start-up)' });
      return;
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'POST') {
      const m = /^\/api\/process\/([^/]+)\/(terminate|cancel)$/.exec(path);
      if (m !== null) {
        const r = controlAction(target.node, opts, decodeURIComponent(m[1]!), m[2] as 'terminate' | 'cancel', url.searchParams.get('reason') ?? '');
        json(res, r.status, r.body);
        return;
      }
      const t = /^\/api\/time\/(pause|resume|step)$/.exec(path);
      if (t !== null) {
        const ms = url.searchParams.get('ms');
        const r = timeAction(target.time, opts, t[1] as 'pause' | 'resume' | 'step', ms === null ? undefined : Number(ms));
        if (r.status === 200) stream.note('time', r.body);
        json(res, r.status, r.body);
        return;
      }
      json(res, 404, { error: 'not found' });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      json(res, 405, { error: 'method not allowed' });
      return;
    }
    if (path === '/api/snapshot') json(res, 200, snapshot());
    else if (path === '/api/events') stream.add(res, url.searchParams.get('batch') === '1');
    else if (path === '/api/messages') {
      const pids = url.searchParams.get('pids');
      const set = pids === null || pids === '' ? undefined : new Set(pids.split(','));
      const limit = Math.max(1, Math.min(MESSAGE_RING, Number(url.searchParams.get('limit') ?? 100) || 100));
      const keep = set === undefined ? undefined : set.size === 1 ? (f: string, t: string) => set.has(f) || set.has(t) : (f: string, t: string) => set.has(f) && set.has(t);
      json(res, 200, { messages: rec.messages(0, limit, keep) });
    } else if (path.startsWith('/api/process/')) processDetails(res, decodeURIComponent(path.slice('/api/process/'.length)));
    else if (path.startsWith('/api/')) json(res, 404, { error: 'not found' });
    else servePage(res, page, path, url.searchParams.get('token') === token ? token : undefined);
  };

  const snapshot = (): Record<string, unknown> => {
    const node = target.node;
    const now = node.sched.now();
    const rates = rec.rates(now);
    const clock = virtualClock(target.time);
    return {
      node: node.nodeName,
      now,
      seq: rec.seq,
      control: opts.control === true,
      virtualTime: clock !== undefined,
      paused: clock !== undefined && clock.maxFrames !== Number.POSITIVE_INFINITY,
      hosts: hostsOf(node.procs.values(), target.hosts()),
      processes: [...node.procs.values()].map((p) => processInfo(rec, p, rates)),
      exits: rec.exits.items.slice(-SNAPSHOT_LIST),
      restarts: rec.restarts.items.slice(-SNAPSHOT_LIST),
      messages: rec.messages(0, SNAPSHOT_LIST),
    };
  };

  const processDetails = (res: ServerResponse, pid: string): void => {
    const p = target.node.procs.get(pid);
    if (p === undefined || !p.alive) {
      const exit = rec.exits.items.find((x) => x.pid === pid);
      json(res, 404, exit === undefined ? { error: 'process not found' } : { error: 'process not found', exit });
      return;
    }
    const info = processInfo(rec, p, rec.rates(target.node.sched.now()));
    const messages = rec.messages(0, DETAIL_LIST, (f, t) => f === pid || t === pid);
    json(res, 200, { ...info, queued: queuedTopics(p, DETAIL_LIST), context: contextOf(p), messages });
  };

  const port = opts.port ?? DEFAULT_INSPECT_PORT;
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // the inspector never keeps a run alive: the app's end is the program's end
  server.unref();
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${bound}/?token=${token}`,
    port: bound,
    token,
    supervision: (e) => rec.supervision(e),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        detach();
        rec.close();
        stream.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}

/** Whether the request carries the token: ?token=, Authorization: Bearer, or the cookie (compared in constant time). */
function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const given: string[] = [];
  const q = url.searchParams.get('token');
  if (q !== null) given.push(q);
  const auth = req.headers.authorization;
  if (auth !== undefined && auth.startsWith('Bearer ')) given.push(auth.slice(7));
  const cookie = req.headers.cookie;
  if (cookie !== undefined) {
    for (const part of cookie.split(';')) {
      const [k, v] = part.trim().split('=', 2);
      if (k === COOKIE && v !== undefined) given.push(v);
    }
  }
  const want = Buffer.from(token);
  return given.some((g) => {
    const b = Buffer.from(g);
    return b.length === want.length && timingSafeEqual(b, want);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** dist/inspector/ as built by esbuild.config.mjs, from the bundle (dist/, dist/chunks/) or from the sources. */
function pageDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['inspector', '../inspector', '../../dist/inspector']) {
    const dir = join(here, rel);
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const PLACEHOLDER = `<!doctype html><meta charset="utf-8"><title>moonforge inspector</title>
<p>The inspector page is not built (run <code>node esbuild.config.mjs</code>). The JSON API works:
<a href="api/snapshot">/api/snapshot</a>, /api/process/PID, /api/messages, /api/events (docs/inspector.md).</p>
<script>for (const a of document.querySelectorAll('a')) a.search = location.search;</script>`;

/** A file of the page; the page itself sets the token cookie when asked with the right ?token=. */
function servePage(res: ServerResponse, dir: string | undefined, path: string, token: string | undefined): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (token !== undefined) headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
  if (dir === undefined) {
    res.writeHead(path === '/' || path === '/index.html' ? 200 : 404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    res.end(PLACEHOLDER);
    return;
  }
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir + sep) || !existsSync(file)) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
}
