// The text module (wippyai/runtime runtime/lua/modules/text/module.go and spec.md; docs en/lua/text/text.md): RE2
// regexps as Go's regexp package runs them, and langchaingo's splitters.
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runWithModules } from '../support/module-app.js';
import { Re2 } from '../../runtime/modules/text/re2.js';
import { mergeSplits, splitRecursive, DEFAULT_SEPARATORS } from '../../runtime/modules/text/recursive-splitter.js';
import { splitMarkdown } from '../../runtime/modules/text/markdown-splitter.js';

const text = (body: string) => runWithModules(['text'], body);

/** Go's regexp.Compile error text for `pattern`, or 'ok'. */
function compileError(pattern: string): string {
  try {
    new Re2(pattern);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('RE2 syntax (Go regexp/syntax): refused with Go\'s messages, translated where JS differs', () => {
  // what the process runtime sets for every app (runtime/process/process-runtime.ts); set here for the linear-time test
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

  it('refuses what RE2 refuses', () => {
    expect(compileError('[invalid')).toBe('error parsing regexp: missing closing ]: `[invalid`');
    expect(compileError('(?P<>x)')).toBe('error parsing regexp: invalid named capture: `(?P<>`');
    expect(compileError('*')).toBe('error parsing regexp: missing argument to repetition operator: `*`');
    expect(compileError('a**')).toBe('error parsing regexp: invalid nested repetition operator: `**`');
    expect(compileError('(a')).toBe('error parsing regexp: missing closing ): `(a`');
    expect(compileError('a)')).toBe('error parsing regexp: unexpected ): `a)`');
    expect(compileError('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(compileError('a(?=b)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(compileError('a(?<!b)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?<!`');
    expect(compileError('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(compileError('(?P<n>a)(?P<n>b)')).toBe('error parsing regexp: duplicate capture group name: `(?P<n>`');
    expect(compileError('[z-a]')).toBe('error parsing regexp: invalid character class range: `z-a`');
    expect(compileError('\\Z')).toBe('error parsing regexp: invalid escape sequence: `\\Z`');
  });

  const bytes = (t: string): string => Buffer.from(t, 'utf8').toString('latin1');
  const m = (p: string, s: string): string | null => {
    const f = new Re2(p).first(s);
    return f === undefined ? null : s.slice(f.start, f.end);
  };

  it('accepts RE2 forms JS writes differently, with RE2\'s meaning', () => {
    expect(m('(?P<word>[[:alpha:]]+)', '12abc3')).toBe('abc');
    expect(m('[[:^digit:]]+', '12ab3')).toBe('ab');
    expect(m('\\Aab', 'ab')).toBe('ab');
    expect(m('b\\z', 'ab\n')).toBe(null);
    expect(m('b$', 'ab\n')).toBe(null);
    expect(m('\\Q.*\\E+', 'x.*.*')).toBe('.*');
    expect(m('a{,2}', 'a{,2}')).toBe('a{,2}');
    expect(m('\\!', 'x!')).toBe('!');
    expect(m('\\s+', 'a\u00a0 b')).toBe(' ');
    // `.` takes \r (JS's does not)
    expect(m('a.b', 'a\rb')).toBe('a\rb');
  });

  it('flags at the start, inline and scoped: i (with Unicode simple folds), m, s, U', () => {
    expect(m('(?i)HELLO', 'say hello')).toBe('hello');
    expect(m('a(?i)b', 'aB')).toBe('aB');
    expect(m('a(?i)b', 'AB')).toBe(null);
    expect(m('(?i:x)y', 'XY')).toBe(null);
    expect(m('(?i:x)y', 'Xy')).toBe('Xy');
    expect(m(bytes('(?i)é'), bytes('É'))).toBe(bytes('É'));
    expect(m('(?m)^b$', 'a\nb\nc')).toBe('b');
    expect(m('(?m)a$', 'a\r\n')).toBe(null);
    expect(m('(?s)a.b', 'a\nb')).toBe('a\nb');
    expect(m('a.b', 'a\nb')).toBe(null);
    expect(m('(?U)a+', 'aaa')).toBe('a');
    expect(m('(?U)a+?', 'aaa')).toBe('aaa');
    expect(compileError('(?i-)a')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`');
  });

  it('matches UTF-8 characters in bytes and reports byte offsets; Go skips an empty match right after a match', () => {
    const s = bytes('añb');
    expect(new Re2('b').first(s)).toMatchObject({ start: 3, end: 4 });
    expect(new Re2('.').all(s).map((x) => s.slice(x.start, x.end))).toEqual(['a', bytes('ñ'), 'b']);
    expect(new Re2('[^a]').all(s).map((x) => s.slice(x.start, x.end))).toEqual([bytes('ñ'), 'b']);
    expect(new Re2(bytes('[à-ÿ]+')).first(bytes('xñöy'))).toMatchObject({ start: 1, end: 5 });
    expect(m('\\pL+', bytes('12héllo'))).toBe(bytes('héllo'));
    expect(m('\\p{Greek}+', bytes('abαβγ'))).toBe(bytes('αβγ'));
    expect(m(bytes('ñ+'), bytes('ññx'))).toBe(bytes('ññ'));
    // an invalid byte is one character, U+FFFD
    expect(new Re2('.').all('a\xffb').length).toBe(3);
    expect(new Re2('a*').all('baaac').map((x) => [x.start, x.end])).toEqual([[0, 0], [1, 4], [5, 5]]);
    expect(new Re2('(a)|(b)').first('b')!.groups).toEqual([undefined, 'b']);
  });

  it('stays linear in its subject as RE2 does: V8\'s linear engine takes over from a run that backtracks too much', () => {
    // the flag the process runtime sets (runtime/process/process-runtime.ts)
    const started = Date.now();
    expect(new Re2('(a*)*b').first('a'.repeat(40))).toBeUndefined();
    expect(new Re2('(x+x+)+y').first(bytes('é') + 'x'.repeat(40))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('text.regexp from Lua', () => {
  it('the Regexp methods return Go\'s results', async () => {
    const r = await text(`
      local re = text.regexp.compile("([a-z]+)(\\\\d*)")
      io.print(re:match_string("123"), re:match_string("ab1"), re:find_string("--"), re:find_string("x9"))
      local m = re:find_string_submatch("abc")
      io.print(#m, m[1], m[2], "[" .. m[3] .. "]")
      local all = re:find_all_string_submatch("a1 b2")
      io.print(#all, all[2][1], all[2][3])
      local idx = re:find_all_string_index("a1 b2")
      io.print(idx[1][1], idx[1][2], idx[2][1], idx[2][2], re:find_all_string_index("--"))
      io.print(re:replace_all_string("a1 b2", "<$2:$1>"), re:replace_all_string("a1", "$$"), re:replace_all_string("a1", "\${1}x"))
      local named = text.regexp.compile("(?P<k>\\\\w+)=(?P<v>\\\\w+)")
      io.print(named:replace_all_string("a=b", "$v=$k"), table.concat(named:subexp_names(), ","), named:num_subexp())
      local comma = text.regexp.compile(",")
      io.print(#comma:split("a,b,,c"), #comma:split("a,b,c", 0), table.concat(comma:split("a,b,c", 2), "|"), #comma:split(""))
      io.print(#text.regexp.compile("x*"):split("axbc"), table.concat(text.regexp.compile("x*"):split("axbc"), "|"))
      io.print(re:string(), #re:find_all_string("--"))`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'false\ttrue\tnil\tx9',
      '3\tabc\tabc\t[]',
      '2\tb2\t2',
      '1\t2\t4\t5\tnil',
      '<1:a> <2:b>\t$\tax',
      'b=a\t,k,v\t2',
      '4\t0\ta|b,c\t1',
      '3\ta|b|c',
      '([a-z]+)(\\d*)\t0',
    ]);
  });

  it('a pattern RE2 refuses is an Invalid error wrapped "regex compile error"; methods check their receiver', async () => {
    const r = await text(`
      local re, err = text.regexp.compile("(?=x)")
      io.print(re, err:kind(), err:retryable(), tostring(err))
      io.print(err:stack():match("regex compile error") ~= nil)
      local ok = text.regexp.compile("x")
      io.print(select(2, pcall(ok.match_string, "x")))`);
    expect(r.lines[0]).toBe('nil\tInvalid\tfalse\terror parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(r.lines[1]).toBe('true');
    expect(r.lines[2]).toMatch(/bad argument #1 to 'match_string' \(userdata expected, got string\)$/);
  });
});

describe('text.splitter', () => {
  const o = { chunkSize: 10, chunkOverlap: 3, separators: DEFAULT_SEPARATORS, keepSeparator: false };

  it('recursive: langchaingo\'s merge with overlap, then the next separator for what is still too long', () => {
    expect(splitRecursive('aaa bbb ccc ddd eee', o)).toEqual(['aaa bbb', 'bbb ccc', 'ccc ddd', 'ddd eee']);
    expect(splitRecursive('para one\n\npara two is longer', o)).toEqual(['para one', 'para two', 'two is', 'is longer']);
    expect(splitRecursive('abcdefghijklmnop', { ...o, chunkOverlap: 0 })).toEqual(['abcdefghij', 'klmnop']);
    expect(splitRecursive('a b', { ...o, keepSeparator: true })).toEqual(['a b']);
    expect(mergeSplits(['ab', 'cd', 'ef'], '-', 5, 0)).toEqual(['ab-cd', 'ef']);
  });

  // langchaingo's MarkdownTextSplitter (what Wippy runs): its behaviour on our own documents
  const MD = { chunkSize: 512, chunkOverlap: 64, headingHierarchy: false, codeBlocks: false, referenceLinks: false, joinTableRows: false };

  it('markdown: a heading closes the chunk and leads the next ones; a heading with nothing under it is a chunk', () => {
    const md = '# Guide\n\n## Install\nRun the installer.\n\n## Use\n### Start\nType go.\n';
    expect(splitMarkdown(md, MD)).toEqual(['# Guide', '## Install\nRun the installer.', '## Use', '### Start\nType go.']);
    expect(splitMarkdown(md, { ...MD, headingHierarchy: true })).toEqual([
      '# Guide',
      '# Guide\n## Install\nRun the installer.',
      '# Guide\n## Use',
      '# Guide\n## Use\n### Start\nType go.',
    ]);
  });

  it('markdown: list items as `- ` / `N. ` lines, nested lists indented by two spaces, rejoined up to the size', () => {
    const md = '1. one\n\n2. two\n   - sub a\n   - sub b\n3. three\n';
    expect(splitMarkdown(md, MD)).toEqual(['1. one\n2. two\n  - sub a\n  - sub b\n- three']);
    expect(splitMarkdown('- alpha\n- beta\n', { ...MD, chunkSize: 10 })).toEqual(['- alpha', '- beta']);
  });

  it('markdown: table rows under the table header (one row per chunk unless join_table_rows), code only with code_blocks', () => {
    const table = '| k | v |\n|---|:-:|\n| a   | 1 |\n| b | 2 |';
    expect(splitMarkdown(table, MD)).toEqual(['| k | v |\n| --- | --- |\n| a | 1 |', '| k | v |\n| --- | --- |\n| b | 2 |']);
    expect(splitMarkdown(table, { ...MD, joinTableRows: true })).toEqual(['| k | v |\n| --- | --- |\n| a | 1 |\n| b | 2 |']);
    const code = 'Run:\n```sh\nmake\n```\n\n---\nDone.';
    expect(splitMarkdown(code, MD)).toEqual(['Run:\n\n---\nDone.']);
    expect(splitMarkdown(code, { ...MD, codeBlocks: true })).toEqual(['Run:\n\n```sh\nmake\n```\n\n\n---\nDone.']);
  });

  it('markdown: quotes keep their `> `; reference links are written inline with reference_links', () => {
    expect(splitMarkdown('> said\n> twice', MD)).toEqual(['> said\n> twice']);
    const md = 'See [the docs][d].\n\n[d]: https://x.dev "X"\n';
    expect(splitMarkdown(md, MD)).toEqual(['See [the docs][d].']);
    expect(splitMarkdown(md, { ...MD, referenceLinks: true })).toEqual(['See [the docs](https://x.dev "X").']);
  });

  it('from Lua: split_text and split_batch (each chunk carries its page\'s metadata), UTF-8 counted as characters', async () => {
    const r = await text(`
      local s = text.splitter.recursive({chunk_size = 5, chunk_overlap = 0})
      io.print(table.concat(s:split_text("héllo wörld"), "|"))
      local b = s:split_batch({{content = "one two", metadata = {page = 1}}, {content = ""}, {content = "three"}})
      io.print(#b, b[1].content, b[1].metadata.page, b[2].metadata.page, b[3].content, type(b[3].metadata))
      -- langchaingo's defaults: 512 characters with 100 of overlap
      local d = text.splitter.recursive()
      local chunks = d:split_text(string.rep("x ", 3000))
      io.print(#chunks, #chunks[1])`);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([Buffer.from('héllo|wörld', 'utf8').toString('latin1'), '3\tone\t1\t1\tthree\ttable', '15\t511']);
  });
});
