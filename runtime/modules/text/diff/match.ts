// Fuzzy matching of diff-match-patch: where in a text a pattern best matches near an expected place, by the Bitap
// algorithm scored on errors and distance (MatchThreshold, MatchDistance), for patches whose context moved.

export interface MatchSettings {
  /** 0.0 demands a perfect match, 1.0 accepts anything */
  matchThreshold: number;
  /** how far from the expected place a match may be (in characters) before it scores as bad as an error */
  matchDistance: number;
}

/** Bitap works on patterns up to this many characters (the bits of a number used as a bit set). */
export const MATCH_MAX_BITS = 32;

export function matchMain(text: string, pattern: string, loc: number, s: MatchSettings): number {
  loc = Math.max(0, Math.min(loc, text.length));
  if (text === pattern) return 0;
  if (text === '') return -1;
  if (text.slice(loc, loc + pattern.length) === pattern) return loc;
  return matchBitap(text, pattern, loc, s);
}

function alphabet(pattern: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < pattern.length; i++) m.set(pattern[i]!, 0);
  for (let i = 0; i < pattern.length; i++) m.set(pattern[i]!, m.get(pattern[i]!)! | (1 << (pattern.length - i - 1)));
  return m;
}

function matchBitap(text: string, pattern: string, loc: number, s: MatchSettings): number {
  if (pattern.length > MATCH_MAX_BITS) throw new Error('pattern too long for this application');
  const alpha = alphabet(pattern);
  const score = (errors: number, x: number): number => {
    const accuracy = errors / pattern.length;
    const proximity = Math.abs(loc - x);
    if (s.matchDistance === 0) return proximity === 0 ? accuracy : 1.0;
    return accuracy + proximity / s.matchDistance;
  };
  let threshold = s.matchThreshold;
  let best = text.indexOf(pattern, loc);
  if (best !== -1) {
    threshold = Math.min(score(0, best), threshold);
    best = text.lastIndexOf(pattern, loc + pattern.length);
    if (best !== -1) threshold = Math.min(score(0, best), threshold);
  }
  const matchMask = 1 << (pattern.length - 1);
  best = -1;
  let binMin: number;
  let binMid: number;
  let binMax = pattern.length + text.length;
  let lastRd: number[] = [];
  for (let d = 0; d < pattern.length; d++) {
    binMin = 0;
    binMid = binMax;
    while (binMin < binMid) {
      if (score(d, loc + binMid) <= threshold) binMin = binMid;
      else binMax = binMid;
      binMid = Math.floor((binMax - binMin) / 2 + binMin);
    }
    binMax = binMid;
    let start = Math.max(1, loc - binMid + 1);
    const finish = Math.min(loc + binMid, text.length) + pattern.length;
    const rd = new Array<number>(finish + 2);
    rd[finish + 1] = (1 << d) - 1;
    for (let j = finish; j >= start; j--) {
      const charMatch = alpha.get(text[j - 1] ?? '') ?? 0;
      if (d === 0) rd[j] = ((rd[j + 1]! << 1) | 1) & charMatch;
      else rd[j] = (((rd[j + 1]! << 1) | 1) & charMatch) | (((lastRd[j + 1]! | lastRd[j]!) << 1) | 1) | lastRd[j + 1]!;
      if (rd[j]! & matchMask) {
        const sc = score(d, j - 1);
        if (sc <= threshold) {
          threshold = sc;
          best = j - 1;
          if (best > loc) start = Math.max(1, 2 * loc - best);
          else break;
        }
      }
    }
    if (score(d + 1, loc) > threshold) break;
    lastRd = rd;
  }
  return best;
}
