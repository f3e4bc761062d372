// The diagnostics system: one shape, one renderer (text and JSON), shared by the compiler, the runtime's app loader
// and the SDK. Imports nothing from compiler/ or runtime/.
export { isError, type Diagnostic, type Severity } from './diagnostic.js';
export {
  formatDiagnostic,
  renderDiagnostics,
  diagnosticRecord,
  renderDiagnosticsJson,
  jsonLines,
  renderDiagnosticsAs,
  type DiagnosticFormat,
  type DiagnosticRecord,
} from './render.js';
export { unreadableFile } from './unreadable-file.js';
