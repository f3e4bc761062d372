// A process: its tasks (main + coroutine.spawn'ed), its mailbox and subscriptions (mailbox.ts, the delivery rules),
// its links and monitors. It reports its end to its node through the ProcessExits it was made with, so this file
// does not import the node.
import type { LuaTable } from '../core/table.js';
import type { LastDecision, SecurityContext } from '../security/check.js';
import { R } from '../core/results.js';
import { toLuaError, type LuaError } from '../core/errors.js';
import { addressOf } from '../core/tostring.js';
import { typeName } from '../core/value.js';
import { isLuaErrorValue, type LuaErrorValue } from '../lib/wippy/errors.js';
import { tostringBounded } from '../lib/meta-twins.js';
import { Mailbox, type DeliveryHook, type Listener, type MailboxExtras } from './mailbox.js';
import type { Channel } from './channel.js';
import type { Task, TaskOwner } from './task.js';
import type { ProcessObserver } from './observe.js';
import type { TraceContext } from './message.js';

/** The context of a process spawned without one (shared, never mutated). */
export const EMPTY_CONTEXT: ReadonlyMap<string, unknown> = new Map();

export interface ExitResult {
  value: unknown;
  /** the error value of an abnormal exit (undefined for a normal one) */
  error: unknown;
  /** Lua traceback text of an uncaught error, for logs */
  traceback?: string;
  /**
   * the trace context a process of a peer ended in (remote.ts: its exit frame's, when tracing is on there), which
   * its watchers' EXIT and LINK_DOWN continue here; absent otherwise
   */
  trace?: TraceContext;
}

/** What a process reports its end to: the node (node.ts), which stops it and sends its notices. */
export interface ProcessExits {
  exitProcess(proc: Proc, result: ExitResult): void;
  /** an error made by the runtime (no Lua frames) */
  makeError(message: string, kind?: string): LuaErrorValue;
  tracebackOf(err: LuaError): string | undefined;
  /** the node's observers (observe.ts), undefined when nothing watches */
  readonly observer: ProcessObserver<Proc> | undefined;
  /** the observer whose `delivered` every delivery calls (observe.ts deliveredBy), undefined when none has it */
  readonly deliveredTo: ProcessObserver<Proc> | undefined;
  /** mailbox.ts DeliveryTap */
  deliveries: number;
  deliveryBudget: number;
}

/**
 * What most processes never use: coroutine tasks, the events channel, listeners, links, monitors, names, exit
 * observers, trap_links, a host's delivery hook. Kept out of Proc so an idle process stays small (issue 4's target);
 * made on first use.
 */
class ProcExtras implements MailboxExtras {
  otherTasks: Set<Task<Proc>> | undefined = undefined;
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
  hook: DeliveryHook | undefined = undefined;
}

export class Proc extends Mailbox implements TaskOwner {
  /** the running main task (undefined once it is done) */
  mainTask: Task<Proc> | undefined = undefined;
  G: LuaTable | undefined = undefined;
  /** the actor and scope every permission check of this process uses (issue 5); undefined: none */
  security: SecurityContext | undefined = undefined;
  declare protected x: ProcExtras | undefined;
  /**
   * The process this one last sent to (its pid never names another process, so `lastTarget.pid === dest` resolves
   * dest; its `alive` still decides): a process mostly talks to the same peer, and the lookup in the node's map of
   * every process misses the CPU caches once there are many processes.
   */
  lastTarget: Proc | undefined = undefined;
  /** the permission check's memo of this process's last decision (security/check.ts) */
  lastDecision: LastDecision | undefined = undefined;

  protected get extras(): ProcExtras {
    return (this.x ??= new ProcExtras());
  }

  protected linkFailed(): void {
    this.node.exitProcess(this, { value: undefined, error: this.node.makeError('linked process failed') });
  }

  /** context values (ctx module, inherited by children); never mutated after spawn, so children share it */
  get context(): ReadonlyMap<string, unknown> {
    return this.x?.context ?? EMPTY_CONTEXT;
  }
  set context(c: ReadonlyMap<string, unknown>) {
    if (c !== EMPTY_CONTEXT || this.x !== undefined) this.extras.context = c;
  }
  /** the host the process runs on: the part of its pid before "|", after the node's "name@" when there is one */
  get hostId(): string {
    const p = this.pid;
    const at = p.indexOf('@');
    return p.slice(at < 0 ? 1 : at + 1, p.lastIndexOf('|'));
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
  /** The coroutine.spawn'ed tasks, without making the set (observers: the inspector). */
  get otherTasksIfAny(): ReadonlySet<Task<Proc>> | undefined {
    return this.x?.otherTasks;
  }

  /** Clears what its tasks last parked on (Task.waitOn), when observers start or stop asking for it. */
  forgetWaits(): void {
    // only where one is held: setting it on a task that never had it would add the property to every task
    const main = this.mainTask;
    if (main !== undefined && main.waitOn !== undefined) main.waitOn = undefined;
    const others = this.x?.otherTasks;
    if (others !== undefined) for (const t of others) if (t.waitOn !== undefined) t.waitOn = undefined;
  }

  constructor(
    /** the node, as far as the process needs it */
    readonly node: ProcessExits,
    readonly pid: string,
    readonly entryId: string,
  ) {
    super();
  }

  /** After the exit: drops what only a live process needs, so a stale reference to it (a sender's sentToProc) holds little. */
  release(): void {
    this.dropBacklog();
    this.G = undefined;
    this.lastTarget = undefined;
    this.lastDecision = undefined;
  }

  // ---- tasks ----

  addTask(task: Task<Proc>, main: boolean): void {
    if (main) this.mainTask = task;
    else (this.extras.otherTasks ??= new Set()).add(task);
  }

  private removeTask(task: Task<Proc>): void {
    if (task === this.mainTask) this.mainTask = undefined;
    else this.x?.otherTasks?.delete(task);
  }

  /** The coroutine.spawn'ed tasks still running, forgotten by the process (exit): the caller stops them. */
  takeOtherTasks(): Set<Task<Proc>> | undefined {
    const x = this.x;
    if (x === undefined) return undefined;
    const o = x.otherTasks;
    x.otherTasks = undefined;
    return o;
  }

  /** Every live task, forgotten by the process (exit, upgrade): the caller stops them. */
  takeTasks(): Task<Proc>[] {
    const out: Task<Proc>[] = [];
    if (this.mainTask !== undefined) out.push(this.mainTask);
    const others = this.takeOtherTasks();
    if (others !== undefined) for (const t of others) out.push(t);
    this.mainTask = undefined;
    return out;
  }

  taskDone(task: Task<Proc>, first: unknown): void {
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

  taskFailed(task: Task<Proc>, e: unknown): void {
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
