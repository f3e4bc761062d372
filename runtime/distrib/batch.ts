// Frames in batches: what a transport sends a peer in one go (one NATS message, one transferred buffer on a worker
// port), so the per-message cost of the carrier is paid once per flush, not once per frame. After the carrier's own
// header, each frame is a tag byte and its fields. A `send` (nearly all the traffic) is written field by field: its
// pids and topic as strings, each string written once and then named by its number (a stream of messages between two
// processes repeats the same three), and its payload's bytes; any other frame is its encodeFrame bytes.
// The numbers of strings are a batch's own, unless both ends keep a StringTable for their connection: a carrier that
// delivers every batch, in order (a worker port), names a string sent in an earlier batch by its number too, so one
// message at a time (a ping-pong) decodes no pid and the receiver looks up the same string object each time (its hash
// computed once). Such a table is bounded: when full it starts over, which the writer says with a reset tag.
import { Buffer } from 'node:buffer';
import { ByteReader, ByteWriter, CodecError } from './bytes.js';
import { decodeFrame, encodeFrame } from './codec.js';
import type { Frame } from './peer.js';

const F_FRAME = 0;
const F_SEND = 1;
/** the connection's string table starts over (only in batches written with a StringTable) */
const F_RESET = 2;

/** How many strings a connection's table holds before it starts over. */
const TABLE_MAX = 4096;
/** A reused batch whose buffer a burst grew past this goes back to its first size (see reset). */
const KEEP_MAX = 1 << 16;

/**
 * The strings one end of a connection has numbered: the writer's by string, the reader's by number. One per peer and
 * direction, used for every batch between them, in order.
 */
export class StringTable {
  readonly sent = new Map<string, number>();
  readonly received: string[] = [];
}

/**
 * The batch of frames for one peer, encoded as they are handed over (no frame object is kept until the flush), into
 * one buffer that starts with the carrier's `header`.
 */
export class FrameBatch {
  private readonly w: ByteWriter;
  private readonly strings: Map<string, number>;
  /** frames in this batch */
  count = 0;

  /** `table`: the connection's, kept across batches (see StringTable); absent, the batch numbers its own strings */
  constructor(
    private readonly header: Uint8Array,
    private readonly size0 = 256,
    private readonly table?: StringTable,
  ) {
    this.w = new ByteWriter(this.fresh());
    this.w.at = header.length;
    this.strings = table?.sent ?? new Map<string, number>();
  }

  private fresh(): Buffer {
    const buf = Buffer.allocUnsafe(Math.max(this.size0, 64 + this.header.length));
    buf.set(this.header, 0);
    return buf;
  }

  /**
   * Empties the batch for reuse, after its bytes were copied out (finish's view is overwritten): a transport with a
   * batch per peer keeps its buffer instead of allocating one per flush (unless a burst grew it past KEEP_MAX). A
   * batch numbering its own strings forgets them.
   */
  reset(): void {
    if (this.w.buf.length > KEEP_MAX) this.w.buf = this.fresh();
    this.w.at = this.header.length;
    this.count = 0;
    if (this.table === undefined) this.strings.clear();
  }

  /** encoded bytes so far */
  get size(): number {
    return this.w.at;
  }

  add(f: Frame): void {
    const w = this.w;
    // a send with a trace context goes whole (encodeFrame keeps every field); the short form has none for it
    if (f.t === 'send' && f.trace === undefined) {
      // a connection's table with no room for this send's three strings starts over, between two frames
      if (this.table !== undefined && this.strings.size > TABLE_MAX - 3) {
        w.byte(F_RESET);
        this.strings.clear();
      }
      w.byte(F_SEND);
      this.str(f.from);
      this.str(f.to);
      this.str(f.topic);
      w.bytes(f.payloadBytes);
    } else {
      // encoded first: a frame that cannot be encoded leaves the batch as it was
      const bytes = encodeFrame(f);
      w.byte(F_FRAME);
      w.bytes(bytes);
    }
    this.count++;
  }

  /** The bytes of this batch, header included: a view into the batch's buffer, valid until the batch is used again. */
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
 * `table`: the connection's, when the writer kept one (see StringTable).
 */
export function readFrames(body: Buffer, each: (f: Frame) => void, table?: StringTable): void {
  const r = new ByteReader(body);
  const strings: string[] = table?.received ?? [];
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
    } else if (tag === F_RESET && table !== undefined) {
      strings.length = 0;
    } else {
      throw new CodecError(`unknown frame tag ${tag}`);
    }
  }
}
