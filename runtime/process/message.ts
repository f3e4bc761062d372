// Message objects (Wippy spec §2.2): what `process.inbox()` and `listen(topic, {message = true})` deliver.
// msg:topic(), msg:from() ("" when the sender is unknown), msg:payload() (a payload value of lib/wippy/payload.ts for
// one value, nil for none, an array of them for several); payload:data() unwraps. A sent Message is also the envelope that waits in the
// receiver's mailbox, so a message costs one object until Lua asks for its payload.
import { LuaTable, tableFromArray } from '../core/table.js';
import { LuaUserdata } from '../core/value.js';
import { MT } from '../core/symbols.js';
import { ret1 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { readOnly } from '../core/read-only.js';
import { Payload, PAYLOAD_FORMATS } from '../lib/wippy/payload.js';

/**
 * Userdata classes made per message keep their metatable on the prototype, not in a field: LuaUserdata's
 * constructor defines an own `[MT]` on every instance (a define-semantics class field, measurably slow per message).
 * The prototype chain still goes through LuaUserdata.prototype, so `instanceof LuaUserdata` and `type()` hold.
 */
function asUserdata(cls: { prototype: object }, mt: LuaTable): void {
  Object.setPrototypeOf(cls.prototype, LuaUserdata.prototype);
  (cls.prototype as { [MT]?: LuaTable })[MT] = mt;
}

// Fields are `declare`d and assigned in the constructor: a class field (target ES2022) is defined on the new object
// before the constructor body assigns it again, two stores per field for objects made for every message.
export class Message {
  declare readonly topic: string;
  declare readonly from: string;
  /** how many payloads were sent */
  declare readonly count: number;
  /** the payload (count 1) or the array of payloads (count > 1), already copied for the receiver */
  declare readonly data: unknown;
  /** the Lua Payload value, made on the first msg:payload() */
  declare private payloadObj: unknown;
  /**
   * The sender's trace context (Envelope.trace): assigned only when tracing is on, so an untraced message has no such
   * field at all (no slot, no store per message).
   */
  declare trace?: TraceContext;
  constructor(topic: string, from: string, count: number, data: unknown) {
    this.topic = topic;
    this.from = from;
    this.count = count;
    this.data = data;
    this.payloadObj = undefined;
  }

  /** The payloads as an array (Envelope's view, for host code). */
  get payloads(): unknown[] {
    return this.count === 0 ? [] : this.count === 1 ? [this.data] : (this.data as unknown[]);
  }

  /** The raw value a listener without `{message = true}` gets: nil, the one payload, or an array of them. */
  raw(): unknown {
    return this.count <= 1 ? this.data : tableFromArray([...(this.data as unknown[])]);
  }

  payload(): unknown {
    if (this.payloadObj !== undefined) return this.payloadObj;
    const n = this.count;
    this.payloadObj =
      n === 0 ? undefined : n === 1 ? luaPayload(this.data) : tableFromArray((this.data as unknown[]).map(luaPayload));
    return this.payloadObj;
  }
}

export const EVENTS_TOPIC = '@events';

/** The payloads of an event envelope (shared, never written). */
export const NO_PAYLOADS: unknown[] = Object.freeze([]) as unknown as unknown[];

/**
 * The trace context a message carries when tracing is on (sdk/tracing/, docs/tracing.md): the W3C Trace Context of
 * the span its sender was in (an OpenTelemetry SpanContext: 32 hex digits of trace id, 16 of span id, the flags
 * byte; traceState when the sender had one), so the receiver's handling continues that trace. Immutable, so every
 * copy of a message may share it; Lua never sees it. A node-to-node codec (runtime/distrib/) carries the field
 * `trace` as these values and marks a decoded one `isRemote: true`.
 */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceFlags: number;
  readonly traceState?: unknown;
  readonly isRemote?: boolean;
}

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
  /** the sender's trace context (TraceContext); absent when tracing is off */
  trace?: TraceContext;
}

/** A Message from an array of (copied) payloads. */
export function messageOf(topic: string, from: string, payloads: unknown[]): Message {
  const n = payloads.length;
  return new Message(topic, from, n, n === 0 ? undefined : n === 1 ? payloads[0] : payloads);
}

/** A sent value as the receiver's payload (Wippy's ExportPayload: any value, a payload too, is wrapped as lua/any). */
function luaPayload(v: unknown): Payload {
  return new Payload(PAYLOAD_FORMATS.LUA, v);
}

function asMessage(v: unknown, fname: string): Message {
  if (v instanceof Message) return v;
  throw luaError(`bad argument #1 to '${fname}' (message expected)`);
}

const messageMethods = new LuaTable();
messageMethods.topic = (m: unknown) => ret1(asMessage(m, 'topic').topic);
messageMethods.from = (m: unknown) => ret1(asMessage(m, 'from').from);
messageMethods.payload = (m: unknown) => ret1(asMessage(m, 'payload').payload());
export const MESSAGE_META = new LuaTable();
MESSAGE_META.__index = messageMethods;
MESSAGE_META.__tostring = (m: unknown) => ret1(`process.Message{topic=${(m as Message).topic}}`);
readOnly(messageMethods);
asUserdata(Message, readOnly(MESSAGE_META));

/** A listener without `{message = true}` gets the raw value: nil, the one payload, or an array of them. */
export function rawPayload(payloads: unknown[]): unknown {
  return payloads.length === 0 ? undefined : payloads.length === 1 ? payloads[0] : tableFromArray([...payloads]);
}
