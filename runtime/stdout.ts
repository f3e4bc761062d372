// Buffered byte output for print: Lua strings are bytes (latin1 chars), written as raw bytes; flushed when large and
// when the program ends, so a print-heavy program does not pay one write(2) per line.
import { writeSync } from 'node:fs';

export class ByteWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly fd: number,
    private readonly limit = 1 << 16,
  ) {}

  write = (s: string): void => {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.limit) this.flush();
  };

  flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'latin1');
    this.parts = [];
    this.size = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(this.fd, buf, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
    }
  }
}
