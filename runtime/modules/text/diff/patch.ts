// Patches of diff-match-patch: made from two texts (a line-mode diff cleaned up semantically and for efficiency, each
// hunk with context), written as the unidiff-like text ("@@ -1,8 +1,7 @@" then lines of ' ', '-', '+' and URL-encoded
// text) that Wippy hands Lua, read back from it, and applied to a text whose context may have moved (fuzzy matching).
import { cleanupEfficiency, cleanupSemantic, cleanupSemanticLossless, diffMain, levenshtein, text1Of, text2Of, xIndex, DELETE, EQUAL, INSERT, type Diff, type DiffSettings } from './diff.js';
import { matchMain, MATCH_MAX_BITS, type MatchSettings } from './match.js';

export interface PatchSettings extends DiffSettings, MatchSettings {
  /** how different a patch's deleted text may be from what is found before the patch is refused (0 to 1) */
  patchDeleteThreshold: number;
  /** the characters of context around each hunk */
  patchMargin: number;
}

export interface Patch {
  diffs: Diff[];
  start1: number;
  start2: number;
  length1: number;
  length2: number;
}

const newPatch = (): Patch => ({ diffs: [], start1: 0, start2: 0, length1: 0, length2: 0 });
const copyPatch = (p: Patch): Patch => ({ ...p, diffs: p.diffs.map((d) => [d[0], d[1]] as Diff) });

/** Widens a patch's context until it is unique in `text` (bounded by what Bitap can match), plus the margin. */
function addContext(p: Patch, text: string, s: PatchSettings): void {
  if (text === '') return;
  let pattern = text.slice(p.start2, p.start2 + p.length1);
  let padding = 0;
  while (text.indexOf(pattern) !== text.lastIndexOf(pattern) && pattern.length < MATCH_MAX_BITS - s.patchMargin - s.patchMargin) {
    padding += s.patchMargin;
    pattern = text.slice(Math.max(0, p.start2 - padding), p.start2 + p.length1 + padding);
  }
  padding += s.patchMargin;
  const prefix = text.slice(Math.max(0, p.start2 - padding), p.start2);
  if (prefix !== '') p.diffs.unshift([EQUAL, prefix]);
  const suffix = text.slice(p.start2 + p.length1, p.start2 + p.length1 + padding);
  if (suffix !== '') p.diffs.push([EQUAL, suffix]);
  p.start1 -= prefix.length;
  p.start2 -= prefix.length;
  p.length1 += prefix.length + suffix.length;
  p.length2 += prefix.length + suffix.length;
}

export function patchMake(text1: string, text2: string, s: PatchSettings): Patch[] {
  const diffs = diffMain(text1, text2, true, s);
  if (diffs.length > 2) {
    cleanupSemantic(diffs);
    cleanupEfficiency(diffs, s.diffEditCost);
  }
  const patches: Patch[] = [];
  if (diffs.length === 0) return patches;
  let p = newPatch();
  let count1 = 0;
  let count2 = 0;
  // text1 with the patches so far applied, to take context from
  let prepatch = text1;
  let postpatch = text1;
  for (let i = 0; i < diffs.length; i++) {
    const [op, t] = diffs[i]!;
    if (p.diffs.length === 0 && op !== EQUAL) {
      p.start1 = count1;
      p.start2 = count2;
    }
    if (op === INSERT) {
      p.diffs.push([op, t]);
      p.length2 += t.length;
      postpatch = postpatch.slice(0, count2) + t + postpatch.slice(count2);
    } else if (op === DELETE) {
      p.length1 += t.length;
      p.diffs.push([op, t]);
      postpatch = postpatch.slice(0, count2) + postpatch.slice(count2 + t.length);
    } else if (t.length <= 2 * s.patchMargin && p.diffs.length !== 0 && i !== diffs.length - 1) {
      // a small equality inside a patch stays in it
      p.diffs.push([op, t]);
      p.length1 += t.length;
      p.length2 += t.length;
    } else if (t.length >= 2 * s.patchMargin && p.diffs.length !== 0) {
      // a large equality ends the patch
      addContext(p, prepatch, s);
      patches.push(p);
      p = newPatch();
      prepatch = postpatch;
      count1 = count2;
    }
    if (op !== INSERT) count1 += t.length;
    if (op !== DELETE) count2 += t.length;
  }
  if (p.diffs.length !== 0) {
    addContext(p, prepatch, s);
    patches.push(p);
  }
  return patches;
}

/** Pads the text's ends with control characters so patches at the edges have context to match against. */
function addPadding(patches: Patch[], margin: number): string {
  let pad = '';
  for (let x = 1; x <= margin; x++) pad += String.fromCharCode(x);
  for (const p of patches) {
    p.start1 += margin;
    p.start2 += margin;
  }
  const first = patches[0]!;
  const fd = first.diffs;
  if (fd.length === 0 || fd[0]![0] !== EQUAL) {
    fd.unshift([EQUAL, pad]);
    first.start1 -= margin;
    first.start2 -= margin;
    first.length1 += margin;
    first.length2 += margin;
  } else if (margin > fd[0]![1].length) {
    const extra = margin - fd[0]![1].length;
    fd[0]![1] = pad.slice(fd[0]![1].length) + fd[0]![1];
    first.start1 -= extra;
    first.start2 -= extra;
    first.length1 += extra;
    first.length2 += extra;
  }
  const last = patches[patches.length - 1]!;
  const ld = last.diffs;
  if (ld.length === 0 || ld[ld.length - 1]![0] !== EQUAL) {
    ld.push([EQUAL, pad]);
    last.length1 += margin;
    last.length2 += margin;
  } else if (margin > ld[ld.length - 1]![1].length) {
    const extra = margin - ld[ld.length - 1]![1].length;
    ld[ld.length - 1]![1] += pad.slice(0, extra);
    last.length1 += extra;
    last.length2 += extra;
  }
  return pad;
}

/** Breaks patches longer than Bitap can match into smaller ones. */
function splitMax(patches: Patch[], s: PatchSettings): void {
  const size = MATCH_MAX_BITS;
  for (let x = 0; x < patches.length; x++) {
    if (patches[x]!.length1 <= size) continue;
    const big = patches[x]!;
    patches.splice(x--, 1);
    let start1 = big.start1;
    let start2 = big.start2;
    let precontext = '';
    while (big.diffs.length !== 0) {
      const p = newPatch();
      let empty = true;
      p.start1 = start1 - precontext.length;
      p.start2 = start2 - precontext.length;
      if (precontext !== '') {
        p.length1 = p.length2 = precontext.length;
        p.diffs.push([EQUAL, precontext]);
      }
      while (big.diffs.length !== 0 && p.length1 < size - s.patchMargin) {
        const op = big.diffs[0]![0];
        let t = big.diffs[0]![1];
        if (op === INSERT) {
          p.length2 += t.length;
          start2 += t.length;
          p.diffs.push(big.diffs.shift()!);
          empty = false;
        } else if (op === DELETE && p.diffs.length === 1 && p.diffs[0]![0] === EQUAL && t.length > 2 * size) {
          p.length1 += t.length;
          start1 += t.length;
          empty = false;
          p.diffs.push([op, t]);
          big.diffs.shift();
        } else {
          t = t.slice(0, size - p.length1 - s.patchMargin);
          p.length1 += t.length;
          start1 += t.length;
          if (op === EQUAL) {
            p.length2 += t.length;
            start2 += t.length;
          } else empty = false;
          p.diffs.push([op, t]);
          if (t === big.diffs[0]![1]) big.diffs.shift();
          else big.diffs[0]![1] = big.diffs[0]![1].slice(t.length);
        }
      }
      precontext = text2Of(p.diffs);
      precontext = precontext.slice(Math.max(0, precontext.length - s.patchMargin));
      const postcontext = text1Of(big.diffs).slice(0, s.patchMargin);
      if (postcontext !== '') {
        p.length1 += postcontext.length;
        p.length2 += postcontext.length;
        const last = p.diffs[p.diffs.length - 1];
        if (last !== undefined && last[0] === EQUAL) last[1] += postcontext;
        else p.diffs.push([EQUAL, postcontext]);
      }
      if (!empty) patches.splice(++x, 0, p);
    }
  }
}

/** Applies `patches` to `text`: the new text and, for each patch, whether it applied. */
export function patchApply(patchesIn: Patch[], text: string, s: PatchSettings): [string, boolean[]] {
  if (patchesIn.length === 0) return [text, []];
  const patches = patchesIn.map(copyPatch);
  const pad = addPadding(patches, s.patchMargin);
  text = pad + text + pad;
  splitMax(patches, s);
  // the drift between where patches expected to be and where they were found
  let delta = 0;
  const results: boolean[] = [];
  for (const p of patches) {
    const expected = p.start2 + delta;
    const t1 = text1Of(p.diffs);
    let start: number;
    let end = -1;
    if (t1.length > MATCH_MAX_BITS) {
      // too long for Bitap: match its two ends
      start = matchMain(text, t1.slice(0, MATCH_MAX_BITS), expected, s);
      if (start !== -1) {
        end = matchMain(text, t1.slice(t1.length - MATCH_MAX_BITS), expected + t1.length - MATCH_MAX_BITS, s);
        if (end === -1 || start >= end) start = -1;
      }
    } else start = matchMain(text, t1, expected, s);
    if (start === -1) {
      results.push(false);
      delta -= p.length2 - p.length1;
      continue;
    }
    results.push(true);
    delta = start - expected;
    const t2 = end === -1 ? text.slice(start, start + t1.length) : text.slice(start, end + MATCH_MAX_BITS);
    if (t1 === t2) {
      text = text.slice(0, start) + text2Of(p.diffs) + text.slice(start + t1.length);
      continue;
    }
    // imperfect match: apply the edits where a diff of the expected and the found text puts them
    const diffs = diffMain(t1, t2, false, s);
    if (t1.length > MATCH_MAX_BITS && levenshtein(diffs) / t1.length > s.patchDeleteThreshold) {
      results[results.length - 1] = false;
      continue;
    }
    cleanupSemanticLossless(diffs);
    let index1 = 0;
    let index2 = 0;
    for (const [op, t] of p.diffs) {
      if (op !== EQUAL) index2 = xIndex(diffs, index1);
      if (op === INSERT) text = text.slice(0, start + index2) + t + text.slice(start + index2);
      else if (op === DELETE) text = text.slice(0, start + index2) + text.slice(start + xIndex(diffs, index1 + t.length));
      if (op !== DELETE) index1 += t.length;
    }
  }
  return [text.slice(pad.length, text.length - pad.length), results];
}

// ---- the text form ----

// Go's url.QueryEscape, then the characters diff-match-patch leaves readable
const UNESCAPED: Record<string, string> = { '%21': '!', '%7E': '~', '%27': "'", '%28': '(', '%29': ')', '%3B': ';', '%2F': '/', '%3F': '?', '%3A': ':', '%40': '@', '%26': '&', '%3D': '=', '%2B': '+', '%24': '$', '%2C': ',', '%23': '#', '%2A': '*' };

function encode(text: string): string {
  // the text is UTF-16; its UTF-8 bytes are escaped
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, ' ')
    .replace(/%[0-9A-F]{2}/g, (e) => UNESCAPED[e] ?? e);
}

function coords(start: number, length: number): string {
  if (length === 0) return `${start},0`;
  if (length === 1) return `${start + 1}`;
  return `${start + 1},${length}`;
}

export function patchToText(p: Patch): string {
  let out = `@@ -${coords(p.start1, p.length1)} +${coords(p.start2, p.length2)} @@\n`;
  for (const [op, t] of p.diffs) out += `${op === INSERT ? '+' : op === DELETE ? '-' : ' '}${encode(t)}\n`;
  return out;
}

const HEADER = /^@@ -(\d+),?(\d*) \+(\d+),?(\d*) @@$/;

/** Patches from their text form; throws on a malformed one. */
export function patchesFromText(text: string): Patch[] {
  const patches: Patch[] = [];
  if (text === '') return patches;
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const m = HEADER.exec(lines[i]!);
    if (m === null) throw new Error(`Invalid patch string: ${lines[i]}`);
    const p = newPatch();
    p.start1 = Number(m[1]);
    if (m[2] === '') {
      p.start1--;
      p.length1 = 1;
    } else if (m[2] === '0') p.length1 = 0;
    else {
      p.start1--;
      p.length1 = Number(m[2]);
    }
    p.start2 = Number(m[3]);
    if (m[4] === '') {
      p.start2--;
      p.length2 = 1;
    } else if (m[4] === '0') p.length2 = 0;
    else {
      p.start2--;
      p.length2 = Number(m[4]);
    }
    i++;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const sign = line[0];
      if (sign === '@') break;
      let t: string;
      try {
        t = decodeURIComponent(line.slice(1).replace(/\+/g, '%2B'));
      } catch {
        throw new Error(`Illegal escape in patch: ${line.slice(1)}`);
      }
      if (sign === '-') p.diffs.push([DELETE, t]);
      else if (sign === '+') p.diffs.push([INSERT, t]);
      else if (sign === ' ') p.diffs.push([EQUAL, t]);
      else throw new Error(`Invalid patch mode '${sign}' in: ${t}`);
    }
    patches.push(p);
  }
  return patches;
}
