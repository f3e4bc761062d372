// A reading of markdown into the blocks the markdown splitter walks (markdown-splitter.ts): headings (ATX and
// setext), paragraphs, fenced and indented code, thematic breaks, block quotes, bullet and ordered lists (nested by
// indentation), GFM tables, and link reference definitions (taken out of the text, as CommonMark takes them). A
// line-based subset of CommonMark, enough for the documents splitters are given; inline markup is left as written.
import { BUDGET } from '../../core/preempt.js';

export type Block =
  | { k: 'heading'; level: number; text: string }
  | { k: 'paragraph'; text: string }
  | { k: 'fence'; params: string; content: string }
  | { k: 'code'; content: string }
  | { k: 'hr' }
  | { k: 'quote'; blocks: Block[] }
  | { k: 'list'; ordered: boolean; items: Block[][] }
  | { k: 'table'; header: string[]; rows: string[][] };

export interface LinkDefinition {
  href: string;
  title: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const SETEXT1 = /^ {0,3}=+[ \t]*$/;
const SETEXT2 = /^ {0,3}-+[ \t]*$/;
const INDENTED = /^( {4}|\t)/;
const DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?[ \t]*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const blank = (l: string): boolean => l.trim() === '';

/** Cells of a table row (`| a | b |`), trimmed; `\|` is a literal bar. */
function cells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Does `line` start a block that interrupts a paragraph? */
function interrupts(line: string): boolean {
  return ATX.test(line) || FENCE.test(line) || HR.test(line) || QUOTE.test(line) || /^ {0,3}([-+*]|1[.)])[ \t]+\S/.test(line);
}

export function parseBlocks(lines: string[], defs: Map<string, LinkDefinition>): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (--BUDGET.p < 0) BUDGET.out();
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence !== null && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const indent = fence[1]!.length;
      const mark = fence[2]!;
      const close = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}[ \\t]*$`);
      let content = '';
      for (i++; i < lines.length && !close.test(lines[i]!); i++) content += `${lines[i]!.replace(new RegExp(`^ {0,${indent}}`), '')}\n`;
      i++;
      out.push({ k: 'fence', params: fence[3]!.trim(), content });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx !== null) {
      out.push({ k: 'heading', level: atx[1]!.length, text: (atx[2] ?? '').trim() });
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push({ k: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(lines[i++]!.replace(QUOTE, ''));
      out.push({ k: 'quote', blocks: parseBlocks(inner, defs) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item !== null) {
      i = list(lines, i, out, defs);
      continue;
    }
    if (INDENTED.test(line)) {
      const code: string[] = [];
      while (i < lines.length && (INDENTED.test(lines[i]!) || blank(lines[i]!))) code.push(lines[i++]!.replace(INDENTED, ''));
      while (code.length > 0 && blank(code[code.length - 1]!)) code.pop();
      out.push({ k: 'code', content: `${code.join('\n')}\n` });
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DELIMITER.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const header = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && !blank(lines[i]!) && !interrupts(lines[i]!); i++) {
        const row = cells(lines[i]!);
        // a row has the header's number of cells: missing ones are empty, extra ones dropped
        rows.push(header.map((_, c) => row[c] ?? ''));
      }
      out.push({ k: 'table', header, rows });
      continue;
    }
    const def = DEFINITION.exec(line);
    if (def !== null) {
      const label = def[1]!.trim().toLowerCase();
      if (!defs.has(label)) defs.set(label, { href: def[2]!, title: def[3] ?? def[4] ?? def[5] ?? '' });
      i++;
      continue;
    }
    // a paragraph: up to a blank line or a block that interrupts it; a setext underline makes it a heading
    const para: string[] = [line.trim()];
    for (i++; i < lines.length; i++) {
      const l = lines[i]!;
      if (SETEXT1.test(l) || SETEXT2.test(l)) break;
      if (blank(l) || interrupts(l)) break;
      para.push(l.trim());
    }
    const under = lines[i];
    if (under !== undefined && (SETEXT1.test(under) || SETEXT2.test(under))) {
      out.push({ k: 'heading', level: SETEXT1.test(under) ? 1 : 2, text: para.join('\n') });
      i++;
    } else out.push({ k: 'paragraph', text: para.join('\n') });
  }
  return out;
}

/** A list from lines[i]: items of the same kind, each item's lines dedented and read as blocks. */
function list(lines: string[], start: number, out: Block[], defs: Map<string, LinkDefinition>): number {
  const first = ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]!);
    if (m === null || /\d/.test(m[2]!) !== ordered) break;
    // continuation lines are indented to the item's content
    const width = m[1]!.length + m[2]!.length + Math.max(1, Math.min(m[3]!.length, 4));
    const body: string[] = [m[4]!];
    for (i++; i < lines.length; i++) {
      // each nesting level reads the lines below it again (deep lists are quadratic): a step of the backstop
      if (--BUDGET.p < 0) BUDGET.out();
      const l = lines[i]!;
      if (blank(l)) {
        // a blank line continues the item only when an indented line follows
        const next = lines[i + 1];
        if (next !== undefined && !blank(next) && /^\s*/.exec(next)![0].length >= width) {
          body.push('');
          continue;
        }
        break;
      }
      const indent = /^\s*/.exec(l)![0].length;
      if (indent >= width) body.push(l.slice(width));
      else if (ITEM.test(l) || interrupts(l)) break;
      // a lazy continuation of the item's paragraph
      else body.push(l.trim());
    }
    items.push(parseBlocks(body, defs));
    while (i < lines.length && blank(lines[i]!)) {
      const next = lines[i + 1];
      if (next === undefined || !ITEM.test(next)) break;
      i++;
    }
  }
  out.push({ k: 'list', ordered, items });
  return i;
}
