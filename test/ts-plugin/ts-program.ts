// The plugin tests' TypeScript side: a program of .ts sources written to a fresh app folder, type-checked against the
// SDK's declarations (types/) under the options the SDK builds with, its process-rule findings, and TSTL's Lua with
// the plugin loaded (lualib inlined, so each .lua stands alone in an app without the build's lualib library).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as TS from 'typescript';
import { writeApp } from '../support/app-folder.js';
import { createProcessRulesPlugin, checkProcessRules, readRuleDiagnostic } from '../../sdk/ts/plugin/index.js';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics/index.js';

// the one `typescript` instance TSTL uses (TypeScriptToLua#1141)
const require = createRequire(import.meta.url);
const ts = require('typescript') as typeof TS;
const tstl = require('typescript-to-lua') as typeof import('typescript-to-lua');

const SDK_TYPES = resolve(import.meta.dirname, '../../types/index.d.ts');

export interface TsApp {
  dir: string;
  program: TS.Program;
}

/** Writes `files` (paths under the app root, the .ts ones under src/) and makes the program of its .ts files. */
export function tsApp(files: Record<string, string>, extraOptions: TS.CompilerOptions = {}): TsApp {
  const dir = writeApp(files);
  const rootNames = Object.keys(files).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  const options: TS.CompilerOptions & Record<string, unknown> = {
    target: ts.ScriptTarget.ESNext,
    lib: ['lib.esnext.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    rootDir: join(dir, 'src'),
    outDir: join(dir, 'out'),
    types: [],
    skipLibCheck: true,
    luaTarget: '5.4',
    noImplicitSelf: true,
    luaLibImport: 'inline',
    noHeader: true,
    ...extraOptions,
  };
  return { dir, program: ts.createProgram({ rootNames: [SDK_TYPES, ...rootNames], options }) };
}

/** One process-rule finding, as the tests read it. */
export interface RuleHit {
  code: string;
  file: string;
  line: number;
  column: number;
  /** the text the finding points at */
  text: string;
  message: string;
  suggestion: string;
}

export function ruleHits(app: TsApp): RuleHit[] {
  return checkProcessRules(ts, app.program).map((d) => {
    const rule = readRuleDiagnostic(d)!;
    const file = d.file;
    const at = file && d.start !== undefined ? file.getLineAndCharacterOfPosition(d.start) : { line: -1, character: -1 };
    return {
      ...rule,
      file: file ? file.fileName.slice(app.dir.length + 1) : '',
      line: at.line + 1,
      column: at.character + 1,
      text: file && d.start !== undefined ? file.text.slice(d.start, d.start + (d.length ?? 0)) : '',
    };
  });
}

/** TypeScript's own errors of the program (the declarations and the sources must type-check). */
export function typeErrors(app: TsApp): string[] {
  return ts
    .getPreEmitDiagnostics(app.program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${d.file ? ts.getLineAndCharacterOfPosition(d.file, d.start ?? 0).line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** A finding in moonforge's shape, the suggestion as its fix, rendered by the one renderer (ASCII sources only). */
export function renderHit(app: TsApp, hit: RuleHit): string {
  const d: Diagnostic = { code: hit.code, message: hit.message, file: hit.file, line: hit.line, column: hit.column, length: hit.text.length, fix: hit.suggestion };
  return formatDiagnostic(d, readFileSync(join(app.dir, hit.file), 'latin1'));
}

/**
 * TSTL over the program with the plugin loaded; each src/NAME.ts becomes src/NAME.lua beside it. Returns every
 * diagnostic TSTL reported (the plugin's among them) as text.
 */
export function transpileToLua(app: TsApp): string[] {
  const result = new tstl.Transpiler().emit({
    program: app.program,
    plugins: [createProcessRulesPlugin(ts)],
    writeFile: (name, text) => {
      if (name.endsWith('.lua')) writeFileSync(join(app.dir, 'src', name.slice(join(app.dir, 'out').length + 1)), text);
    },
  });
  return result.diagnostics.map((d) => readRuleDiagnostic(d)?.code ?? ts.flattenDiagnosticMessageText(d.messageText, ' '));
}
