// Exact positions for policy problems: the app loader records where each top-level field of an entry was written;
// a problem inside `policy:` (a condition's operator, say) is located by re-reading the definition file's YAML
// and walking from the entry's node down the field path.
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { PolicyPos } from './registry.js';

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
}

const cache = new Map<string, ParsedFile | undefined>();

function parsed(path: string): ParsedFile | undefined {
  if (cache.has(path)) return cache.get(path);
  let out: ParsedFile | undefined;
  try {
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines });
    out = doc.errors.length === 0 ? { doc, lines } : undefined;
  } catch {
    out = undefined;
  }
  cache.set(path, out);
  return out;
}

/** Finds the mapping that starts at line:column (the entry), depth first. */
function findMapAt(node: unknown, f: ParsedFile, line: number, column: number): Node | undefined {
  if (isMap(node)) {
    const r = node.range;
    if (r !== undefined && r !== null) {
      const p = f.lines.linePos(r[0]);
      if (p.line === line && p.col === column) return node;
    }
    for (const it of node.items) {
      const hit = findMapAt(it.value, f, line, column);
      if (hit !== undefined) return hit;
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      const hit = findMapAt(it, f, line, column);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/**
 * The position of `field` ("policy.conditions[1].operator") inside the entry written at `entryPos` of the
 * definition file `path`; the deepest node found on the way, or undefined when the file cannot be read.
 */
export function fieldPosition(path: string, entryPos: PolicyPos, field: string): PolicyPos | undefined {
  const f = parsed(path);
  if (f === undefined) return undefined;
  let node = findMapAt(f.doc.contents, f, entryPos.line, entryPos.column);
  if (node === undefined) return undefined;
  // an entry may wrap its fields in `data:`
  if (isMap(node) && node.has('data') && !node.has('policy')) {
    const d = node.get('data', true);
    if (isMap(d)) node = d;
  }
  let best: Node = node;
  for (const part of field.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter((x) => x !== ''))) {
    let next: unknown;
    if (isMap(best)) next = best.get(part, true);
    else if (isSeq(best) && /^\d+$/.test(part)) next = best.get(Number(part), true);
    if (next === undefined || next === null || typeof next !== 'object') break;
    best = next as Node;
  }
  const r = best.range;
  if (r === undefined || r === null) return undefined;
  const p = f.lines.linePos(r[0]);
  return { file: entryPos.file, line: p.line, column: p.col };
}
