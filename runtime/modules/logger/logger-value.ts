// The logger userdata (wippyai/runtime runtime/lua/modules/logger/logger.go): `require("logger")` is itself a
// logger, the root one; `:with(fields)` and `:named(name)` make children. Every method is called with a colon, so a
// dot call (`logger.info("x")`) fails on argument #1 as in Wippy, where the methods check their receiver.
import { LuaTable } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { readOnly } from '../../core/read-only.js';
import { ret0, ret1 } from '../../core/results.js';
import { argError, checkStr, checkTable, typeError } from '../../core/args.js';
import { isLuaErrorValue, errorText } from '../../lib/wippy/errors.js';
import { numberToString } from '../../core/number-format.js';
import type { ModuleHost } from '../module-host.js';
import { addFields } from './fields.js';
import { levelRank, type LogLevel } from './levels.js';
import { luaToText } from '../../lib/lua-text.js';

export class LoggerValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    /** the dotted name (`a:named("x"):named("y")` is "x.y"), '' for the root logger */
    readonly name: string,
    /** the fields `:with` attached, already converted (frozen: children copy them) */
    readonly fields: Readonly<Record<string, unknown>>,
  ) {
    super(mt);
  }
}

function receiver(v: unknown, fname: string): LoggerValue {
  if (v instanceof LoggerValue) return v;
  if (v instanceof LuaUserdata) throw argError(1, fname, 'expected logger.Logger');
  throw typeError(1, fname, 'userdata', v);
}

/** go-lua LVAsString: the text of a string, a number or an error value, '' for anything else. */
function asString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (isLuaErrorValue(v)) return errorText(v);
  return '';
}

/** The logger metatable and the root logger, for `host`. */
export function createRootLogger(host: ModuleHost): LoggerValue {
  // below the threshold a call checks its arguments (a wrong call fails at every level) and converts nothing
  const threshold = levelRank(host.logLevel ?? 'debug');
  const methods = new LuaTable();
  const mt = new LuaTable();

  const emit = (lg: LoggerValue, level: LogLevel, message: string, fields: Record<string, unknown>): void => {
    const proc = host.rt.node.current;
    host.log({
      time: Date.now(),
      level,
      logger: lg.name,
      message: luaToText(message),
      fields,
      pid: proc?.pid,
      entry: proc?.entryId,
    });
  };

  const method = (level: LogLevel) => {
    const rank = levelRank(level);
    return function (self: unknown, msg: unknown, fields: unknown): undefined {
      const lg = receiver(self, level);
      const message = checkStr(msg, 2, level);
      // nil fields are taken as none (Wippy checks a table only when a third argument is there)
      const t = fields === undefined ? undefined : checkTable(fields, 3, level);
      if (rank < threshold) return ret0();
      const out: Record<string, unknown> = { ...lg.fields };
      if (t !== undefined) {
        addFields(out, t);
        // at error level an `error` field is written as an error: its text (logger.go loggerError, zap.Error)
        if (level === 'error' && t.error !== undefined) out.error = luaToText(asString(t.error));
      }
      emit(lg, level, message, out);
      return ret0();
    };
  };
  methods.debug = method('debug');
  methods.info = method('info');
  methods.warn = method('warn');
  methods.error = method('error');
  methods.with = (self: unknown, fields: unknown) => {
    const lg = receiver(self, 'with');
    const t = checkTable(fields, 2, 'with');
    const out: Record<string, unknown> = { ...lg.fields };
    addFields(out, t);
    return ret1(new LoggerValue(mt, lg.name, Object.freeze(out)));
  };
  methods.named = (self: unknown, name: unknown) => {
    const lg = receiver(self, 'named');
    const n = checkStr(name, 2, 'named');
    if (n === '') throw argError(2, 'named', 'name cannot be empty');
    const text = luaToText(n);
    return ret1(new LoggerValue(mt, lg.name === '' ? text : `${lg.name}.${text}`, lg.fields));
  };
  mt.__index = readOnly(methods);
  mt.__name = 'logger.Logger';
  readOnly(mt);
  return new LoggerValue(mt, '', Object.freeze({}));
}
