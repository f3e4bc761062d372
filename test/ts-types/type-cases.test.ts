// The type tests: each folder of cases/ is one program over types/ (typed/ declares Moonforge.Topics, which would
// change every other case, so it is a program of its own), checked by TypeScript 6.0.2 through ts-morph. A case marks
// each line that must not type-check with `// @ts-expect-error TSnnnn why`; the program must then have no error at
// all (an expectation no error meets is TS2578), and with the directives turned into plain comments, each marked
// line must fail with exactly the code it names, and no other line may fail.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Project } from 'ts-morph';
import { typesProject } from './declared-surface.js';

const CASES = resolve(dirname(fileURLToPath(import.meta.url)), 'cases');
const EXPECT = /\/\/ @ts-expect-error (TS\d+) /;

function caseProject(dir: string, strip: boolean): Project {
  const project = typesProject();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const sf = project.addSourceFileAtPath(join(dir, name));
    if (strip) sf.replaceWithText(sf.getFullText().replaceAll('// @ts-expect-error ', '// expect-error '));
  }
  return project;
}

/** `file:line: TSnnnn` for each diagnostic, line 1-based. */
function located(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.getSourceFile()?.getBaseName() ?? '?'}:${d.getLineNumber() ?? 0}: TS${d.getCode()}`).sort();
}

/** What the `@ts-expect-error TSnnnn` comments of `dir` ask for, in the form of located(). */
function expectations(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const lines = caseProject(dir, false).getSourceFileOrThrow(join(dir, name)).getFullText().split('\n');
    lines.forEach((line, i) => {
      const m = EXPECT.exec(line);
      if (m) out.push(`${name}:${i + 2}: ${m[1]}`);
    });
  }
  return out.sort();
}

describe.each(readdirSync(CASES).sort())('type cases: %s', (folder) => {
  const dir = join(CASES, folder);

  it('type-checks, every expected error met', () => {
    const project = caseProject(dir, false);
    const problems = project.getPreEmitDiagnostics().map((d) => `${located([d])[0]} ${project.formatDiagnosticsWithColorAndContext([d])}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('fails exactly on the marked lines, with the codes they name', () => {
    const wanted = expectations(dir);
    expect(wanted.length).toBeGreaterThan(0);
    expect(located(caseProject(dir, true).getPreEmitDiagnostics())).toEqual(wanted);
  }, 60_000);
});
