// The `logger` module: structured records (level, logger name, message, fields, pid, entry id) handed to the host's
// log sink, which renders them (the CLI: console or JSON lines on stderr).
import type { PlatformModule } from '../module-host.js';
import { createRootLogger } from './logger-value.js';

export const LOGGER_MODULE: PlatformModule = {
  name: 'logger',
  create: (host) => createRootLogger(host),
};
