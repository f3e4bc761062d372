// YAML text -> Lua value, as Wippy's yaml.decode (runtime/lua/modules/yaml/module.go: yaml.v3 into Go's `any`, then
// GoToLua): the first document of the text; mappings are tables (string, number and boolean keys), sequences 1-based
// tables, null is nil. YAML 1.2's core schema as yaml.v3 (`yes`/`no` stay strings); aliases are expanded, with the
// `yaml` package's limit on alias expansion standing in for yaml.v3's guard against alias bombs.
//
// Duplicate mapping keys are found here, with a set per mapping: the `yaml` package's own check compares each key
// with every earlier one, and a 300,000-key document held the node for minutes. Nesting deeper than the JS stack is
// an error that says so (yaml.v3 has a depth limit of its own), not the engine's wording. Parsing cannot give way,
// so each lexeme read is a step of the backstop (the `yaml` package's pipeline with a lexer of our own in front, as
// its Parser documents): a document of hundreds of thousands of entries, on many lines or on one, is a long run.
import { Composer, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, type CST, type Node, type YAMLError } from 'yaml';
import { BUDGET } from '../../../core/preempt.js';
import { goToLua } from '../go-value.js';
import { luaToText } from '../../lua-text.js';

/** Why a text cannot be decoded; `message` is the parser's. */
export class YamlDecodeError extends Error {}

const TOO_DEEP = 'document nested too deeply';

/**
 * A parse error in yaml.v3's shape, `yaml: line N: what` (the wording is the `yaml` package's; a JS stack overflow
 * the parser caught says what it means).
 */
function errorText(e: YAMLError, lines: LineCounter): string {
  const what = /call stack/i.test(e.message) ? TOO_DEEP : e.message;
  // a position of -1: the error has none
  return e.pos[0] < 0 ? `yaml: ${what}` : `yaml: line ${lines.linePos(e.pos[0]).line}: ${what}`;
}

/** The parser's tokens for `src`, each lexeme a backstop step. */
function* tokens(src: string, parser: Parser, lines: LineCounter): Generator<CST.Token> {
  // as Parser.parse starts: the first line starts at 0
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(src)) {
    if (--BUDGET.p < 0) BUDGET.out();
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

/** The first key of a mapping that repeats an earlier scalar key of it (the `yaml` package's rule), walked without recursion. */
function duplicateKey(root: unknown): Node | undefined {
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const n = todo.pop();
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const item of n.items) {
        const k = item.key;
        if (isScalar(k)) {
          if (seen.has(k.value)) return k;
          seen.add(k.value);
        }
        todo.push(k, item.value);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) todo.push(isPair(item) ? item.value : item);
    } else if (isPair(n)) {
      todo.push(n.key, n.value);
    }
  }
  return undefined;
}

/** Decodes the first document of `text` (a byte string holding UTF-8). */
export function decodeYaml(text: string): unknown {
  const lines = new LineCounter();
  const src = luaToText(text);
  const docs = Array.from(new Composer({ uniqueKeys: false }).compose(tokens(src, new Parser(lines.addNewLine), lines)));
  const doc = docs[0];
  if (doc === undefined) return undefined;
  if (doc.errors.length > 0) throw new YamlDecodeError(errorText(doc.errors[0]!, lines));
  const dup = duplicateKey(doc.contents);
  if (dup !== undefined) throw new YamlDecodeError(`yaml: line ${lines.linePos(dup.range?.[0] ?? 0).line}: Map keys must be unique`);
  try {
    return goToLua(doc.toJS({ mapAsMap: true, maxAliasCount: 100 }));
  } catch (e) {
    if (e instanceof RangeError) throw new YamlDecodeError(`yaml: ${TOO_DEEP}`);
    throw new YamlDecodeError(e instanceof Error ? e.message : String(e));
  }
}
