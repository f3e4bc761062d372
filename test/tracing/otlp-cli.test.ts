// `moonforge run APPDIR --trace-otlp URL` end to end (the built CLI, so `node esbuild.config.mjs` first): the spans of
// a run reach an OTLP/HTTP collector — here a local server reading the exporter's JSON — one trace from the root to
// the process that crashed handling its request, the crash with its Lua traceback; the service is named after the
// app folder unless OTEL_SERVICE_NAME says otherwise; bad uses of the options are usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { attr, startOtlpCollector, type OtlpCollector, type OtlpSpan } from '../support/otlp-collector.js';

let collector: OtlpCollector;
let url: string;
beforeAll(async () => {
  collector = await startOtlpCollector();
  url = collector.url;
});
afterAll(() => collector.close());

const APP = {
  'src/_index.yaml': indexYaml(`  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
  - name: crasher
    kind: process.lua
    source: file://crasher.lua
    method: main
`),
  'src/main.lua': `return { main = function()
  local pid = process.spawn_monitored("app:crasher", "app:processes")
  process.send(pid, "request", "ping")
  local ev = process.events():receive()
  print(ev.kind)
end }
`,
  'src/crasher.lua': `local function handle(v)
  return v.field.x
end
return { main = function()
  local m = process.inbox():receive()
  handle({})
end }
`,
};


describe('moonforge run --trace-otlp', () => {
  it('sends the run\'s spans to the collector: one trace from the root to the crash, with its traceback', async () => {
    const dir = writeApp(APP);
    const from = collector.requests.length;
    const r = await runMoonforgeCli(['run', dir, '--trace-otlp', url, '-x', 'app:main'], { env: { MOONFORGE_CACHE: 'off' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pid.exit\n');
    expect(r.status).toBe(0);
    // a URL without a path gets OTLP's traces path
    expect(collector.requests.slice(from).map((q) => q.path)).toContain('/v1/traces');
    const spans = collector.spansSince(from);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set([basename(dir)]));
    const named = (name: string): OtlpSpan => {
      const found = spans.filter((s) => s.span.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!.span;
    };
    const main = named('process app:main');
    const crasher = named('process app:crasher');
    const request = named('receive request');
    expect(crasher.traceId).toBe(main.traceId);
    expect(request.traceId).toBe(main.traceId);
    expect(crasher.parentSpanId).toBe(main.spanId);
    expect(request.parentSpanId).toBe(main.spanId);
    expect(attr(crasher.attributes, 'moonforge.process.entry')).toBe('app:crasher');
    for (const s of [crasher, request]) {
      expect(s.status?.code).toBe(2); // ERROR
      expect(s.status?.message).toBe("src/crasher.lua:2: attempt to index a nil value (field 'field')");
      const exception = s.events?.find((e) => e.name === 'exception');
      expect(attr(exception?.attributes, 'exception.message')).toBe(s.status?.message);
      expect(attr(exception?.attributes, 'exception.stacktrace')).toMatch(/^stack traceback:\n[\s\S]*src\/crasher\.lua:2: in [\s\S]*src\/crasher\.lua:6: in /);
    }
    expect(main.status?.code ?? 0).toBe(0);
  });

  it('OTEL_SERVICE_NAME names the service; OTEL_EXPORTER_OTLP_ENDPOINT is where --trace sends', async () => {
    const dir = writeApp(APP);
    const from = collector.requests.length;
    const r = await runMoonforgeCli(['run', dir, '--trace', '-x', 'app:main'], {
      env: { MOONFORGE_CACHE: 'off', OTEL_SERVICE_NAME: 'checkout', OTEL_EXPORTER_OTLP_ENDPOINT: url },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const spans = collector.spansSince(from);
    expect(spans.length).toBeGreaterThanOrEqual(3);
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(['checkout']));
  });

  it('bad uses are usage errors', async () => {
    const dir = writeApp(APP);
    const bad = await runMoonforgeCli(['run', dir, '--trace-otlp', 'localhost:4318', '-x', 'app:main']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--trace-otlp needs an http:// or https:// URL, not 'localhost:4318'");
    const watched = await runMoonforgeCli(['run', '--watch', dir, '--trace', '-x', 'app:main']);
    expect(watched.status).toBe(2);
    expect(watched.stderr).toContain('--trace and --trace-otlp do not go with --watch');
  });
});
