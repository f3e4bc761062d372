// The markdown splitter of text.splitter.markdown, after langchaingo's MarkdownTextSplitter (what Wippy runs), over
// our own reading of the markdown (markdown-blocks.ts) instead of a CommonMark token stream:
// - each block becomes a snippet of markdown (a paragraph's text, `- item` / `1. item` lines, `> ` quoted lines,
//   a table's rows under its header, `\n---` for a break, code only with code_blocks), and snippets are joined with
//   newlines into the current chunk while it stays under chunk_size characters;
// - a heading closes the current chunk; its `## title` (with heading_hierarchy, the titles it is under, one per line)
//   starts every chunk that follows it, and stands as a chunk of its own when nothing follows;
// - each list item closes a chunk inside the list, and a table row does unless join_table_rows; a table row that
//   starts a chunk carries the table's header;
// - a chunk longer than chunk_size + chunk_overlap is split again by the recursive splitter on "\n\n", "\n", " ".
// reference_links writes `[text][ref]` links inline, as `[text](href "title")`.
import { runeLength, splitRecursive } from './recursive-splitter.js';
import { parseBlocks, type Block, type LinkDefinition } from './markdown-blocks.js';

export interface MarkdownOptions {
  chunkSize: number;
  chunkOverlap: number;
  codeBlocks: boolean;
  referenceLinks: boolean;
  headingHierarchy: boolean;
  joinTableRows: boolean;
}

const SECOND_SEPARATORS = ['\n\n', '\n', ' '];

const indentLines = (value: string, mark: string): string =>
  value
    .split('\n')
    .map((l) => mark + l)
    .join('\n');

const tableRow = (row: string[]): string => row.map((c, i) => `| ${c} ${i === row.length - 1 ? '|' : ''}`).join('');
const tableHeader = (header: string[]): string => `${tableRow(header)}\n${tableRow(header.map(() => '---'))}`;

/** Writes `[text][ref]`, `[text][]` and `[ref]` links inline when their reference is defined. */
function inlineLinks(text: string, defs: Map<string, LinkDefinition>): string {
  const link = (label: string, ref: string, whole: string): string => {
    const d = defs.get(ref.trim().toLowerCase());
    if (d === undefined) return whole;
    return d.title === '' ? `[${label}](${d.href})` : `[${label}](${d.href} "${d.title}")`;
  };
  return text
    .replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (whole, label: string, ref: string) => link(label, ref === '' ? label : ref, whole))
    .replace(/\[([^\]]+)\](?![[(:])/g, (whole, label: string) => link(label, label, whole));
}

interface ListState {
  ordered: boolean;
  bullet: boolean;
  order: number;
  indent: number;
}

class Context {
  chunks: string[] = [];
  snippet = '';
  title = '';
  titleStack: string[] = [];
  titlePrepended = false;
  list: ListState = { ordered: false, bullet: false, order: 0, indent: 0 };

  constructor(
    private readonly o: MarkdownOptions,
    private readonly defs: Map<string, LinkDefinition>,
  ) {}

  /** A context for the blocks inside a quote or a list, starting from this one's state. */
  private clone(): Context {
    const c = new Context(this.o, this.defs);
    c.title = this.title;
    c.titleStack = this.titleStack;
    c.titlePrepended = this.titlePrepended;
    c.list = { ...this.list };
    return c;
  }

  split(blocks: Block[]): string[] {
    for (const b of blocks) this.block(b);
    this.apply();
    return this.chunks;
  }

  private text(t: string): string {
    return this.o.referenceLinks ? inlineLinks(t, this.defs) : t;
  }

  private block(b: Block): void {
    switch (b.k) {
      case 'heading':
        return this.heading(b.level, b.text);
      case 'paragraph':
        return this.join(this.text(b.text));
      case 'quote': {
        const inner = this.clone();
        inner.title = '';
        for (const chunk of inner.split(b.blocks)) this.join(indentLines(chunk, '> '));
        return this.apply();
      }
      case 'list': {
        this.list = { ...this.list, ordered: b.ordered, bullet: !b.ordered, order: b.ordered ? 0 : this.list.order, indent: this.list.indent + 1 };
        const inner = this.clone();
        for (const item of b.items) inner.item(item);
        inner.apply();
        for (const chunk of inner.chunks) this.join(inner.list.indent > 1 ? indentLines(chunk, '  ') : chunk);
        this.list.indent--;
        return;
      }
      case 'fence':
        if (this.o.codeBlocks) this.join(`\n\`\`\`${b.params}\n${b.content}\`\`\`\n`);
        return;
      case 'code':
        if (this.o.codeBlocks) this.join(`\n${indentLines(b.content, '    ')}`);
        return;
      case 'hr':
        return this.join('\n---');
      case 'table':
        return this.table(b.header, b.rows);
    }
  }

  private heading(level: number, text: string): void {
    this.apply();
    this.title = `${'#'.repeat(level)} ${text}`;
    while (this.titleStack.length < level) this.titleStack = [...this.titleStack, ''];
    if (this.o.headingHierarchy) {
      this.titleStack = [...this.titleStack.slice(0, level - 1), this.title];
      this.title = this.titleStack.filter((t) => t !== '').join('\n');
    }
    this.titlePrepended = false;
  }

  /** One list item: its paragraphs as `- text` / `N. text`, nested lists in place; the item closes a chunk. */
  private item(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.k === 'paragraph') {
        let line = this.text(b.text);
        if (this.list.ordered) line = `${++this.list.order}. ${line}`;
        if (this.list.bullet) line = `- ${line}`;
        this.join(line);
        this.title = '';
      } else if (b.k === 'list') this.block(b);
    }
    this.apply();
  }

  private table(header: string[], rows: string[][]): void {
    // a table without header text takes its first row as the header
    if (!header.some((h) => h !== '') && rows.length > 0) {
      header = rows[0]!;
      rows = rows.slice(1);
    }
    const head = tableHeader(header);
    if (rows.length === 0) {
      this.join(head);
      return this.apply();
    }
    for (const row of rows) {
      let line = tableRow(row);
      if (this.snippet === '' || runeLength(this.snippet + line) >= this.o.chunkSize) line = `${head}\n${line}`;
      this.join(line);
      if (!this.o.joinTableRows) this.apply();
    }
  }

  private join(s: string): void {
    if (this.snippet === '') {
      this.snippet = s;
      return;
    }
    if (runeLength(this.snippet + s) >= this.o.chunkSize) {
      this.apply();
      this.snippet = s;
    } else this.snippet = `${this.snippet}\n${s}`;
  }

  /** Closes the current chunk: split again when too long, the title put before each part. */
  private apply(): void {
    const snippet = this.snippet;
    this.snippet = '';
    let parts: string[] = [];
    if (snippet !== '') {
      parts =
        runeLength(snippet) <= this.o.chunkSize + this.o.chunkOverlap
          ? [snippet]
          : splitRecursive(snippet, { chunkSize: this.o.chunkSize, chunkOverlap: this.o.chunkOverlap, separators: SECOND_SEPARATORS, keepSeparator: false });
    }
    if (parts.length === 0 && this.title !== '' && !this.titlePrepended) {
      this.chunks.push(this.title);
      this.titlePrepended = true;
      return;
    }
    for (const part of parts) {
      if (part === '') continue;
      this.titlePrepended = true;
      this.chunks.push(this.title !== '' && !snippet.includes(this.title) ? `${this.title}\n${part}` : part);
    }
  }
}

export function splitMarkdown(text: string, o: MarkdownOptions): string[] {
  const defs = new Map<string, LinkDefinition>();
  const blocks = parseBlocks(text.replace(/\r\n?/g, '\n').split('\n'), defs);
  return new Context(o, defs).split(blocks);
}
