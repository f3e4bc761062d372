// Processes as OpenTelemetry spans (docs/tracing.md): a span per process lifetime, a span per message or event a
// process takes (its handling, until it waits on its mailbox again), and the sender's span context carried in the
// message (Envelope.trace), so a request is followed from process to process, a process spawned while handling a
// traced message continues its trace, and a watcher's handling of an EXIT continues the trace the process ended in.
// Made only when tracing is on; the runtime calls it through its observer hooks and never loads any of this otherwise.
import type { Attributes, Context, Link, Span, SpanContext, Tracer } from '@opentelemetry/api';
import { errorText, EVENTS_TOPIC, isLuaErrorValue, type Envelope, type ExitResult, type Proc, type SpawnInfo, type TraceContext } from '../../runtime/process/index.js';
import { fromLuaString } from '../lua-string.js';
import type { OtelApi } from './otel-packages.js';

/** The tracer's name (its instrumentation scope); the attributes of its own are under `moonforge.`. */
export const TRACER_NAME = 'moonforge';

/** Attribute names (docs/tracing.md lists them). */
export const ATTR = {
  pid: 'moonforge.process.pid',
  entry: 'moonforge.process.entry',
  host: 'moonforge.process.host',
  parent: 'moonforge.process.parent',
  topic: 'messaging.destination.name',
  from: 'moonforge.message.from',
  event: 'moonforge.event.kind',
  /** on the link from a process LINK_DOWN killed to the failure: the pid of the linked process that failed */
  linkDown: 'moonforge.link.down.from',
} as const;

/** What a traced process is doing: its lifetime span, and the span of the message it handles now. */
interface ProcSpans {
  readonly life: Span;
  receive: Span | undefined;
  /** its pid as text, made once */
  readonly pid: string;
}

/** The most topics whose span names are kept (a topic made per message must not grow the map without end). */
const MAX_NAMED_TOPICS = 1024;

/** The most ended processes whose last span context is kept for the EXIT and LINK_DOWN events that follow. */
const MAX_RECENT_EXITS = 256;

/** The observer (runtime/process/observe.ts ProcessObserver) tracing attaches to a node. */
export class ProcessTracer {
  /** the spans of every live traced process; a process leaves at its exit */
  private readonly spans = new Map<Proc, ProcSpans>();
  private readonly kinds: typeof OtelApi.SpanKind;
  /** `receive TOPIC` by topic: a span name made once per topic, not per message */
  private readonly receiveNames = new Map<string, string>();
  /**
   * pid -> the span context a process ended in: its EXIT and LINK_DOWN events are delivered right after its exit
   * (or after the notices being delivered then), and carry it, so a watcher's handling of a crash is in the crash's
   * trace. Bounded, oldest first out.
   */
  private readonly recentExits = new Map<string, SpanContext>();
  /**
   * A spawn a peer asked for, while the node starts it: the messages given with it (Spawner:with_message) come from
   * the stand-in of its spawner, which has no span, right after `spawned`, and carry the spawn's context. Cleared
   * when any process is handed a message or parks, which no such message comes after.
   */
  private remoteSpawn: { readonly proc: Proc; readonly from: string; readonly trace: TraceContext } | undefined = undefined;

  constructor(
    private readonly api: typeof OtelApi,
    private readonly tracer: Tracer,
    /** the node traced: its running process and pids name a message's sender */
    private readonly node: { readonly current: Proc | undefined; resolve(pid: string): Proc | undefined },
  ) {
    this.kinds = api.SpanKind;
  }

  /**
   * The context a process works in now: the message it handles, else its lifetime; for host code (no process, or a
   * host's JS mailbox), the host's active OpenTelemetry context, so an embedder's own span becomes the parent.
   */
  private contextOf(proc: Proc | undefined): Context {
    const s = proc === undefined ? undefined : this.spans.get(proc);
    const { trace, context } = this.api;
    if (s === undefined) return context.active();
    return trace.setSpan(context.active(), s.receive ?? s.life);
  }

  /**
   * What a spawn on a peer carries (runtime/distrib/remote.ts asks): the span context of what `proc` is doing, as
   * `spawned` takes it for a local child; for host code, its active span when it has a real one.
   */
  traceContext(proc: Proc | undefined): TraceContext | undefined {
    const s = proc === undefined ? undefined : this.spans.get(proc);
    if (s !== undefined) return (s.receive ?? s.life).spanContext();
    // a process that has just ended (its exit frame to the peers of its watchers): what it ended in
    const ended = proc === undefined ? undefined : this.recentExits.get(proc.pid);
    if (ended !== undefined) return ended;
    const sc = this.api.trace.getSpanContext(this.api.context.active());
    return sc !== undefined && this.api.isSpanContextValid(sc) ? sc : undefined;
  }

  /**
   * A process started: its lifetime span, a child of what its spawner was doing (for a spawn a peer asked for, what
   * the spawner was doing there, carried in the spawn).
   */
  spawned(proc: Proc, parent: Proc | undefined, entryId: string, hostId: string, info: SpawnInfo): void {
    // a host's JS mailbox (ProcessNode.endpoint, made with its delivery hook) is host code, traced by the host's own
    // context, not a process
    if (proc.deliveryHook !== undefined) return;
    const pid = text(proc.pid);
    const attributes: Attributes = {
      [ATTR.pid]: pid,
      [ATTR.entry]: text(entryId),
      [ATTR.host]: text(hostId),
    };
    if (parent !== undefined) attributes[ATTR.parent] = text(parent.pid);
    const carried = info.trace;
    this.remoteSpawn = carried === undefined || parent === undefined ? undefined : { proc, from: parent.pid, trace: carried };
    const ctx = carried === undefined ? this.contextOf(parent) : this.api.trace.setSpanContext(this.api.context.active(), carried as SpanContext);
    const life = this.tracer.startSpan(`process ${text(entryId)}`, { kind: this.kinds.INTERNAL, attributes }, ctx);
    this.spans.set(proc, { life, receive: undefined, pid });
  }

  /**
   * A message or event entered a mailbox (before it is handed over): it gets the span context of what its sender is
   * doing (host code: the active span, if any; an EXIT or LINK_DOWN: where its process ended). A send is no event of
   * its own: the receiver's span of the message is its record, a child of that context (an event per send was ~6% of
   * a traced ping-pong's profile, docs/tracing.md). When the receiver waits for the message, it is handed over now,
   * and its handling starts here; else at `taken`.
   */
  delivered(to: Proc, env: Envelope): void {
    // a message from another node (runtime/distrib/remote.ts) arrives with its sender's context already
    if (env.trace === undefined) {
      const ended = env.topic === EVENTS_TOPIC ? this.recentExits.get(env.from) : undefined;
      const spawn = this.remoteSpawn;
      if (ended !== undefined) env.trace = ended;
      else if (spawn !== undefined && spawn.proc === to && spawn.from === env.from) env.trace = spawn.trace;
      else this.stamp(env);
    }
    // LINK_DOWN kills a process that does not trap links before anything is handed over: its spans (still open)
    // link to where the failure that kills it happened, so the two traces lead to each other
    if (env.linkDown === true && !to.trapLinks) {
      const s = this.spans.get(to);
      const cause = env.trace;
      if (s !== undefined && cause !== undefined) {
        const link: Link = { context: cause as SpanContext, attributes: { [ATTR.linkDown]: text(env.from) } };
        s.life.addLink(link);
        s.receive?.addLink(link);
      }
      return;
    }
    // the mailbox's own rule (mailbox.ts route): handed over at once when nothing waits before it for its channel
    // and that channel takes it now (a host's delivery hook that takes messages is a JS mailbox's, which has no
    // spans; one that only watches, messages$, lets them through)
    const ch = to.target(env);
    if (ch !== undefined && !ch.closed && to.isEmpty(ch) && ch.canSend()) this.taken(to, env);
  }

  /** Gives a message the context of what its sender is doing. */
  private stamp(env: Envelope): void {
    const cur = this.node.current;
    const from = env.from === '' ? undefined : cur !== undefined && cur.pid === env.from ? cur : this.node.resolve(env.from);
    // host code (no traced sender): its active span, when it has a real one
    const tc = this.traceContext(from);
    if (tc !== undefined) env.trace = tc;
  }

  /**
   * A process was handed a message: the handling of the previous one ends, and this one's span starts, a child of
   * the sender's span when the message carries one; else (a message from host code outside any trace) the root of a
   * new trace, linked to the process's lifetime.
   */
  taken(proc: Proc, env: Envelope): void {
    this.remoteSpawn = undefined;
    const s = this.spans.get(proc);
    if (s === undefined) return;
    s.receive?.end();
    const { trace, context } = this.api;
    const topic = env.topic;
    const attributes: Attributes = { [ATTR.topic]: text(topic), [ATTR.pid]: s.pid };
    if (env.from !== '') attributes[ATTR.from] = text(env.from);
    // an event (EXIT, LINK_DOWN, CANCEL) is named by its kind
    const kind = topic === EVENTS_TOPIC ? env.event?.kind : undefined;
    if (typeof kind === 'string') attributes[ATTR.event] = kind;
    const carried = env.trace;
    let parent: Context;
    let links: Link[] | undefined;
    if (carried !== undefined) parent = trace.setSpanContext(context.active(), carried as SpanContext);
    else {
      parent = trace.deleteSpan(context.active());
      links = [{ context: s.life.spanContext() }];
    }
    s.receive = this.tracer.startSpan(this.receiveName(typeof kind === 'string' ? kind : topic), { kind: this.kinds.CONSUMER, attributes, links }, parent);
  }

  /** `receive TOPIC` (or `receive KIND` for an event), made once per topic. */
  private receiveName(topic: string): string {
    const names = this.receiveNames;
    let name = names.get(topic);
    if (name === undefined) {
      name = `receive ${text(topic)}`;
      if (names.size < MAX_NAMED_TOPICS) names.set(topic, name);
    }
    return name;
  }

  /**
   * A task of a process parks: when it waits on the process's inbox or events (alone or among a select's cases), the
   * process is done with the message it was handling, whose span ends here rather than at the next message, so an
   * idle process leaves no span open, and a handling's span is as long as the work.
   */
  parked(task: { readonly proc: unknown }, on: unknown): void {
    this.remoteSpawn = undefined;
    // the node's tasks are owned by its processes
    const proc = task.proc as Proc;
    const s = this.spans.get(proc);
    if (s === undefined || s.receive === undefined) return;
    if (on !== proc.inbox && on !== proc.events && !(Array.isArray(on) && on.some((c) => isMailboxCase(c, proc)))) return;
    s.receive.end();
    s.receive = undefined;
  }

  /** A process ended: the message it handled and its lifetime end, the lifetime with the exit's status and error. */
  exited(proc: Proc, result: ExitResult): void {
    const s = this.spans.get(proc);
    if (s === undefined) {
      // the stand-in of a process of a peer: what it ended in there, for its watchers' events here
      if (result.trace !== undefined) this.endedIn(proc.pid, result.trace);
      return;
    }
    this.spans.delete(proc);
    const { life, receive } = s;
    this.endedIn(proc.pid, (receive ?? life).spanContext());
    const error = result.error;
    if (error !== undefined) {
      const message = exitMessage(error);
      const exception = {
        name: isLuaErrorValue(error) && error.kind !== '' ? error.kind : 'LuaError',
        message,
        stack: result.traceback === undefined ? undefined : text(result.traceback),
      };
      // the span that was handling a message when the process failed says so too: a crash is seen where it happened
      for (const span of receive === undefined ? [life] : [receive, life]) {
        span.recordException(exception);
        span.setStatus({ code: this.api.SpanStatusCode.ERROR, message });
      }
    }
    receive?.end();
    life.end();
  }

  /** Keeps the span context process `pid` ended in, for its EXIT and LINK_DOWN events (bounded, oldest first out). */
  private endedIn(pid: string, sc: TraceContext): void {
    const exits = this.recentExits;
    if (exits.size >= MAX_RECENT_EXITS) exits.delete(exits.keys().next().value!);
    exits.set(pid, sc as SpanContext);
  }

  /** Ends the spans of processes still alive (tracing stops, or the runtime is going away), so they are exported. */
  endAll(): void {
    for (const [proc, s] of this.spans) {
      this.spans.delete(proc);
      s.receive?.end();
      s.life.end();
    }
  }
}

/** Whether a select case (channel-module.ts SelectCase) receives from the process's inbox or events. */
function isMailboxCase(c: unknown, proc: Proc): boolean {
  const sc = c as { ch?: unknown; send?: unknown };
  return sc.send === false && sc.ch !== undefined && (sc.ch === proc.inbox || sc.ch === proc.events);
}

/** A Lua byte string as text for an attribute (OpenTelemetry strings are text). */
const text = (s: string): string => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return fromLuaString(s);
  return s;
};

/** The text of a process's exit error: a Wippy error value's message, a string as is. */
function exitMessage(error: unknown): string {
  if (isLuaErrorValue(error)) return text(errorText(error));
  // the node makes every exit error a Wippy error value; anything else is named, never converted (a LuaTable has no
  // JS prototype to convert through)
  return typeof error === 'string' ? text(error) : 'process failed';
}
