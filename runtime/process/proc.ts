// A process: its tasks (main + coroutine.spawn'ed), its mailbox and subscriptions, its links and monitors. Delivery
// follows Wippy (spec §2.4): one ordered queue per process; a message goes to the exact-topic listener, else (for
// topics not starting with "@") to the inbox, else it stays queued — nothing is dropped before a subscription exists.
// Rendezvous channels take a message only when a receiver waits; what cannot be delivered waits, in order.
import type { LuaTable } from '../core/table.js';
import type { LastDecision, SecurityContext } from '../security/check.js';
import { R } from '../core/results.js';
import { toLuaError } from '../core/errors.js';
import { addressOf } from '../core/tostring.js';
import { typeName } from '../core/value.js';
import { isLuaErrorValue } from '../lib/wippy/errors.js';
import { tostringBounded } from '../lib/meta-twins.js';
import type { Channel, ChannelFeed } from './channel.js';
import { NO_VALUE } from './channel.js';
import { Backlog } from './backlog.js';
import { Message, messageOf, rawPayload } from './message.js';
import type { Task } from './task.js';
import type { TaskOwner } from './scheduler.js';
import type { ProcessNode } from './node.js';

export const EVENTS_TOPIC = '@events';

/** The payloads of an event envelope (shared, never written). */
export const NO_PAYLOADS: unknown[] = Object.freeze([]) as unknown as unknown[];

/** The context of a process spawned without one (shared, never mutated). */
export const EMPTY_CONTEXT: ReadonlyMap<string, unknown> = new Map();

/** What waits in a mailbox: a sent Message (which is one), or an event. */
export interface Envelope {
  readonly topic: string;
  readonly from: string;
  /** deep-copied payload values */
  readonly payloads: unknown[];
  /** for EVENTS_TOPIC: the event table */
  event?: LuaTable;
  /** for EVENTS_TOPIC: LINK_DOWN, which kills a process that does not trap links */
  linkDown?: boolean;
}

export interface ExitResult {
  value: unknown;
  /** the error value of an abnormal exit (undefined for a normal one) */
  error: unknown;
  /** Lua traceback text of an uncaught error, for logs */
  traceback?: string;
}

interface Listener {
  ch: Channel;
  message: boolean;
}

/** The Lua Message of an envelope: a sent Message is its own (host code may deliver plain envelopes). */
const asMessage = (env: Envelope): Message => (env instanceof Message ? env : messageOf(env.topic, env.from, env.payloads));

/**
 * What most processes never use: coroutine tasks, the events channel, listeners, links, monitors, names, exit
 * observers, trap_links. Kept out of Proc so an idle process stays small (issue 4's target); made on first use.
 */
class ProcExtras {
  otherTasks: Set<Task> | undefined = undefined;
  events: Channel | undefined = undefined;
  trapLinks = false;
  listeners: Map<string, Listener> | undefined = undefined;
  links: Set<Proc> | undefined = undefined;
  /** one monitor (the common case: the spawner of spawn_monitored) or a Set of them */
  monitors: Proc | Set<Proc> | undefined = undefined;
  monitoring: Set<Proc> | undefined = undefined;
  names: Set<string> | undefined = undefined;
  exitObservers: ((r: ExitResult) => void)[] | undefined = undefined;
  context: ReadonlyMap<string, unknown> = EMPTY_CONTEXT;
}

export class Proc implements TaskOwner, ChannelFeed {
  /** the running main task (undefined once it is done) */
  mainTask: Task | undefined = undefined;
  /** messages that could not be handed over yet (backlog.ts); made when a message has to wait */
  private backlog: Backlog | undefined = undefined;
  inbox: Channel | undefined = undefined;
  alive = true;
  G: LuaTable | undefined = undefined;
  /** the actor and scope every permission check of this process uses (issue 5); undefined: none */
  security: SecurityContext | undefined = undefined;
  private x: ProcExtras | undefined = undefined;
  /**
   * The process this one last sent to (its pid never names another process, so `lastTarget.pid === dest` resolves
   * dest; its `alive` still decides): a process mostly talks to the same peer, and the lookup in the node's map of
   * every process misses the CPU caches once there are many processes.
   */
  lastTarget: Proc | undefined = undefined;
  /** the permission check's memo of this process's last decision (security/check.ts) */
  lastDecision: LastDecision | undefined = undefined;

  private get extras(): ProcExtras {
    return (this.x ??= new ProcExtras());
  }

  /** context values (ctx module, inherited by children); never mutated after spawn, so children share it */
  get context(): ReadonlyMap<string, unknown> {
    return this.x?.context ?? EMPTY_CONTEXT;
  }
  set context(c: ReadonlyMap<string, unknown>) {
    if (c !== EMPTY_CONTEXT || this.x !== undefined) this.extras.context = c;
  }
  /** the host the process runs on (the part of its pid between "@" and "|") */
  get hostId(): string {
    const p = this.pid;
    return p.slice(p.indexOf('@') + 1, p.lastIndexOf('|'));
  }

  get events(): Channel | undefined {
    return this.x?.events;
  }
  set events(ch: Channel | undefined) {
    if (ch !== undefined || this.x !== undefined) this.extras.events = ch;
  }
  get trapLinks(): boolean {
    return this.x?.trapLinks ?? false;
  }
  set trapLinks(v: boolean) {
    if (v || this.x !== undefined) this.extras.trapLinks = v;
  }
  get listeners(): Map<string, Listener> {
    const x = this.extras;
    return (x.listeners ??= new Map());
  }
  get links(): Set<Proc> {
    const x = this.extras;
    return (x.links ??= new Set());
  }
  /** processes monitoring this one */
  get monitors(): Set<Proc> {
    const x = this.extras;
    const m = x.monitors;
    if (m instanceof Set) return m;
    const set = new Set<Proc>();
    if (m !== undefined) set.add(m);
    x.monitors = set;
    return set;
  }
  /** Adds a monitor without making a Set for the first one. */
  addMonitor(p: Proc): void {
    const x = this.extras;
    const m = x.monitors;
    if (m === undefined) x.monitors = p;
    else if (m instanceof Set) m.add(p);
    else if (m !== p) x.monitors = new Set([m, p]);
  }
  removeMonitor(p: Proc): void {
    const x = this.x;
    if (x === undefined) return;
    const m = x.monitors;
    if (m === p) x.monitors = undefined;
    else if (m instanceof Set) m.delete(p);
  }
  hasMonitor(p: Proc): boolean {
    const m = this.x?.monitors;
    return m === p || (m instanceof Set && m.has(p));
  }
  /** The monitors (one or a Set), forgotten by the process (exit). */
  takeMonitors(): Proc | Set<Proc> | undefined {
    const x = this.x;
    if (x === undefined) return undefined;
    const m = x.monitors;
    x.monitors = undefined;
    return m;
  }
  /** processes this one monitors */
  get monitoring(): Set<Proc> {
    const x = this.extras;
    return (x.monitoring ??= new Set());
  }
  get names(): Set<string> {
    const x = this.extras;
    return (x.names ??= new Set());
  }
  /** exit observers (exec, supervisors, hosts) */
  get onExit(): ((r: ExitResult) => void)[] {
    const x = this.extras;
    return (x.exitObservers ??= []);
  }
  /** The collections as they are, without making them (exit paths). */
  get linksIfAny(): Set<Proc> | undefined {
    return this.x?.links;
  }
  get monitorsIfAny(): Set<Proc> | undefined {
    return this.x?.monitors === undefined ? undefined : this.monitors;
  }
  get monitoringIfAny(): Set<Proc> | undefined {
    return this.x?.monitoring;
  }
  get namesIfAny(): Set<string> | undefined {
    return this.x?.names;
  }
  get onExitIfAny(): ((r: ExitResult) => void)[] | undefined {
    return this.x?.exitObservers;
  }

  constructor(
    readonly node: ProcessNode,
    readonly pid: string,
    readonly entryId: string,
    hostId: string,
  ) {
    void hostId; // part of the pid (see the hostId getter)
  }

  // ---- delivery ----

  /** The channel `env` goes to under the current subscriptions (undefined: none yet). */
  target(env: Envelope): Channel | undefined {
    if (env.topic === EVENTS_TOPIC) return this.x?.events;
    const l = this.x?.listeners?.get(env.topic);
    if (l !== undefined) return l.ch;
    if (env.topic.charCodeAt(0) === 64 /* @ */) return undefined;
    return this.inbox;
  }

  private valueFor(env: Envelope, ch: Channel): unknown {
    if (env.event !== undefined) return env.event;
    if (ch === this.inbox) return asMessage(env);
    const l = this.x?.listeners?.get(env.topic);
    if (l !== undefined && l.message) return asMessage(env);
    return env instanceof Message ? env.raw() : rawPayload(env.payloads);
  }

  /**
   * process.send's delivery of a Message (its topic never starts with "@"): straight to a waiting inbox receiver
   * when nothing is queued and no listener exists, the common case of every actor loop; else the general path.
   */
  deliverMessage(m: Message): void {
    if (this.backlog === undefined && this.alive) {
      const x = this.x;
      if (x === undefined || x.listeners === undefined || x.listeners.size === 0) {
        const ch = this.inbox;
        if (ch !== undefined && ch.offer(m)) return;
      }
    }
    this.deliver(m);
  }

  deliver(env: Envelope): void {
    if (!this.alive) return;
    if (env.linkDown === true && !this.trapLinks) {
      // spec §2.5: without trap_links the process fails at once, whether or not it reads its events.
      this.node.exitProcess(this, { value: undefined, error: this.node.makeError('linked process failed') });
      return;
    }
    const ch = this.target(env);
    const b = this.backlog;
    if (ch !== undefined && (b === undefined || !b.has(ch)) && ch.offer(this.valueFor(env, ch))) {
      return;
    }
    (this.backlog ??= new Backlog()).push(env, ch);
  }

  /** Delivers what can be delivered now (after a subscription change), keeping the order per subscription. */
  flush(): void {
    const b = this.backlog;
    if (b === undefined || b.size === 0 || !this.alive) return;
    const blocked = new Set<Channel | undefined>();
    const keep = new Backlog();
    for (const env of b.entries()) {
      const ch = this.target(env);
      if (ch === undefined || blocked.has(ch) || !ch.offer(this.valueFor(env, ch))) {
        blocked.add(ch);
        keep.push(env, ch);
      }
    }
    // an emptied backlog is dropped: a process that caught up holds no queue
    this.backlog = keep.size === 0 ? undefined : keep;
  }

  /** After the exit: drops what only a live process needs, so a stale reference to it (a sender's sentToProc) holds little. */
  release(): void {
    this.backlog = undefined;
    this.G = undefined;
    this.lastTarget = undefined;
    this.lastDecision = undefined;
  }

  /** Forgets every subscription (process.upgrade); queued messages stay for the new code. */
  resetSubscriptions(): void {
    this.inbox = undefined;
    const x = this.x;
    if (x !== undefined) {
      x.events = undefined;
      x.listeners = undefined;
    }
    this.backlog?.retarget();
  }

  /** ChannelFeed: whether no queued message waits for `ch`. */
  isEmpty(ch: Channel): boolean {
    const b = this.backlog;
    return b === undefined || !b.has(ch);
  }

  /** ChannelFeed: the first queued message for `ch`, taken out of the queue. */
  pull(ch: Channel): unknown {
    const b = this.backlog;
    if (b === undefined) return NO_VALUE;
    const env = b.take(ch, this);
    if (env === undefined) return NO_VALUE;
    if (b.size === 0) this.backlog = undefined;
    return this.valueFor(env, ch);
  }

  get queued(): number {
    return this.backlog?.size ?? 0;
  }

  // ---- tasks ----

  addTask(task: Task, main: boolean): void {
    if (main) this.mainTask = task;
    else (this.extras.otherTasks ??= new Set()).add(task);
  }

  private removeTask(task: Task): void {
    if (task === this.mainTask) this.mainTask = undefined;
    else this.x?.otherTasks?.delete(task);
  }

  /** The coroutine.spawn'ed tasks still running, forgotten by the process (exit): the caller stops them. */
  takeOtherTasks(): Set<Task> | undefined {
    const x = this.x;
    if (x === undefined) return undefined;
    const o = x.otherTasks;
    x.otherTasks = undefined;
    return o;
  }

  /** Every live task, forgotten by the process (exit, upgrade): the caller stops them. */
  takeTasks(): Task[] {
    const out: Task[] = [];
    if (this.mainTask !== undefined) out.push(this.mainTask);
    const others = this.takeOtherTasks();
    if (others !== undefined) for (const t of others) out.push(t);
    this.mainTask = undefined;
    return out;
  }

  taskDone(task: Task, first: unknown): void {
    const main = task === this.mainTask;
    this.removeTask(task);
    if (!main) return;
    // spec §2.5: a second result that is a string or an error object makes the exit a failure.
    const second = R.n >= 2 ? R.rv[1] : undefined;
    if (typeof second === 'string' || isLuaErrorValue(second)) {
      this.node.exitProcess(this, { value: first, error: typeof second === 'string' ? this.node.makeError(second) : second });
    } else {
      this.node.exitProcess(this, { value: first, error: undefined });
    }
  }

  taskFailed(task: Task, e: unknown): void {
    this.removeTask(task);
    const err = toLuaError(e);
    const v = err.value;
    const error = isLuaErrorValue(v) ? v : this.node.makeError(errorText(v));
    this.node.exitProcess(this, { value: undefined, error, traceback: this.node.tracebackOf(err) });
  }
}

/** Budget slices (BUDGET_SLICE back-edges each) a raised value's `__tostring` may run for its process's exit text. */
const ERROR_TEXT_SLICES = 50;

/**
 * The text of a process's failure for any raised Lua value: a table or userdata through its `__tostring` when it has
 * one, else `table: 0x...` (String() of a LuaTable throws: it has no JS prototype, and a failure here must never take
 * the runtime down). This runs outside the process, where nothing can give way: a `__tostring` that runs too long is
 * abandoned (tostringBounded) instead of hanging the node.
 */
function errorText(v: unknown): string {
  if (typeof v === 'string') return v;
  const address = (): string => (typeof v === 'object' && v !== null ? `${typeName(v)}: ${addressOf(v)}` : String(v));
  try {
    return tostringBounded(v, ERROR_TEXT_SLICES) ?? address();
  } catch {
    return address();
  }
}
