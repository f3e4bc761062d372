// The recursive character splitter of langchaingo (github.com/tmc/langchaingo/textsplitter RecursiveCharacter, what
// Wippy's text.splitter.recursive runs): split on the first separator the text contains, merge the pieces back into
// chunks of at most chunk_size characters (Unicode code points) with up to chunk_overlap characters carried over,
// and split a piece that is still too long with the next separators. Works on text (JS strings), not bytes.
import { BUDGET } from '../../core/preempt.js';

export interface RecursiveOptions {
  chunkSize: number;
  chunkOverlap: number;
  separators: string[];
  keepSeparator: boolean;
}

export const DEFAULT_SEPARATORS = ['\n\n', '\n', ' ', ''];

/** Length in code points, as Go's utf8.RuneCountInString. */
export function runeLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function splitRecursive(text: string, o: RecursiveOptions): string[] {
  return splitWith(text, o.separators, o);
}

function splitWith(text: string, separators: string[], o: RecursiveOptions): string[] {
  const out: string[] = [];
  let separator = separators[separators.length - 1] ?? '';
  let rest: string[] = [];
  for (let i = 0; i < separators.length; i++) {
    const c = separators[i]!;
    if (c === '' || text.includes(c)) {
      separator = c;
      rest = separators.slice(i + 1);
      break;
    }
  }
  let splits = separator === '' ? [...text] : text.split(separator);
  if (o.keepSeparator) {
    splits = splits.map((s, i) => (i > 0 ? separator + s : s));
    separator = '';
  }
  let good: string[] = [];
  for (const s of splits) {
    if (runeLength(s) < o.chunkSize) {
      good.push(s);
      continue;
    }
    if (good.length > 0) {
      append(out, mergeSplits(good, separator, o.chunkSize, o.chunkOverlap));
      good = [];
    }
    if (rest.length === 0) out.push(s);
    else append(out, splitWith(s, rest, o));
  }
  if (good.length > 0) append(out, mergeSplits(good, separator, o.chunkSize, o.chunkOverlap));
  return out;
}

/** `out.push(...xs)` without passing xs as arguments: past ~100,000 chunks that overflowed the JS stack. */
function append(out: string[], xs: readonly string[]): void {
  for (const x of xs) out.push(x);
}

/** langchaingo mergeSplits: pieces joined into chunks; when one fills, earlier pieces are dropped down to the overlap. */
export function mergeSplits(splits: string[], separator: string, chunkSize: number, chunkOverlap: number): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  let total = 0;
  const sepLen = runeLength(separator);
  for (const split of splits) {
    const len = runeLength(split);
    const withSplit = total + len + (current.length !== 0 ? sepLen : 0);
    if (withSplit > chunkSize && current.length > 0) {
      // each chunk costs the pieces it joins: with a large overlap of one-character pieces that is the chunk size
      // per piece of the text, a long run that cannot give way (and memory the guard must see), so a backstop step
      if ((BUDGET.p -= current.length) < 0) BUDGET.out();
      const doc = current.join(separator).trim();
      if (doc !== '') docs.push(doc);
      while (shouldPop(chunkOverlap, chunkSize, total, len, sepLen, current.length)) {
        total -= runeLength(current[0]!);
        if (current.length > 1) total -= sepLen;
        current = current.slice(1);
      }
    }
    current.push(split);
    total += len;
    if (current.length > 1) total += sepLen;
  }
  const doc = current.join(separator).trim();
  if (doc !== '') docs.push(doc);
  return docs;
}

function shouldPop(chunkOverlap: number, chunkSize: number, total: number, splitLen: number, separatorLen: number, currentLen: number): boolean {
  const sep = currentLen < 2 ? 0 : separatorLen;
  return currentLen > 0 && (total > chunkOverlap || (total + splitLen + sep > chunkSize && total > 0));
}
