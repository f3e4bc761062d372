// The diff of diff-match-patch (Neil Fraser's algorithm, which Wippy runs through github.com/sergi/go-diff): common
// prefix and suffix trimmed, the cheap special cases, the half-match speedup, a line-level first pass for long texts,
// Myers' bisection bounded by a deadline, then the merge, semantic and efficiency cleanups. Our own implementation,
// over JS strings (UTF-16 units).
import { BUDGET } from '../../../core/preempt.js';

export const DELETE = -1;
export const INSERT = 1;
export const EQUAL = 0;
export type Op = -1 | 0 | 1;
export type Diff = [Op, string];

export interface DiffSettings {
  /** seconds a diff may take before it settles for a coarser answer (0 or less: no limit) */
  diffTimeout: number;
  /** the cost of an empty edit, for the efficiency cleanup */
  diffEditCost: number;
}

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The length of the longest suffix of `a` that is a prefix of `b`. */
function commonOverlap(a: string, b: string): number {
  let t1 = a;
  let t2 = b;
  if (t1.length === 0 || t2.length === 0) return 0;
  if (t1.length > t2.length) t1 = t1.slice(t1.length - t2.length);
  else if (t1.length < t2.length) t2 = t2.slice(0, t1.length);
  const n = Math.min(t1.length, t2.length);
  if (t1 === t2) return n;
  let best = 0;
  let len = 1;
  for (;;) {
    const pattern = t1.slice(n - len);
    const found = t2.indexOf(pattern);
    if (found === -1) return best;
    len += found;
    if (found === 0 || t1.slice(n - len) === t2.slice(0, len)) {
      best = len;
      len++;
    }
  }
}

export function diffMain(text1: string, text2: string, checkLines: boolean, s: DiffSettings, deadline?: number): Diff[] {
  const end = deadline ?? (s.diffTimeout > 0 ? Date.now() + s.diffTimeout * 1000 : Number.POSITIVE_INFINITY);
  if (text1 === text2) return text1 === '' ? [] : [[EQUAL, text1]];
  let p = commonPrefix(text1, text2);
  const prefix = text1.slice(0, p);
  let a = text1.slice(p);
  let b = text2.slice(p);
  p = commonSuffix(a, b);
  const suffix = a.slice(a.length - p);
  a = a.slice(0, a.length - p);
  b = b.slice(0, b.length - p);
  const diffs = compute(a, b, checkLines, s, end);
  if (prefix !== '') diffs.unshift([EQUAL, prefix]);
  if (suffix !== '') diffs.push([EQUAL, suffix]);
  cleanupMerge(diffs);
  return diffs;
}

function compute(text1: string, text2: string, checkLines: boolean, s: DiffSettings, deadline: number): Diff[] {
  if (text1 === '') return [[INSERT, text2]];
  if (text2 === '') return [[DELETE, text1]];
  const long = text1.length > text2.length ? text1 : text2;
  const short = text1.length > text2.length ? text2 : text1;
  const i = long.indexOf(short);
  if (i !== -1) {
    const op: Op = text1.length > text2.length ? DELETE : INSERT;
    return [[op, long.slice(0, i)], [EQUAL, short], [op, long.slice(i + short.length)]];
  }
  if (short.length === 1) return [[DELETE, text1], [INSERT, text2]];
  const hm = s.diffTimeout > 0 ? halfMatch(text1, text2) : undefined;
  if (hm !== undefined) {
    const [a1, a2, b1, b2, common] = hm;
    return [...diffMain(a1, b1, checkLines, s, deadline), [EQUAL, common], ...diffMain(a2, b2, checkLines, s, deadline)];
  }
  if (checkLines && text1.length > 100 && text2.length > 100) return lineMode(text1, text2, s, deadline);
  return bisect(text1, text2, s, deadline);
}

/** A first pass over whole lines, then a character diff of each replaced stretch. */
function lineMode(text1: string, text2: string, s: DiffSettings, deadline: number): Diff[] {
  const lines: string[] = [''];
  const index = new Map<string, number>();
  const encode = (text: string): string => {
    let out = '';
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      // past 65535 distinct lines the rest is one line: each line is one UTF-16 unit
      if (end === -1 || lines.length === 0xffff) end = text.length - 1;
      const line = text.slice(start, end + 1);
      let n = index.get(line);
      if (n === undefined) {
        n = lines.length;
        lines.push(line);
        index.set(line, n);
      }
      out += String.fromCharCode(n);
      start = end + 1;
    }
    return out;
  };
  const c1 = encode(text1);
  const c2 = encode(text2);
  const diffs = diffMain(c1, c2, false, s, deadline);
  for (const d of diffs) d[1] = d[1].split('').map((c) => lines[c.charCodeAt(0)]!).join('');
  cleanupSemantic(diffs);
  // re-diff each run of deletions and insertions character by character
  diffs.push([EQUAL, '']);
  let i = 0;
  let countDel = 0;
  let countIns = 0;
  let textDel = '';
  let textIns = '';
  while (i < diffs.length) {
    const d = diffs[i]!;
    if (d[0] === INSERT) {
      countIns++;
      textIns += d[1];
    } else if (d[0] === DELETE) {
      countDel++;
      textDel += d[1];
    } else {
      if (countDel >= 1 && countIns >= 1) {
        const sub = diffMain(textDel, textIns, false, s, deadline);
        diffs.splice(i - countDel - countIns, countDel + countIns, ...sub);
        i = i - countDel - countIns + sub.length;
      }
      countIns = 0;
      countDel = 0;
      textDel = '';
      textIns = '';
    }
    i++;
  }
  diffs.pop();
  return diffs;
}

/** Myers' middle snake; past the deadline (or with no common subsequence) the whole is one delete and one insert. */
function bisect(text1: string, text2: string, s: DiffSettings, deadline: number): Diff[] {
  const n1 = text1.length;
  const n2 = text2.length;
  const maxD = Math.ceil((n1 + n2) / 2);
  const offset = maxD;
  const vLength = 2 * maxD;
  const v1 = new Array<number>(vLength).fill(-1);
  const v2 = new Array<number>(vLength).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n1 - n2;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    if (Date.now() > deadline) break;
    // a pass costs about d steps: without a deadline (diff_timeout 0) or with a long one, a big diff is a long run
    // that cannot give way, so it answers to the backstop (preempt.ts)
    if ((BUDGET.p -= d + 1) < 0) BUDGET.out();
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[k1o - 1]! < v1[k1o + 1]!) ? v1[k1o + 1]! : v1[k1o - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n1 && y1 < n2 && text1.charCodeAt(x1) === text2.charCodeAt(y1)) {
        x1++;
        y1++;
      }
      v1[k1o] = x1;
      if (x1 > n1) k1end += 2;
      else if (y1 > n2) k1start += 2;
      else if (front) {
        const k2o = offset + delta - k1;
        if (k2o >= 0 && k2o < vLength && v2[k2o] !== -1) {
          const x2 = n1 - v2[k2o]!;
          if (x1 >= x2) return bisectSplit(text1, text2, x1, y1, s, deadline);
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[k2o - 1]! < v2[k2o + 1]!) ? v2[k2o + 1]! : v2[k2o - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n1 && y2 < n2 && text1.charCodeAt(n1 - x2 - 1) === text2.charCodeAt(n2 - y2 - 1)) {
        x2++;
        y2++;
      }
      v2[k2o] = x2;
      if (x2 > n1) k2end += 2;
      else if (y2 > n2) k2start += 2;
      else if (!front) {
        const k1o = offset + delta - k2;
        if (k1o >= 0 && k1o < vLength && v1[k1o] !== -1) {
          const x1 = v1[k1o]!;
          const y1 = offset + x1 - k1o;
          if (x1 >= n1 - x2) return bisectSplit(text1, text2, x1, y1, s, deadline);
        }
      }
    }
  }
  return [[DELETE, text1], [INSERT, text2]];
}

function bisectSplit(text1: string, text2: string, x: number, y: number, s: DiffSettings, deadline: number): Diff[] {
  return [...diffMain(text1.slice(0, x), text2.slice(0, y), false, s, deadline), ...diffMain(text1.slice(x), text2.slice(y), false, s, deadline)];
}

/** A substring common to both texts at least half as long as the longer: [a1, a2, b1, b2, common] around it. */
function halfMatch(text1: string, text2: string): [string, string, string, string, string] | undefined {
  const long = text1.length > text2.length ? text1 : text2;
  const short = text1.length > text2.length ? text2 : text1;
  if (long.length < 4 || short.length * 2 < long.length) return undefined;
  const at = (i: number): [string, string, string, string, string] | undefined => {
    const seed = long.slice(i, i + Math.floor(long.length / 4));
    let j = -1;
    let best: [string, string, string, string, string] | undefined;
    let bestLen = 0;
    while ((j = short.indexOf(seed, j + 1)) !== -1) {
      const pre = commonPrefix(long.slice(i), short.slice(j));
      const suf = commonSuffix(long.slice(0, i), short.slice(0, j));
      if (bestLen < suf + pre) {
        bestLen = suf + pre;
        best = [long.slice(0, i - suf), long.slice(i + pre), short.slice(0, j - suf), short.slice(j + pre), short.slice(j - suf, j + pre)];
      }
    }
    return best !== undefined && bestLen * 2 >= long.length ? best : undefined;
  };
  const hm1 = at(Math.ceil(long.length / 4));
  const hm2 = at(Math.ceil(long.length / 2));
  let hm: [string, string, string, string, string];
  if (hm1 === undefined && hm2 === undefined) return undefined;
  else if (hm2 === undefined) hm = hm1!;
  else if (hm1 === undefined) hm = hm2;
  else hm = hm1[4].length > hm2[4].length ? hm1 : hm2;
  return text1.length > text2.length ? hm : [hm[2], hm[3], hm[0], hm[1], hm[4]];
}

/** Joins neighbours of one kind, factors common affixes out of edits, and slides single edits to merge equalities. */
export function cleanupMerge(diffs: Diff[]): void {
  diffs.push([EQUAL, '']);
  let i = 0;
  let countDel = 0;
  let countIns = 0;
  let textDel = '';
  let textIns = '';
  while (i < diffs.length) {
    const d = diffs[i]!;
    if (d[0] === INSERT) {
      countIns++;
      textIns += d[1];
      i++;
    } else if (d[0] === DELETE) {
      countDel++;
      textDel += d[1];
      i++;
    } else {
      if (countDel + countIns > 1) {
        if (countDel !== 0 && countIns !== 0) {
          let c = commonPrefix(textIns, textDel);
          if (c !== 0) {
            const x = i - countDel - countIns;
            if (x > 0 && diffs[x - 1]![0] === EQUAL) diffs[x - 1]![1] += textIns.slice(0, c);
            else {
              diffs.unshift([EQUAL, textIns.slice(0, c)]);
              i++;
            }
            textIns = textIns.slice(c);
            textDel = textDel.slice(c);
          }
          c = commonSuffix(textIns, textDel);
          if (c !== 0) {
            diffs[i]![1] = textIns.slice(textIns.length - c) + diffs[i]![1];
            textIns = textIns.slice(0, textIns.length - c);
            textDel = textDel.slice(0, textDel.length - c);
          }
        }
        const repl: Diff[] = [];
        if (textDel !== '') repl.push([DELETE, textDel]);
        if (textIns !== '') repl.push([INSERT, textIns]);
        diffs.splice(i - countDel - countIns, countDel + countIns, ...repl);
        i = i - countDel - countIns + repl.length + 1;
      } else if (i !== 0 && diffs[i - 1]![0] === EQUAL) {
        diffs[i - 1]![1] += d[1];
        diffs.splice(i, 1);
      } else i++;
      countIns = 0;
      countDel = 0;
      textDel = '';
      textIns = '';
    }
  }
  if (diffs[diffs.length - 1]![1] === '') diffs.pop();
  // single edits surrounded by equalities, slid sideways to eliminate one equality: A<ins>BA</ins>C -> <ins>AB</ins>AC
  let changed = false;
  i = 1;
  while (i < diffs.length - 1) {
    const prev = diffs[i - 1]!;
    const cur = diffs[i]!;
    const next = diffs[i + 1]!;
    if (prev[0] === EQUAL && next[0] === EQUAL) {
      if (cur[1].endsWith(prev[1]) && prev[1] !== '') {
        cur[1] = prev[1] + cur[1].slice(0, cur[1].length - prev[1].length);
        next[1] = prev[1] + next[1];
        diffs.splice(i - 1, 1);
        changed = true;
      } else if (cur[1].startsWith(next[1]) && next[1] !== '') {
        prev[1] += next[1];
        cur[1] = cur[1].slice(next[1].length) + next[1];
        diffs.splice(i + 1, 1);
        changed = true;
      }
    }
    i++;
  }
  if (changed) cleanupMerge(diffs);
}

/** Removes equalities too small to be worth keeping, so the diff reads as whole-word changes. */
export function cleanupSemantic(diffs: Diff[]): void {
  let changed = false;
  const equalities: number[] = [];
  let lastEquality: string | undefined;
  let i = 0;
  let ins1 = 0;
  let del1 = 0;
  let ins2 = 0;
  let del2 = 0;
  while (i < diffs.length) {
    const d = diffs[i]!;
    if (d[0] === EQUAL) {
      equalities.push(i);
      ins1 = ins2;
      del1 = del2;
      ins2 = 0;
      del2 = 0;
      lastEquality = d[1];
    } else {
      if (d[0] === INSERT) ins2 += d[1].length;
      else del2 += d[1].length;
      if (lastEquality !== undefined && lastEquality !== '' && lastEquality.length <= Math.max(ins1, del1) && lastEquality.length <= Math.max(ins2, del2)) {
        const at = equalities[equalities.length - 1]!;
        diffs.splice(at, 0, [DELETE, lastEquality]);
        diffs[at + 1]![0] = INSERT;
        equalities.pop();
        equalities.pop();
        i = equalities.length > 0 ? equalities[equalities.length - 1]! : -1;
        ins1 = 0;
        del1 = 0;
        ins2 = 0;
        del2 = 0;
        lastEquality = undefined;
        changed = true;
      }
    }
    i++;
  }
  if (changed) cleanupMerge(diffs);
  cleanupSemanticLossless(diffs);
  // overlaps between a deletion and the insertion after it become equalities
  i = 1;
  while (i < diffs.length) {
    const prev = diffs[i - 1]!;
    const cur = diffs[i]!;
    if (prev[0] === DELETE && cur[0] === INSERT) {
      const del = prev[1];
      const ins = cur[1];
      const o1 = commonOverlap(del, ins);
      const o2 = commonOverlap(ins, del);
      if (o1 >= o2) {
        if (o1 >= del.length / 2 || o1 >= ins.length / 2) {
          diffs.splice(i, 0, [EQUAL, ins.slice(0, o1)]);
          prev[1] = del.slice(0, del.length - o1);
          diffs[i + 1]![1] = ins.slice(o1);
          i++;
        }
      } else if (o2 >= del.length / 2 || o2 >= ins.length / 2) {
        diffs.splice(i, 0, [EQUAL, del.slice(0, o2)]);
        diffs[i - 1] = [INSERT, ins.slice(0, ins.length - o2)];
        diffs[i + 1] = [DELETE, del.slice(o2)];
        i++;
      }
      i++;
    }
    i++;
  }
}

const NON_ALNUM = /[^a-zA-Z0-9]/;
const WHITESPACE = /\s/;
const LINEBREAK = /[\r\n]/;
const BLANK_END = /\n\r?\n$/;
const BLANK_START = /^\r?\n\r?\n/;

/** How good a boundary between `one` and `two` is: 6 at the edges, 5 at blank lines ... 0 inside a word. */
function boundaryScore(one: string, two: string): number {
  if (one === '' || two === '') return 6;
  const c1 = one[one.length - 1]!;
  const c2 = two[0]!;
  const na1 = NON_ALNUM.test(c1);
  const na2 = NON_ALNUM.test(c2);
  const ws1 = na1 && WHITESPACE.test(c1);
  const ws2 = na2 && WHITESPACE.test(c2);
  const lb1 = ws1 && LINEBREAK.test(c1);
  const lb2 = ws2 && LINEBREAK.test(c2);
  const bl1 = lb1 && BLANK_END.test(one);
  const bl2 = lb2 && BLANK_START.test(two);
  if (bl1 || bl2) return 5;
  if (lb1 || lb2) return 4;
  if (na1 && !ws1 && ws2) return 3;
  if (ws1 || ws2) return 2;
  if (na1 || na2) return 1;
  return 0;
}

/** Slides single edits between equalities to the best word or line boundary. */
export function cleanupSemanticLossless(diffs: Diff[]): void {
  let i = 1;
  while (i < diffs.length - 1) {
    if (diffs[i - 1]![0] === EQUAL && diffs[i + 1]![0] === EQUAL) {
      let eq1 = diffs[i - 1]![1];
      let edit = diffs[i]![1];
      let eq2 = diffs[i + 1]![1];
      const off = commonSuffix(eq1, edit);
      if (off > 0) {
        const common = edit.slice(edit.length - off);
        eq1 = eq1.slice(0, eq1.length - off);
        edit = common + edit.slice(0, edit.length - off);
        eq2 = common + eq2;
      }
      let best1 = eq1;
      let bestEdit = edit;
      let best2 = eq2;
      let bestScore = boundaryScore(eq1, edit) + boundaryScore(edit, eq2);
      while (edit !== '' && eq2 !== '' && edit[0] === eq2[0]) {
        eq1 += edit[0];
        edit = edit.slice(1) + eq2[0];
        eq2 = eq2.slice(1);
        const score = boundaryScore(eq1, edit) + boundaryScore(edit, eq2);
        if (score >= bestScore) {
          bestScore = score;
          best1 = eq1;
          bestEdit = edit;
          best2 = eq2;
        }
      }
      if (diffs[i - 1]![1] !== best1) {
        if (best1 !== '') diffs[i - 1]![1] = best1;
        else {
          diffs.splice(i - 1, 1);
          i--;
        }
        diffs[i]![1] = bestEdit;
        if (best2 !== '') diffs[i + 1]![1] = best2;
        else {
          diffs.splice(i + 1, 1);
          i--;
        }
      }
    }
    i++;
  }
}

/** Removes small equalities between edits when keeping them costs more than the edits they split. */
export function cleanupEfficiency(diffs: Diff[], editCost: number): void {
  let changed = false;
  const equalities: number[] = [];
  let lastEquality: string | undefined;
  let i = 0;
  let preIns = false;
  let preDel = false;
  let postIns = false;
  let postDel = false;
  while (i < diffs.length) {
    const d = diffs[i]!;
    if (d[0] === EQUAL) {
      if (d[1].length < editCost && (postIns || postDel)) {
        equalities.push(i);
        preIns = postIns;
        preDel = postDel;
        lastEquality = d[1];
      } else {
        equalities.length = 0;
        lastEquality = undefined;
      }
      postIns = false;
      postDel = false;
    } else {
      if (d[0] === DELETE) postDel = true;
      else postIns = true;
      const flags = (preIns ? 1 : 0) + (preDel ? 1 : 0) + (postIns ? 1 : 0) + (postDel ? 1 : 0);
      if (lastEquality !== undefined && lastEquality !== '' && ((preIns && preDel && postIns && postDel) || (lastEquality.length < editCost / 2 && flags === 3))) {
        const at = equalities[equalities.length - 1]!;
        diffs.splice(at, 0, [DELETE, lastEquality]);
        diffs[at + 1]![0] = INSERT;
        equalities.pop();
        lastEquality = undefined;
        if (preIns && preDel) {
          postIns = true;
          postDel = true;
          equalities.length = 0;
        } else {
          equalities.pop();
          i = equalities.length > 0 ? equalities[equalities.length - 1]! : -1;
          postIns = false;
          postDel = false;
        }
        changed = true;
      }
    }
    i++;
  }
  if (changed) cleanupMerge(diffs);
}

export const text1Of = (diffs: Diff[]): string => diffs.filter((d) => d[0] !== INSERT).map((d) => d[1]).join('');
export const text2Of = (diffs: Diff[]): string => diffs.filter((d) => d[0] !== DELETE).map((d) => d[1]).join('');

/** The position in text2 of position `loc` of text1. */
export function xIndex(diffs: Diff[], loc: number): number {
  let chars1 = 0;
  let chars2 = 0;
  let last1 = 0;
  let last2 = 0;
  let i = 0;
  for (; i < diffs.length; i++) {
    const d = diffs[i]!;
    if (d[0] !== INSERT) chars1 += d[1].length;
    if (d[0] !== DELETE) chars2 += d[1].length;
    if (chars1 > loc) break;
    last1 = chars1;
    last2 = chars2;
  }
  if (i < diffs.length && diffs[i]![0] === DELETE) return last2;
  return last2 + (loc - last1);
}

/** The number of inserted, deleted or substituted characters. */
export function levenshtein(diffs: Diff[]): number {
  let total = 0;
  let ins = 0;
  let del = 0;
  for (const d of diffs) {
    if (d[0] === INSERT) ins += d[1].length;
    else if (d[0] === DELETE) del += d[1].length;
    else {
      total += Math.max(ins, del);
      ins = 0;
      del = 0;
    }
  }
  return total + Math.max(ins, del);
}
