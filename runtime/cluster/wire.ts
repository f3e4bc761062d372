// What cluster nodes publish to each other over NATS: one message = one kind byte, the sender's node name and
// incarnation, then the kind's body. Frames travel in batches (several frames per NATS message: the per-message cost
// of NATS and of the subscriber's callback is paid once per flush, not once per frame).
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

/** The header and, for Frames, the frames' bytes (decoded one by one by the receiver, so one bad frame is one loss). */
export interface Decoded extends Header {
  frames: Uint8Array[];
}

export class WireError extends Error {}

function headerBytes(kind: Kind, node: string, incarnation: string): Buffer {
  // node names and incarnations are ASCII (options.ts checks names; incarnations are base-36 digits)
  const b = Buffer.allocUnsafe(3 + node.length + incarnation.length);
  b[0] = kind;
  b[1] = node.length;
  b.write(node, 2, 'latin1');
  b[2 + node.length] = incarnation.length;
  b.write(incarnation, 3 + node.length, 'latin1');
  return b;
}

/** A message without a body (Heartbeat, Hello, Bye, Reset). */
export function encodeControl(kind: Kind, node: string, incarnation: string): Uint8Array {
  return headerBytes(kind, node, incarnation);
}

/** One message carrying `frames` in order: each as a varint length and its encodeFrame bytes. */
export function encodeFrames(node: string, incarnation: string, frames: readonly Frame[]): Uint8Array {
  const head = headerBytes(Kind.Frames, node, incarnation);
  const parts: Uint8Array[] = [head];
  let size = head.length;
  for (const f of frames) {
    const bytes = encodeFrame(f);
    const len = varintBytes(bytes.length);
    parts.push(len, bytes);
    size += len.length + bytes.length;
  }
  return Buffer.concat(parts, size);
}

function varintBytes(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Uint8Array.from(out);
}

/** Reads a message; raises WireError for bytes that are not one (a foreign publisher on the cluster's subjects). */
export function decode(data: Uint8Array): Decoded {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length < 3) throw new WireError('short message');
  const kind = b[0]! as Kind;
  if (kind < Kind.Frames || kind > Kind.Reset) throw new WireError(`unknown message kind ${kind}`);
  const nodeLen = b[1]!;
  if (2 + nodeLen + 1 > b.length) throw new WireError('truncated header');
  const node = b.toString('latin1', 2, 2 + nodeLen);
  const incLen = b[2 + nodeLen]!;
  let at = 3 + nodeLen + incLen;
  if (at > b.length) throw new WireError('truncated header');
  const incarnation = b.toString('latin1', 3 + nodeLen, at);
  const frames: Uint8Array[] = [];
  if (kind === Kind.Frames) {
    while (at < b.length) {
      let len = 0;
      let shift = 0;
      for (;;) {
        if (at >= b.length || shift > 28) throw new WireError('bad frame length');
        const byte = b[at++]!;
        len |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
        shift += 7;
      }
      if (at + len > b.length) throw new WireError('truncated frame');
      frames.push(b.subarray(at, at + len));
      at += len;
    }
  } else if (at !== b.length) {
    throw new WireError('trailing bytes');
  }
  return { kind, node, incarnation, frames };
}

export { decodeFrame };
