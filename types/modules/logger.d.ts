// The `logger` module (runtime/modules/logger/): `import * as logger from "logger"` gives the root logger itself, a
// userdata whose every method is called with `:` (`logger:info("x")`), as in Wippy.

declare namespace Moonforge {
  /** Structured fields of a record: only string keys count. */
  type LogFields = { [key: string]: unknown };

  interface Logger extends RuntimeObject {
    debug(message: string | number, fields?: LogFields): void;
    info(message: string | number, fields?: LogFields): void;
    warn(message: string | number, fields?: LogFields): void;
    error(message: string | number, fields?: LogFields): void;
    /** A child logger whose records all carry `fields`. */
    with(fields: LogFields): Logger;
    /** A child logger named `name` (`parent.name` under a named parent); an empty name raises. */
    named(name: string): Logger;
  }
}

/** @noResolution */
declare module "logger" {
  const logger: Moonforge.Logger;
  // the empty namespace lets `import * as logger from "logger"` name the logger value itself
  namespace logger {}
  export = logger;
}
