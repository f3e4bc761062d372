// text.diff: our diff-match-patch (runtime/modules/text/diff/), which Wippy runs as github.com/sergi/go-diff, held to
// the published behaviour of diff-match-patch (its documented examples and test expectations), and the Lua surface
// (wippyai/runtime runtime/lua/modules/text/module.go).
import { describe, expect, it } from 'vitest';
import { cleanupSemantic, diffMain, DELETE, EQUAL, INSERT, type Diff } from '../../runtime/modules/text/diff/diff.js';
import { patchApply, patchesFromText, patchMake, patchToText, type PatchSettings } from '../../runtime/modules/text/diff/patch.js';
import { matchMain } from '../../runtime/modules/text/diff/match.js';
import { runWithModules } from '../support/module-app.js';

const S: PatchSettings = { diffTimeout: 0, diffEditCost: 4, matchThreshold: 0.5, matchDistance: 1000, patchDeleteThreshold: 0.5, patchMargin: 4 };

describe('diff', () => {
  it('the special cases and the bisection', () => {
    expect(diffMain('', '', false, S)).toEqual([]);
    expect(diffMain('abc', 'ab123c', false, S)).toEqual([[EQUAL, 'ab'], [INSERT, '123'], [EQUAL, 'c']]);
    expect(diffMain('a123bc', 'abc', false, S)).toEqual([[EQUAL, 'a'], [DELETE, '123'], [EQUAL, 'bc']]);
    expect(diffMain('cat', 'map', false, S)).toEqual([[DELETE, 'c'], [INSERT, 'm'], [EQUAL, 'a'], [DELETE, 't'], [INSERT, 'p']]);
    expect(diffMain('1ayb2', 'abxab', false, S)).toEqual([[DELETE, '1'], [EQUAL, 'a'], [DELETE, 'y'], [EQUAL, 'b'], [DELETE, '2'], [INSERT, 'xab']]);
    expect(diffMain('abcy', 'xaxcxabc', false, S)).toEqual([[INSERT, 'xaxcx'], [EQUAL, 'abc'], [DELETE, 'y']]);
    expect(diffMain('Apples are a fruit.', 'Bananas are also fruit.', false, S)).toEqual([
      [DELETE, 'Apple'],
      [INSERT, 'Banana'],
      [EQUAL, 's are a'],
      [INSERT, 'lso'],
      [EQUAL, ' fruit.'],
    ]);
  });

  it('the line mode of long texts gives the same result as the character diff', () => {
    const a = '1234567890\n'.repeat(13);
    const b = 'abcdefghij\n'.repeat(13);
    expect(diffMain(a, b, true, { ...S, diffTimeout: 1 })).toEqual(diffMain(a, b, false, { ...S, diffTimeout: 1 }));
  });

  it('the semantic cleanup keeps whole words', () => {
    const d: Diff[] = [[DELETE, 'a'], [EQUAL, 'b'], [DELETE, 'c']];
    cleanupSemantic(d);
    expect(d).toEqual([[DELETE, 'abc'], [INSERT, 'b']]);
    const o: Diff[] = [[DELETE, 'abcxxx'], [INSERT, 'xxxdef']];
    cleanupSemantic(o);
    expect(o).toEqual([[DELETE, 'abc'], [EQUAL, 'xxx'], [INSERT, 'def']]);
  });
});

describe('match and patch', () => {
  it('Bitap finds a pattern near where it was expected', () => {
    expect(matchMain('abcdefghijk', 'fgh', 5, S)).toBe(5);
    expect(matchMain('abcdefghijk', 'efxhi', 0, S)).toBe(4);
    expect(matchMain('abcdefghijk', 'bxy', 1, S)).toBe(-1);
  });

  it('patch text, with context and URL-encoded lines', () => {
    const t1 = 'The quick brown fox jumps over the lazy dog.';
    const t2 = 'That quick brown fox jumped over a lazy dog.';
    expect(patchMake(t2, t1, S).map(patchToText).join('')).toBe(
      '@@ -1,8 +1,7 @@\n Th\n-at\n+e\n  qui\n@@ -21,17 +21,18 @@\n jump\n-ed\n+s\n  over \n-a\n+the\n  laz\n',
    );
    const special = patchMake('`1234567890-=[]\\;\',./', '~!@#$%^&*()_+{}|:"<>?', S).map(patchToText).join('');
    expect(special).toBe("@@ -1,21 +1,21 @@\n-%601234567890-=%5B%5D%5C;',./\n+~!@#$%25%5E&*()_+%7B%7D%7C:%22%3C%3E?\n");
    expect(patchesFromText(special).map(patchToText).join('')).toBe(special);
  });

  it('patches apply where their context moved, and fail where it is gone', () => {
    const patches = patchMake('The quick brown fox jumps over the lazy dog.', 'That quick brown fox jumped over a lazy dog.', S);
    expect(patchApply(patches, 'The quick red rabbit jumps over the tired tiger.', S)).toEqual(['That quick red rabbit jumped over a tired tiger.', [true, true]]);
    expect(patchApply(patches, 'I am the very model of a modern major general.', S)).toEqual(['I am the very model of a modern major general.', [false, false]]);
    expect(patchApply([], 'Hello world.', S)).toEqual(['Hello world.', []]);
  });
});

describe('text.diff from Lua', () => {
  it('compare, summarize (bytes), pretty_text, pretty_html, patch_make / patch_apply', async () => {
    const r = await runWithModules(
      ['text'],
      `local d = text.diff.new({diff_timeout = 0})
       local diffs = d:compare("hello world", "hello there")
       local ops = {}
       for _, x in ipairs(diffs) do ops[#ops + 1] = x.operation .. ":" .. x.text end
       io.print(table.concat(ops, "|"))
       local s = d:summarize(d:compare("aé", "bé"))
       io.print(s.insertions, s.deletions, s.equals)
       io.print(d:pretty_text({{operation = "delete", text = "a"}, {operation = "insert", text = "b"}}) == "\\27[31ma\\27[0m\\27[32mb\\27[0m")
       io.print(d:pretty_html({{operation = "equal", text = "<a>\\n"}, {operation = "insert", text = "&"}}))
       local patches = d:patch_make("The quick brown fox", "The quick red fox")
       io.print(#patches, patches[1].text:sub(1, 15))
       io.print(d:patch_apply(patches, "The quick brown fox"))
       io.print(d:patch_apply({{text = "not a patch"}}, "x"))`,
    );
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'equal:hello |delete:wo|insert:the|equal:r|delete:ld|insert:e',
      '1\t1\t2',
      'true',
      '<span>&lt;a&gt;&para;<br></span><ins style="background:#e6ffe6;">&amp;</ins>\tnil',
      '1\t@@ -7,13 +7,11 ',
      'The quick red fox\ttrue',
      'x\ttrue',
    ]);
  });
});
