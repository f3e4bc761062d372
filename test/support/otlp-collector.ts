// A local OTLP/HTTP trace collector for the tracing tests: an HTTP server on 127.0.0.1 that keeps every request the
// exporter posts (its path and its JSON body) and answers 200, and the shapes of the OTLP JSON those tests read.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtlpAttr {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
export interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  status?: { code?: number; message?: string };
  attributes?: OtlpAttr[];
  events?: { name: string; attributes?: OtlpAttr[] }[];
}
export interface OtlpRequest {
  resourceSpans: { resource?: { attributes?: OtlpAttr[] }; scopeSpans: { scope?: { name?: string }; spans: OtlpSpan[] }[] }[];
}

/** The string value of attribute `key`. */
export const attr = (attrs: OtlpAttr[] | undefined, key: string): string | undefined => attrs?.find((a) => a.key === key)?.value.stringValue;

export interface OtlpCollector {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** every request posted so far, in order */
  readonly requests: { path: string; body: OtlpRequest }[];
  /** The spans of every request posted since request number `from`, with their resource's service name. */
  spansSince(from: number): { service: string | undefined; span: OtlpSpan }[];
  close(): Promise<void>;
}

export async function startOtlpCollector(): Promise<OtlpCollector> {
  const requests: { path: string; body: OtlpRequest }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body: JSON.parse(body) as OtlpRequest });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    spansSince: (from) =>
      requests.slice(from).flatMap((r) =>
        r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ service: attr(rs.resource?.attributes, 'service.name'), span })))),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
