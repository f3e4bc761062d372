// What cluster nodes publish to each other over NATS: one message = one kind byte, the sender's node name and
// incarnation, then the kind's body. Frames travel in batches (several frames per NATS message: the per-message cost
// of NATS and of the subscriber's callback is paid once per flush, not once per frame; BatchWriter).
import { Buffer } from 'node:buffer';
import { decodeFrame, encodeFrame, type Frame } from '../distrib/peer.js';

export const Kind = {
  /** a batch of frames for the node whose subject it is published on */
  Frames: 1,
  /** "I am alive", on the cluster's heartbeat subject */
  Heartbeat: 2,
  /** "who is there?": every member answers with a heartbeat at once; a hello alone makes nobody a member */
  Hello: 3,
  /** "I am leaving" (a clean stop): peers treat the sender as down at once instead of after the timeout */
  Bye: 4,
  /** "I had you down": the recipient must drop what it holds about the sender's processes (membership.ts) */
  Reset: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface Header {
  kind: Kind;
  node: string;
  incarnation: string;
}

/** A message's header and its body (for Frames: the batch, read with readFrames). */
export interface Decoded extends Header {
  body: Buffer;
}

export class WireError extends Error {}

function headerBytes(kind: Kind, node: string, incarnation: string): Buffer {
  // node names and incarnations are ASCII (options.ts checks names; incarnations are base-36 digits)
  const b = Buffer.allocUnsafe(3 + node.length + incarnation.length);
  writeHeader(b, kind, node, incarnation);
  return b;
}

function writeHeader(b: Buffer, kind: Kind, node: string, incarnation: string): number {
  b[0] = kind;
  b[1] = node.length;
  b.write(node, 2, 'latin1');
  b[2 + node.length] = incarnation.length;
  b.write(incarnation, 3 + node.length, 'latin1');
  return 3 + node.length + incarnation.length;
}

/** A message without a body (Heartbeat, Hello, Bye, Reset). */
export function encodeControl(kind: Kind, node: string, incarnation: string): Uint8Array {
  return headerBytes(kind, node, incarnation);
}

// Inside a batch, each frame is a tag byte and its fields. A `send` (nearly all the traffic) is written field by
// field: its pids and topic as strings, each string of a batch written once and then named by its number (a stream
// of messages between two processes repeats the same three), and its payload's bytes; any other frame is its
// encodeFrame bytes. Varints are LEB128.
const F_FRAME = 0;
const F_SEND = 1;

/**
 * The batch of frames for one peer, encoded as they are handed over (no frame object is kept until the flush), into
 * one buffer that becomes one NATS message.
 */
export class BatchWriter {
  private buf: Buffer;
  private at: number;
  private readonly strings = new Map<string, number>();
  /** frames in this batch */
  count = 0;

  constructor(
    private readonly node: string,
    private readonly incarnation: string,
    size = 256,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(size, 64 + node.length + incarnation.length));
    this.at = writeHeader(this.buf, Kind.Frames, node, incarnation);
  }

  /** encoded bytes so far */
  get size(): number {
    return this.at;
  }

  add(f: Frame): void {
    // a send with a trace context goes whole (encodeFrame keeps every field); the short form has none for it
    if (f.t === 'send' && f.trace === undefined) {
      this.room(1);
      this.buf[this.at++] = F_SEND;
      this.str(f.from);
      this.str(f.to);
      this.str(f.topic);
      this.bytes(f.payloadBytes);
    } else {
      this.room(1);
      this.buf[this.at++] = F_FRAME;
      this.bytes(encodeFrame(f));
    }
    this.count++;
  }

  /** The message of this batch; the writer is not used after it. */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  private varint(n: number): void {
    this.room(5);
    const b = this.buf;
    while (n >= 0x80) {
      b[this.at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    b[this.at++] = n;
  }

  private str(s: string): void {
    const known = this.strings.get(s);
    if (known !== undefined) {
      this.varint((known << 1) | 1);
      return;
    }
    this.strings.set(s, this.strings.size);
    this.varint(s.length << 1);
    this.room(s.length);
    // runtime strings are bytes (every char code 0..255): latin1 is the identity
    this.at += this.buf.write(s, this.at, 'latin1');
  }

  private bytes(v: Uint8Array): void {
    this.varint(v.length);
    this.room(v.length);
    this.buf.set(v, this.at);
    this.at += v.length;
  }
}

/** Reads a message's header; raises WireError for bytes that are not a moonforge node's message. */
export function decode(data: Uint8Array): Decoded {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 3) throw new WireError('short message');
  const kind = b[0]! as Kind;
  if (kind < Kind.Frames || kind > Kind.Reset) throw new WireError(`unknown message kind ${kind}`);
  const nodeLen = b[1]!;
  if (2 + nodeLen + 1 > b.length) throw new WireError('truncated header');
  const node = b.toString('latin1', 2, 2 + nodeLen);
  const incLen = b[2 + nodeLen]!;
  const at = 3 + nodeLen + incLen;
  if (at > b.length) throw new WireError('truncated header');
  const incarnation = b.toString('latin1', 3 + nodeLen, at);
  if (kind !== Kind.Frames && at !== b.length) throw new WireError('trailing bytes');
  return { kind, node, incarnation, body: b.subarray(at) };
}

/**
 * Hands each frame of a batch's body to `each`, in order. Raises WireError (or the codec's CodecError) at the first
 * frame that cannot be read: the frames before it were handed over, the rest of the batch is lost.
 */
export function readFrames(body: Buffer, each: (f: Frame) => void): void {
  const strings: string[] = [];
  let at = 0;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      if (at >= body.length || shift > 28) throw new WireError('bad varint');
      const byte = body[at++]!;
      n |= (byte & 0x7f) << shift;
      if (byte < 0x80) return n >>> 0;
      shift += 7;
    }
  };
  const bytes = (): Buffer => {
    const len = varint();
    if (at + len > body.length) throw new WireError('truncated frame');
    at += len;
    return body.subarray(at - len, at);
  };
  const str = (): string => {
    const h = varint();
    if ((h & 1) === 1) {
      const s = strings[h >>> 1];
      if (s === undefined) throw new WireError('unknown string');
      return s;
    }
    const len = h >>> 1;
    if (at + len > body.length) throw new WireError('truncated string');
    const s = body.toString('latin1', at, at + len);
    at += len;
    strings.push(s);
    return s;
  };
  while (at < body.length) {
    const tag = body[at++];
    if (tag === F_SEND) {
      const from = str();
      const to = str();
      const topic = str();
      each({ t: 'send', from, to, topic, payloadBytes: bytes() });
    } else if (tag === F_FRAME) {
      each(decodeFrame(bytes()));
    } else {
      throw new WireError(`unknown frame tag ${tag}`);
    }
  }
}

