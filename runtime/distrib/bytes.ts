// The byte level of every encoding between nodes: a writer that grows by doubling and a reader that checks every
// length against what is left. The value codec (codec.ts) and the batches of frames (batch.ts) both write through
// these, so a varint, a byte string or a run of raw bytes has one layout everywhere: lengths and counts as LEB128
// varints (up to 2^53), strings as their latin1 bytes (runtime strings are bytes, every char code 0..255, so one byte
// per char and nothing to transcode).
import { Buffer } from 'node:buffer';

/** Raised for bytes that are not what the reader expects (a peer speaking something else, or a cut message). */
export class CodecError extends Error {}

export class ByteWriter {
  at = 0;
  constructor(public buf: Buffer) {}

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
    this.grown(next);
  }

  /** Called with the new buffer after a growth (the codec keeps it for its next encodings). */
  protected grown(_next: Buffer): void {}

  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  varint(n: number): void {
    this.room(10);
    const buf = this.buf;
    while (n >= 0x80) {
      buf[this.at++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    buf[this.at++] = n;
  }

  f64(x: number): void {
    this.room(8);
    this.buf.writeDoubleLE(x, this.at);
    this.at += 8;
  }

  /** A string: its length, then its bytes. */
  str(s: string): void {
    const n = s.length;
    this.room(n + 5);
    const buf = this.buf;
    let at = this.at;
    if (n < 0x80) buf[at++] = n;
    else {
      let m = n;
      while (m >= 0x80) {
        buf[at++] = (m & 0x7f) | 0x80;
        m >>>= 7;
      }
      buf[at++] = m;
    }
    // the bytes as latin1() writes them, inline: most strings of a message are short keys and names
    if (n < 32) for (let i = 0; i < n; i++) buf[at + i] = s.charCodeAt(i);
    else buf.write(s, at, n, 'latin1');
    this.at = at + n;
  }

  /** A string's bytes alone (the caller has written its length, or a header of its own). */
  latin1(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const at = this.at;
    // short strings (keys, names): char by char beats a Buffer call
    if (n < 32) for (let i = 0; i < n; i++) buf[at + i] = s.charCodeAt(i);
    else buf.write(s, at, n, 'latin1');
    this.at = at + n;
  }

  /** Raw bytes with their length first. */
  bytes(b: Uint8Array): void {
    this.varint(b.length);
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }
}

export class ByteReader {
  at = 0;
  constructor(readonly buf: Buffer) {}

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.at >= this.buf.length;
  }

  byte(): number {
    if (this.at >= this.buf.length) throw new CodecError('truncated value');
    return this.buf[this.at++]!;
  }

  varint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = this.byte();
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 128;
      if (mul > 2 ** 56) throw new CodecError('bad varint');
    }
  }

  f64(): number {
    if (this.at + 8 > this.buf.length) throw new CodecError('truncated number');
    const x = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return x;
  }

  /** A string written by ByteWriter.str. */
  str(): string {
    // varint and latin1 inline: most strings of a message are short keys and names, read in a hot loop
    const buf = this.buf;
    let n = buf[this.at]!;
    if (n < 0x80 && this.at < buf.length) this.at++;
    else n = this.varint();
    return this.latin1(n);
  }

  /** The next `n` bytes as a string. */
  latin1(n: number): string {
    const end = this.at + n;
    if (end > this.buf.length) throw new CodecError('truncated string');
    const buf = this.buf;
    let s: string;
    if (n > 24) s = buf.toString('latin1', this.at, end);
    else {
      // short strings (keys, names): char by char beats a Buffer call or an apply on a subarray
      s = '';
      for (let i = this.at; i < end; i++) s += String.fromCharCode(buf[i]!);
    }
    this.at = end;
    return s;
  }

  /** Raw bytes written by ByteWriter.bytes, as a view into the reader's buffer (copy them to keep them). */
  bytes(): Buffer {
    const n = this.varint();
    if (this.at + n > this.buf.length) throw new CodecError('truncated bytes');
    this.at += n;
    return this.buf.subarray(this.at - n, this.at);
  }
}
