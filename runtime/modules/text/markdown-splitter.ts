// The markdown splitter of text.splitter.markdown. Wippy runs langchaingo's MarkdownTextSplitter; moonforge splits by
// the same structure with its own reading of the markdown (not chunk-for-chunk the same): every heading starts a
// section; a section's blocks (paragraphs, lists, tables, fenced code) are merged into chunks of at most chunk_size
// characters with the recursive splitter's merge (recursive-splitter.ts), a block too long for one chunk is split
// recursively. Options: heading_hierarchy starts each chunk with the headings it is under; code_blocks keeps a
// fenced code block whole (one chunk of its own even past chunk_size); a table is one block, and join_table_rows
// keeps it whole even past chunk_size (else an oversized table is split by rows). reference_links is accepted and changes nothing (link definitions stay text).
import { mergeSplits, runeLength, splitRecursive, DEFAULT_SEPARATORS } from './recursive-splitter.js';

export interface MarkdownOptions {
  chunkSize: number;
  chunkOverlap: number;
  separators: string[];
  codeBlocks: boolean;
  headingHierarchy: boolean;
  joinTableRows: boolean;
}

interface Block {
  text: string;
  kind: 'heading' | 'code' | 'table' | 'text';
  level?: number;
}

interface Section {
  /** the headings this section is under, outermost first, its own last */
  path: string[];
  blocks: Block[];
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

function blocksOf(text: string): Block[] {
  const lines = text.split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  let table: string[] = [];
  const flush = (): void => {
    if (para.length > 0) out.push({ text: para.join('\n'), kind: 'text' });
    if (table.length > 0) out.push({ text: table.join('\n'), kind: 'table' });
    para = [];
    table = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence !== null) {
      flush();
      const code = [line];
      const mark = fence[1]!;
      for (i++; i < lines.length; i++) {
        code.push(lines[i]!);
        if (lines[i]!.trim().startsWith(mark[0]!.repeat(mark.length))) break;
      }
      out.push({ text: code.join('\n'), kind: 'code' });
      continue;
    }
    const h = HEADING.exec(line);
    if (h !== null) {
      flush();
      out.push({ text: line.trim(), kind: 'heading', level: h[1]!.length });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      if (para.length > 0) {
        out.push({ text: para.join('\n'), kind: 'text' });
        para = [];
      }
      table.push(line);
      continue;
    }
    if (table.length > 0) {
      out.push({ text: table.join('\n'), kind: 'table' });
      table = [];
    }
    para.push(line);
  }
  flush();
  return out;
}

function sectionsOf(blocks: Block[]): Section[] {
  const sections: Section[] = [{ path: [], blocks: [] }];
  const stack: Array<{ level: number; text: string }> = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= b.level!) stack.pop();
      stack.push({ level: b.level!, text: b.text });
      sections.push({ path: stack.map((s) => s.text), blocks: [b] });
    } else sections[sections.length - 1]!.blocks.push(b);
  }
  return sections.filter((s) => s.blocks.length > 0);
}

export function splitMarkdown(text: string, o: MarkdownOptions): string[] {
  const out: string[] = [];
  for (const s of sectionsOf(blocksOf(text.replace(/\r\n/g, '\n')))) {
    // with the hierarchy, the section's headings lead every chunk of it instead of being a block of their own
    const prefix = o.headingHierarchy && s.path.length > 0 ? `${s.path.join('\n')}\n` : '';
    const blocks = o.headingHierarchy ? s.blocks.filter((b) => b.kind !== 'heading') : s.blocks;
    const size = Math.max(1, o.chunkSize - runeLength(prefix));
    const pieces: string[] = [];
    const flushPieces = (): void => {
      for (const c of mergeSplits(pieces, '\n\n', size, o.chunkOverlap)) out.push(prefix + c);
      pieces.length = 0;
    };
    for (const b of blocks) {
      if ((b.kind === 'code' && o.codeBlocks) || (b.kind === 'table' && o.joinTableRows && runeLength(b.text) > size)) {
        // a block kept whole past the size is a chunk of its own
        flushPieces();
        out.push(prefix + b.text);
        continue;
      }
      if (runeLength(b.text) <= size) pieces.push(b.text);
      else pieces.push(...splitRecursive(b.text, { chunkSize: size, chunkOverlap: o.chunkOverlap, separators: o.separators.length > 0 ? o.separators : DEFAULT_SEPARATORS, keepSeparator: false }));
    }
    flushPieces();
    if (blocks.length === 0 && prefix !== '') out.push(prefix.trimEnd());
  }
  return out;
}
