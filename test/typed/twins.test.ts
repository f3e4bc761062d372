// Typed programs beside hand-erased plain twins (test/typed/twins/NAME.lua and NAME.plain.lua): the stripped
// output has exactly the twin's tokens (luaparse's lexer), the positions are kept, and both the twin and the
// stripped output run under lua5.1 with the same output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceLuaOutput } from '../support/reference-lua.js';
import { luaTokens, preservationProblem, strip } from './helpers.js';

const DIR = join(import.meta.dirname, 'twins');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.lua') && !f.endsWith('.plain.lua'))
  .map((f) => f.slice(0, -4));

describe('typed programs and their plain twins', () => {
  it('has twins', () => expect(names.length).toBeGreaterThanOrEqual(5));
  for (const name of names) {
    it(name, () => {
      const typed = readFileSync(join(DIR, `${name}.lua`), 'latin1');
      const plain = readFileSync(join(DIR, `${name}.plain.lua`), 'latin1');
      const r = strip(typed, `${name}.lua`);
      expect(r.diagnostics).toEqual([]);
      expect(preservationProblem(typed, r.code)).toBeNull();
      expect(luaTokens(r.code)).toEqual(luaTokens(plain));
      const expected = referenceLuaOutput(plain);
      expect(expected.length).toBeGreaterThan(0);
      expect(referenceLuaOutput(r.code)).toBe(expected);
    });
  }
});
