// Frames in batches: what a transport sends a peer in one go (one NATS message, one transferred buffer on a worker
// port), so the per-message cost of the carrier is paid once per flush, not once per frame. After the carrier's own
// header, each frame is a tag byte and its fields. A `send` (nearly all the traffic) is written field by field: its
// pids and topic as strings, each string of a batch written once and then named by its number (a stream of messages
// between two processes repeats the same three), and its payload's bytes; any other frame is its encodeFrame bytes.
import { Buffer } from 'node:buffer';
import { ByteReader, ByteWriter, CodecError } from './bytes.js';
import { decodeFrame, encodeFrame } from './codec.js';
import type { Frame } from './peer.js';

const F_FRAME = 0;
const F_SEND = 1;

/**
 * The batch of frames for one peer, encoded as they are handed over (no frame object is kept until the flush), into
 * one buffer that starts with the carrier's `header`.
 */
export class FrameBatch {
  private readonly w: ByteWriter;
  private readonly strings = new Map<string, number>();
  /** frames in this batch */
  count = 0;

  constructor(header: Uint8Array, size = 256) {
    this.w = new ByteWriter(Buffer.allocUnsafe(Math.max(size, 64 + header.length)));
    this.w.buf.set(header, 0);
    this.w.at = header.length;
  }

  /** encoded bytes so far */
  get size(): number {
    return this.w.at;
  }

  add(f: Frame): void {
    const w = this.w;
    // a send with a trace context goes whole (encodeFrame keeps every field); the short form has none for it
    if (f.t === 'send' && f.trace === undefined) {
      w.byte(F_SEND);
      this.str(f.from);
      this.str(f.to);
      this.str(f.topic);
      w.bytes(f.payloadBytes);
    } else {
      w.byte(F_FRAME);
      w.bytes(encodeFrame(f));
    }
    this.count++;
  }

  /** The bytes of this batch, header included: a view into the batch's buffer; the batch is not used after it. */
  finish(): Uint8Array {
    return this.w.buf.subarray(0, this.w.at);
  }

  private str(s: string): void {
    const known = this.strings.get(s);
    if (known !== undefined) {
      this.w.varint(known * 2 + 1);
      return;
    }
    this.strings.set(s, this.strings.size);
    this.w.varint(s.length * 2);
    this.w.latin1(s);
  }
}

/**
 * Hands each frame of a batch's `body` (its bytes after the carrier's header) to `each`, in order. Raises CodecError
 * at the first frame that cannot be read: the frames before it were handed over, the rest of the batch is lost.
 */
export function readFrames(body: Buffer, each: (f: Frame) => void): void {
  const r = new ByteReader(body);
  const strings: string[] = [];
  const str = (): string => {
    const h = r.varint();
    if (h % 2 === 1) {
      const s = strings[(h - 1) / 2];
      if (s === undefined) throw new CodecError('unknown string');
      return s;
    }
    const s = r.latin1(h / 2);
    strings.push(s);
    return s;
  };
  while (!r.done) {
    const tag = r.byte();
    if (tag === F_SEND) {
      const from = str();
      const to = str();
      const topic = str();
      each({ t: 'send', from, to, topic, payloadBytes: r.bytes() });
    } else if (tag === F_FRAME) {
      each(decodeFrame(r.bytes()));
    } else {
      throw new CodecError(`unknown frame tag ${tag}`);
    }
  }
}
