// What `moonforge run APPDIR` loads to run an app, as one module: from the sources it is imported as it is; from
// dist/ it is dist/app-run.cjs, one CommonJS file that V8's code cache serves (sdk/code-cache/).
export { runApp, listAppCommands, appRuntimesMade } from '../run-app.js';
export { logSettings } from '../log-sink.js';
export { cacheMisses } from '../compile-cached.js';
export { loadedPlatformModules } from '../../runtime/modules/index.js';
