// A tiny Lua 5.1 source scanner for the corpus rules: blanks out comments and string literals (keeping line
// structure) so that checks for forbidden APIs and identifiers only look at code.

/** Returns `src` with comments removed and string/long-string contents replaced by `""`. Newlines are kept. */
export function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  const n = src.length;
  const longOpen = (at: number): number => {
    // returns the level of a long bracket `[==[` starting at `at`, or -1
    if (src[at] !== '[') return -1;
    let j = at + 1;
    while (src[j] === '=') j++;
    return src[j] === '[' ? j - at - 1 : -1;
  };
  const skipLong = (at: number, level: number): number => {
    const close = `]${'='.repeat(level)}]`;
    const end = src.indexOf(close, at + level + 2);
    const stop = end < 0 ? n : end + close.length;
    out += '\n'.repeat(src.slice(at, stop).split('\n').length - 1);
    return stop;
  };
  while (i < n) {
    const c = src[i];
    if (c === '-' && src[i + 1] === '-') {
      const level = longOpen(i + 2);
      if (level >= 0) {
        i = skipLong(i + 2, level);
      } else {
        while (i < n && src[i] !== '\n') i++;
      }
      continue;
    }
    if (c === '[') {
      const level = longOpen(i);
      if (level >= 0) {
        out += '""';
        i = skipLong(i, level);
        continue;
      }
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let newlines = 0;
      while (j < n && src[j] !== c) {
        if (src[j] === '\\') j++;
        if (src[j] === '\n') newlines++;
        j++;
      }
      out += '""' + '\n'.repeat(newlines);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export interface RuleViolation {
  line: number;
  rule: string;
  text: string;
}

const WIPPY_RESERVED = '(fun|interface|as|asserts|readonly|is|typeof|keyof|extends|goto)\\b';

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\b(load|loadstring|loadfile|dofile|setfenv|getfenv|module|collectgarbage|require|newproxy)\s*[({"']/, 'dynamic loading / environments / gc are not available in Wippy'],
  [/\b(io|debug|os)\s*\./, 'io, debug and os are absent or host-dependent'],
  [/\bstring\s*\.\s*dump\b/, 'string.dump is not available'],
  [/\bmath\s*\.\s*random(seed)?\b/, 'math.random is not deterministic'],
  [/\b(string|table|math|coroutine|_G\s*\.\s*string)\s*\.\s*\w+\s*=(?!=)/, 'library tables are read-only in Wippy'],
  [/\bfunction\s+(string|table|math|coroutine)\s*[.:]/, 'library tables are read-only in Wippy'],
  [/\bprint\s*\(\s*(math\s*\.\s*huge|-\s*math\s*\.\s*huge|1\s*\/\s*0|0\s*\/\s*0)\s*\)/, 'never print inf/nan/math.huge'],
  // Wippy's lexer reserves these words; they stay legal as field names (`t.is`, `t:as()`, `{ is = 1 }`)
  [new RegExp(`(^|[^.:\\w])${WIPPY_RESERVED}(?!\\s*=[^=])`), 'word reserved by the Wippy lexer used as an identifier'],
  [new RegExp(`\\blocal\\s+(function\\s+)?(\\w+\\s*,\\s*)*${WIPPY_RESERVED}`), 'word reserved by the Wippy lexer used as a local name'],
];

/** Checks one corpus file's source against the fairness rules of test/lua/README.md. */
export function checkCorpusRules(src: string): RuleViolation[] {
  const code = stripCommentsAndStrings(src);
  const lines = code.split('\n');
  const out: RuleViolation[] = [];
  lines.forEach((text, idx) => {
    for (const [re, rule] of FORBIDDEN) {
      if (re.test(text)) out.push({ line: idx + 1, rule, text: text.trim() });
    }
  });
  return out;
}
