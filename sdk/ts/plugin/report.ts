// How a rule's finding becomes a ts.Diagnostic (what TSTL's plugin hooks return) and how the build reads it back as
// moonforge's code, message and suggestion. The suggestion is the second link of the message chain, so a generic
// TypeScript formatter still shows it as a "Suggestion:" line under the message.
import type * as TS from 'typescript';
import { RULE_CODES, RULE_PREFIX, RULE_SOURCE, type RuleName } from './catalogue.js';

const SUGGESTION = 'Suggestion: ';

export interface Finding {
  rule: RuleName;
  message: string;
  suggestion: string;
  /** where: a node, a span of a file, or nothing for a problem of the program as a whole */
  at?: TS.Node | Span;
}

export interface Span {
  file: TS.SourceFile;
  start: number;
  length: number;
}

function spanOf(at: TS.Node | Span | undefined): Span | undefined {
  if (at === undefined || !('kind' in at)) return at;
  const file = at.getSourceFile();
  const start = at.getStart(file);
  return { file, start, length: at.getEnd() - start };
}

export function findingDiagnostic(ts: typeof TS, f: Finding): TS.Diagnostic {
  const code = RULE_CODES[f.rule];
  const category = ts.DiagnosticCategory.Error;
  const span = spanOf(f.at);
  return {
    category,
    code,
    source: RULE_SOURCE,
    file: span?.file,
    start: span?.start,
    length: span?.length,
    messageText: {
      messageText: f.message,
      category,
      code,
      next: [{ messageText: SUGGESTION + f.suggestion, category: ts.DiagnosticCategory.Message, code }],
    },
  };
}

export interface RuleDiagnosticText {
  /** as moonforge prints it: MF9001 */
  code: string;
  message: string;
  suggestion: string;
}

/** The code, message and suggestion of a diagnostic this plugin made; undefined for any other diagnostic. */
export function readRuleDiagnostic(d: TS.Diagnostic): RuleDiagnosticText | undefined {
  if (d.source !== RULE_SOURCE || typeof d.messageText === 'string') return undefined;
  const next = d.messageText.next?.[0]?.messageText ?? '';
  return {
    code: `${RULE_PREFIX}${d.code}`,
    message: d.messageText.messageText,
    suggestion: next.startsWith(SUGGESTION) ? next.slice(SUGGESTION.length) : next,
  };
}
