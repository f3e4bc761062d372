// What cluster nodes publish to each other over NATS: one message = one kind byte, the sender's node name and
// incarnation, then the kind's body. Frames travel in batches (several frames per NATS message: the per-message cost
// of NATS and of the subscriber's callback is paid once per flush, not once per frame; runtime/distrib/batch.ts).
import { Buffer } from 'node:buffer';
import { FrameBatch } from '../distrib/batch.js';

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

/** An empty batch of frames for a peer, carrying this node's Frames header (runtime/distrib/batch.ts). */
export function frameBatch(node: string, incarnation: string, size?: number): FrameBatch {
  return new FrameBatch(headerBytes(Kind.Frames, node, incarnation), size);
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
