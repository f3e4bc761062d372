// A definition folder with several problems reports all of them in one load, each at its own file, line and column,
// each code meaning one thing (runtime/app/diagnostics.ts).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIAGNOSTIC_CODES, formatDiagnostic, loadApp } from '../../runtime/app/index.js';

function writeApp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mf-all-problems-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

describe('a definition folder with several problems', () => {
  it('reports every one of them in one run', async () => {
    const root = writeApp({
      'src/_index.yaml': `namespace: app
entries:
  - name: main
    kind: process.lua
    source: file://nope.lua
    method: main
  - name: other
    kind: process.lua
    source: file://main.lua
    method: 7
  - name: dup
    kind: library.lua
    source: file://main.lua
  - name: dup
    kind: library.lua
    source: file://main.lua
  - name: odd
    kind: no.such.kind
  - name: svc
    kind: process.service
    process: app:ghost
    lifecycle:
      restart:
        initial_delay: soon
`,
      'src/broken.yaml': 'namespace: [app\n',
      'src/main.lua': 'return { main = function() end }',
    });
    const { diagnostics } = await loadApp(root);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'src/_index.yaml:5:13: error APP0007: app:main: source file not found: file://nope.lua',
      "src/_index.yaml:10:13: error APP0004: app:other: field 'method' must be a string, got a number (7)",
      "src/_index.yaml:14:5: error APP0006: duplicate entry id 'app:dup' (first defined at src/_index.yaml:11:5)",
      "src/_index.yaml:18:11: error APP0005: app:odd: unknown entry kind 'no.such.kind'",
      "src/_index.yaml:19:5: error APP0003: app:svc: missing required field 'host'",
      "src/_index.yaml:21:14: error APP0009: app:svc: process 'app:ghost' is not a known entry",
      'src/_index.yaml:24:24: error APP0010: app:svc: lifecycle: restart: field \'initial_delay\': time: invalid duration "soon"',
      'src/broken.yaml:2:1: error APP0001: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });
});

describe('the APP codes', () => {
  it('each mean one thing', () => {
    const codes = Object.values(DIAGNOSTIC_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^APP\d{4}$/.test(c))).toBe(true);
  });
});
