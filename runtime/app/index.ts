// Public API of the app loader: loadApp(dir) -> { app, diagnostics }, the typed entry model and diagnostics.
export { loadApp, createApp } from './load.js';
export { formatDiagnostic, DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
export { resolveId } from './entries.js';
export { bindingPlan, checkModules, type BindingPlan } from './bindings.js';
export { applyOverrides } from './overrides.js';
export * from './model.js';
