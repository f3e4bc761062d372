// File confinement (runtime/app/confine.ts): the files an app's definitions name stay inside the folder it is
// loaded from, and what is refused is reported at its line (APP0014) without showing the file's text.
// `file://` rules as Wippy's boot/loader/interpolate/interpolators.go LoadFile: relative to the YAML file's folder,
// `file:///x` from the root of the loaded folder, a path leaving it refused ("path traversal detected in file path").
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadApp, formatDiagnostic, isLuaEntry, type Entry } from '../../runtime/app/index.js';

const SECRET = 'SECRET-TEXT-7f3a';

/**
 * A temporary folder holding `outside/secret.lua` and `outside/secret.yaml` beside the app folder `app/`; `$OUTSIDE`
 * in file texts and link targets stands for the absolute path of `outside/`.
 */
function makeApp(files: Record<string, string>, links: Record<string, string> = {}): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'mf-confine-'));
  const outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.lua'), `${SECRET} = = =\n`);
  writeFileSync(join(outside, 'secret.yaml'), `namespace: [${SECRET}\n`);
  const root = join(base, 'app');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text.replace('$OUTSIDE', outside));
  }
  for (const [rel, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    symlinkSync(target.replace('$OUTSIDE', outside), join(root, rel));
  }
  return { root, outside };
}

const index = (source: string): string => `namespace: app
entries:
  - name: main
    kind: process.lua
    method: main
    source: ${source}
`;

async function load(root: string): Promise<{ diags: string[]; main: Entry | undefined }> {
  const { app, diagnostics } = await loadApp(root);
  const diags = diagnostics.map(formatDiagnostic);
  for (const d of diags) expect(d).not.toContain(SECRET);
  return { diags, main: app.get('app:main') };
}

describe('source: file:// stays inside the folder the app is loaded from', () => {
  it('a relative path climbing out is refused at the source: line', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file://../../outside/secret.lua') });
    const { diags, main } = await load(root);
    expect(diags).toEqual([
      'src/_index.yaml:6:13: error APP0014: app:main: path traversal detected in file path: ../../outside/secret.lua (files are read from inside the app folder)',
    ]);
    expect(main).toBeUndefined();
  });

  it('so is /etc/passwd through enough ../', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file://../../../../../../../../../../etc/passwd') });
    const { diags } = await load(root);
    expect(diags).toEqual([expect.stringMatching(/^src\/_index\.yaml:6:13: error APP0014: app:main: path traversal detected/)]);
  });

  it('the app root above src is outside too (Wippy reads from the src folder)', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file://../main.lua'), 'main.lua': 'return {}' });
    const { diags } = await load(root);
    expect(diags).toEqual([expect.stringMatching(/error APP0014: app:main: path traversal detected in file path: \.\.\/main\.lua/)]);
  });

  it('file:///x starts at the loaded folder: the absolute path is never read', async () => {
    const { root, outside } = makeApp({ 'src/_index.yaml': index('file://$OUTSIDE/secret.lua') });
    const { diags } = await load(root);
    expect(diags).toEqual([
      `src/_index.yaml:6:13: error APP0007: app:main: source file not found: file://${outside}/secret.lua (file:/// paths start at the folder the app is loaded from)`,
    ]);
  });

  it('file:///x finds x in the loaded folder', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file:///lib/main.lua'), 'src/lib/main.lua': 'return {}' });
    const { diags, main } = await load(root);
    expect(diags).toEqual([]);
    if (!isLuaEntry(main)) throw new Error('not loaded');
    expect(main.source).toEqual({ type: 'file', url: 'file:///lib/main.lua', path: join(root, 'src/lib/main.lua') });
  });

  it('a path that leaves a subfolder and comes back inside is fine', async () => {
    const { root } = makeApp({ 'src/a/_index.yaml': index('file://../b/main.lua'), 'src/b/main.lua': 'return {}' });
    const { diags, main } = await load(root);
    expect(diags).toEqual([]);
    expect(isLuaEntry(main)).toBe(true);
  });

  it('a link to a file outside is refused; a link inside is followed', async () => {
    const out = makeApp({ 'src/_index.yaml': index('file://main.lua') }, { 'src/main.lua': '$OUTSIDE/secret.lua' });
    expect((await load(out.root)).diags).toEqual([
      'src/_index.yaml:6:13: error APP0014: app:main: file://main.lua is a link to a file outside the app folder',
    ]);
    const inside = makeApp({ 'src/_index.yaml': index('file://main.lua'), 'src/real/main.lua': 'return {}' }, { 'src/main.lua': 'real/main.lua' });
    expect((await load(inside.root)).diags).toEqual([]);
  });
});

describe('other files an app makes moonforge read', () => {
  it('a definition file linking outside the app is not read', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file://main.lua'), 'src/main.lua': 'return {}' }, { 'src/more.yaml': '$OUTSIDE/secret.yaml' });
    const { diags, main } = await load(root);
    expect(diags).toEqual(['src/more.yaml:1:1: error APP0014: definition file is a link to a file outside the app folder']);
    expect(isLuaEntry(main)).toBe(true);
  });

  it('wippy.lock directories outside the app are reported at their line and never walked', async () => {
    const { root } = makeApp({
      'wippy.lock': 'directories:\n  modules: .wippy\n  src: ../outside\n',
      'src/_index.yaml': index('file://main.lua'),
    });
    const { diags } = await load(root);
    // ../outside holds secret.yaml, a YAML syntax error if it were read
    expect(diags).toEqual(['wippy.lock:3:8: error APP0014: wippy.lock: directories.src is outside the app folder: ../outside']);
  });

  it('a src folder that is a link out of the app is not walked', async () => {
    const { root } = makeApp({}, { src: '$OUTSIDE' });
    const { diags } = await load(root);
    expect(diags).toEqual(['./src:1:1: error APP0014: directories.src is a link to a folder outside the app folder: ./src']);
  });

  it('.wippy.yaml linking outside the app is not read', async () => {
    const { root } = makeApp({ 'src/_index.yaml': index('file://main.lua'), 'src/main.lua': 'return {}' }, { '.wippy.yaml': '$OUTSIDE/secret.yaml' });
    const { diags } = await load(root);
    expect(diags).toEqual(['.wippy.yaml:1:1: error APP0014: .wippy.yaml is a link to a file outside the app folder']);
  });
});
