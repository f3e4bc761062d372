// The OpenTelemetry packages, loaded when tracing is turned on and never before: they are optional dependencies
// (an install may leave them out), and an app run without tracing must not pay for loading them
// (test/cli/startup-graph*.test.ts hold the start-up module graph). Only types are imported statically; the values come
// through require, from node_modules next to the installed moonforge (or next to a bundle's app.mjs).
import { createRequire } from 'node:module';
import type * as OtelApi from '@opentelemetry/api';
import type * as OtelTraceBase from '@opentelemetry/sdk-trace-base';
import type * as OtelOtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as OtelResources from '@opentelemetry/resources';

export type { OtelApi, OtelTraceBase, OtelOtlpHttp, OtelResources };

/** Raised when tracing is asked for and a package it needs is not installed. */
export class TracingUnavailableError extends Error {}

const load = createRequire(import.meta.url);

/** What `moonforge run --trace` needs, as one npm install line (the versions package.json pins). */
const ALL = '@opentelemetry/api@1.9.1 @opentelemetry/sdk-trace-base@2.12.1 @opentelemetry/exporter-trace-otlp-http@0.223.1';

function required<T>(name: string): T {
  try {
    return load(name) as T;
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new TracingUnavailableError(
      `tracing needs the optional package ${name}, which is not installed where moonforge (or the bundle) is: npm install ${ALL}`,
    );
  }
}

let api: typeof OtelApi | undefined;

/** @opentelemetry/api: what tracing needs whoever provides the tracer (an embedder's provider or the CLI's). */
export const otelApi = (): typeof OtelApi => (api ??= required<typeof OtelApi>('@opentelemetry/api'));

/** What the CLI's own provider is made of: the SDK, the OTLP/HTTP exporter and the resource helpers. */
export function otelExportPackages(): { base: typeof OtelTraceBase; otlp: typeof OtelOtlpHttp; resources: typeof OtelResources } {
  return {
    base: required<typeof OtelTraceBase>('@opentelemetry/sdk-trace-base'),
    otlp: required<typeof OtelOtlpHttp>('@opentelemetry/exporter-trace-otlp-http'),
    // a dependency of sdk-trace-base, installed with it
    resources: required<typeof OtelResources>('@opentelemetry/resources'),
  };
}
