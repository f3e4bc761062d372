// Command-line options on node:util parseArgs, strict, with the CLI's own one-line messages. parseArgs alone cannot
// say where a command's options end and a script's or an entry's own arguments begin, and it takes `-x --host` as
// the value '--host' or reports it as "ambiguous": the scan below finds the options first (each option that takes
// a value with its value), and parseArgs then reads them. Only node built-ins: a bundle's start-up loads this file.
import { createRequire } from 'node:module';
import type { ParseArgsConfig } from 'node:util';

/**
 * node:util's parseArgs, loaded when there are options to read: importing node:util as an ES module reads every
 * export, parseArgs's own lazy loader included (~0.7 ms of a start-up), and `moonforge run FILE.lua` has none.
 */
function parseArgs(config: ParseArgsConfig): { values: Record<string, unknown> } {
  return (createRequire(import.meta.url)('node:util') as typeof import('node:util')).parseArgs(config);
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What parseArgs makes of the options of `S`. */
export type OptionValues<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : S[K]['multiple'] extends true ? string[] : string;
};

export interface ScanRules {
  /**
   * 'anywhere': positionals and options in any order (`--` ends the options); 'leading': the options come first,
   * and the first positional and everything after it are `rest`, the arguments of what the command runs.
   */
  positionals: 'anywhere' | 'leading';
  /** 'leading' only: an option the command does not know starts `rest` too, instead of being an error. */
  unknownStartsRest?: boolean;
}

export type ParsedOptions<S extends OptionSpecs> =
  | { ok: true; values: OptionValues<S>; positionals: string[]; rest: string[]; dashDash: boolean }
  | { ok: false; message: string };

/** Whether `a` has the form of an option (`-x`, `--name`): `-` alone is an argument (stdin, by convention). */
export const isOptionLike = (a: string): boolean => a.startsWith('-') && a.length > 1;

/** The name of the option `token` (`--name`, `--name=v`, `-c`, `-cVALUE`) in `specs`, if it is one of them. */
function optionName(token: string, specs: OptionSpecs): string | undefined {
  if (token.startsWith('--')) {
    const name = token.slice(2).split('=', 1)[0]!;
    return Object.hasOwn(specs, name) ? name : undefined;
  }
  return Object.keys(specs).find((name) => specs[name]!.short === token[1]);
}

/** Whether `token` (`--name`, `--name=v`, `-c`, `-cVALUE`) is one of the options of `specs`. */
export function isOptionOf(token: string, specs: OptionSpecs): boolean {
  return token.startsWith('-') && token.length > 1 && optionName(token, specs) !== undefined;
}

/** Whether `token` carries its option's value (`--name=v`, `-cVALUE`). */
const hasInlineValue = (token: string): boolean => (token.startsWith('--') ? token.includes('=') : token.length > 2);

/**
 * `argv` read against `specs`: the options' values, the positionals (mode 'anywhere') or the arguments after the
 * options (`rest`, mode 'leading'), whether a `--` ended the options; or the message of the first problem: an
 * unknown option, an option without its value (the last argument, or another option in its place — taking nothing
 * would silently run with the default), a value given to a flag.
 */
export function parseOptions<S extends OptionSpecs>(argv: readonly string[], specs: S, rules: ScanRules): ParsedOptions<S> {
  const optionArgs: string[] = [];
  const positionals: string[] = [];
  let rest: string[] = [];
  let dashDash = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      dashDash = true;
      if (rules.positionals === 'leading') rest = argv.slice(i + 1);
      else positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isOptionLike(a)) {
      if (rules.positionals === 'leading') {
        rest = argv.slice(i);
        break;
      }
      positionals.push(a);
      continue;
    }
    const name = optionName(a, specs);
    if (name === undefined) {
      if (rules.positionals === 'leading' && rules.unknownStartsRest === true) {
        rest = argv.slice(i);
        break;
      }
      return { ok: false, message: `unknown option '${a.split('=', 1)[0]}'` };
    }
    optionArgs.push(a);
    if (specs[name]!.type === 'string' && !hasInlineValue(a)) {
      const v = argv[i + 1];
      if (v === undefined || isOptionLike(v)) return { ok: false, message: `option ${a} needs a value` };
      optionArgs.push(v);
      i++;
    }
  }
  if (optionArgs.length === 0) return { ok: true, values: {}, positionals, rest, dashDash };
  try {
    const { values } = parseArgs({ args: optionArgs, options: specs, strict: true, allowPositionals: false });
    return { ok: true, values: values as OptionValues<S>, positionals, rest, dashDash };
  } catch (e) {
    // what the scan leaves to parseArgs: `--flag=value`, a group of short flags with an unknown one; its first
    // sentence (the rest is advice about positionals that do not apply here)
    return { ok: false, message: lowerFirst(String((e as Error).message).split(/\n|\. /, 1)[0]!) };
  }
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * `value` when it is one of `allowed`, else the message naming the option and what it takes, in the words the CLI
 * has always used: "'text' or 'json'" for two, "console, json or junit" for more.
 */
export function enumValue<T extends string>(option: string, value: string, allowed: readonly T[]): { ok: true; value: T } | { ok: false; message: string } {
  if ((allowed as readonly string[]).includes(value)) return { ok: true, value: value as T };
  const list = allowed.length === 2 ? `'${allowed[0]}' or '${allowed[1]}'` : `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  return { ok: false, message: `${option} must be ${list} (got '${value}')` };
}
