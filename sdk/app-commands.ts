// Named commands of an app, as `wippy run COMMAND` and `wippy run list` find them (wippyai/runtime
// cmd/wippy/cmd/run.go resolveCommandToEntry, runList): a `process.*` entry whose `meta.command.name` is set is the
// command of that name (`meta.command.short` describes it). Wippy's example apps are run so (`wippy run hello`,
// `wippy run todo`).
import type { App } from '../runtime/process/index.js';

export interface AppCommand {
  name: string;
  /** meta.command.short, '' when absent */
  short: string;
  /** the entry it runs */
  id: string;
}

/** The app's commands, in load order. */
export function appCommands(app: App): AppCommand[] {
  const out: AppCommand[] = [];
  for (const e of app.entries.values()) {
    if (!e.kind.startsWith('process.')) continue;
    const command = e.meta.command;
    if (command === null || typeof command !== 'object' || Array.isArray(command)) continue;
    const { name, short } = command as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') continue;
    out.push({ name, short: typeof short === 'string' ? short : '', id: e.id });
  }
  return out;
}

/** The entry a command runs: the first with that name, as Wippy takes the first it meets. */
export function commandEntry(app: App, name: string): string | undefined {
  return appCommands(app).find((c) => c.name === name)?.id;
}

/** `moonforge run APPDIR list`: the commands, one a line (`  name  short  (id)`), or how to define one. */
export function commandListText(commands: readonly AppCommand[]): string {
  if (commands.length === 0) {
    return 'No commands found.\n\nTo define a command, give a process entry a name under meta.command:\n  meta:\n    command:\n      name: hello\n      short: Say hello\n';
  }
  const lines = commands.map((c) => `  ${c.name}${c.short === '' ? '' : `  ${c.short}`}  (${c.id})`);
  return `Available commands:\n\n${lines.join('\n')}\n`;
}
