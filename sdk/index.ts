// The package's host-side entry: the embedding API (create a runtime, load apps, spawn, send, observe) and the app
// runner behind `moonforge run APPDIR`.
export { createRuntime, EventKind, type EmbeddedRuntime, type Mailbox, type EmbedOptions, type ProcessInfo, type EntrySource, type ProcessEvent, type ProcessMessage, type ProcessExit } from './embed.js';
export type { MemoryLimits } from '../runtime/process/memory-guard.js';
export { toJS, toLua, toLuaString, fromLuaString, LuaProcessError } from './values.js';
export { createAppRuntime, AppStartError, type AppRuntime, type AppRuntimeOptions } from './app-runtime.js';
export { runApp, type RunAppOptions } from './run-app.js';
export { ServiceSupervisor, shutdownNode, restartDelayMs, type SupervisorEvent } from './supervisor.js';
export { createStreamLineReader, type LineReader } from './io-module.js';
export { VirtualTimeScheduler } from 'rxjs';
