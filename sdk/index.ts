// The package's host-side entry: the embedding API (create a runtime, load apps, spawn, send, observe) and the app
// runner behind `moonforge run APPDIR`. Only what a host uses is exported: the app runtime and supervisor the CLI is
// built from hand out the process runtime itself, so they are imported from their files, not from the package.
export { createRuntime, EventKind, type EmbeddedRuntime, type Mailbox, type EmbedOptions, type ProcessInfo, type EntrySource, type ProcessEvent, type ProcessMessage, type ProcessExit, type FunctionResult } from './embed.js';
export type { TracingOptions } from './tracing/start-tracing.js';
export type { MemoryLimits } from '../runtime/process/index.js';
export { toJS, toLua, LuaProcessError } from './values.js';
export { toLuaString, fromLuaString } from './lua-string.js';
export { AppStartError } from './app-runtime.js';
export { runApp, type RunAppOptions } from './run-app.js';
export type { LogFormat } from './log-sink.js';
export type { LogLevel, LogRecord } from '../runtime/modules/index.js';
export { createStreamLineReader, type LineReader } from '../runtime/process/index.js';
export { VirtualTimeScheduler } from 'rxjs';
