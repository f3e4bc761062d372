// An app's TypeScript sources checked as an editor checks them: TypeScript alone, configured by the app's own
// tsconfig.json (not moonforge's build, which imposes its options), so a tsconfig that needs anything else fails.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The diagnostics of the app in `appDir`, each `file:line: message` (or the message alone); [] when clean. */
export function typeCheckApp(appDir: string): string[] {
  const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');
  const configFile = join(appDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error !== undefined) return [ts.flattenDiagnosticMessageText(error.messageText, '\n')];
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, appDir, { noEmit: true }, configFile);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)].map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
