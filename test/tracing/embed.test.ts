// createRuntime({ tracing: { tracerProvider } }): an embedder brings its own provider, as OpenTelemetry hosts do, and
// a message sent from host code inside the host's active span is handled as a child of that span.
import { afterEach, describe, expect, it } from 'vitest';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { context, ROOT_CONTEXT, trace, type Context, type ContextManager } from '@opentelemetry/api';
import { createRuntime, VirtualTimeScheduler } from '../../sdk/index.js';

process.env.MOONFORGE_CACHE ??= 'off';

/** The smallest synchronous context manager: what `context.with` makes active while its function runs. */
class SyncContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;
  active(): Context {
    return this.current;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    const before = this.current;
    this.current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = before;
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.current = ROOT_CONTEXT;
    return this;
  }
}

afterEach(() => context.disable());

describe('createRuntime({ tracing })', () => {
  it('a host send inside an active span continues its trace; the host mailbox is not a process of its own', async () => {
    context.setGlobalContextManager(new SyncContextManager());
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const time = new VirtualTimeScheduler();
    const rt = createRuntime({ time, write: () => {}, tracing: { tracerProvider } });
    rt.addHost('app:host');
    await rt.register('app:echo', {
      source: `return { main = function()
        local m = process.inbox():receive()
        process.send(m:payload():data(), "echo", "hi")
      end }`,
    });
    const pid = rt.spawn('app:echo', 'app:host');
    // a host watching the process (a delivery hook that lets messages through) changes nothing of its spans
    rt.messages$(pid).subscribe(() => {});
    const mb = rt.mailbox();
    const got: string[] = [];
    mb.messages$().subscribe((m) => got.push(m.topic));
    const exit = rt.exit(pid);
    rt.runUntilIdle();
    const host = tracerProvider.getTracer('host');
    host.startActiveSpan('http request', (span) => {
      rt.send(pid, 'ask', mb.pid);
      span.end();
    });
    rt.runUntilIdle();
    await exit;
    expect(got).toEqual(['echo']);
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.name === 'http request')!;
    const ask = spans.find((s) => s.name === 'receive ask')!;
    expect(ask.spanContext().traceId).toBe(http.spanContext().traceId);
    expect(ask.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    // the JS mailbox got no lifetime span and no receive span: it is host code
    expect(spans.map((s) => s.name).sort()).toEqual(['http request', 'process app:echo', 'receive ask']);
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it('a process spawned by host code inside an active span is a child of it', async () => {
    context.setGlobalContextManager(new SyncContextManager());
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const rt = createRuntime({ time: new VirtualTimeScheduler(), write: () => {}, tracing: { tracerProvider } });
    rt.addHost('app:host');
    await rt.register('app:job', { source: `return { main = function() return 1 end }` });
    let pid = '';
    tracerProvider.getTracer('host').startActiveSpan('job request', (span) => {
      pid = rt.spawn('app:job', 'app:host');
      span.end();
    });
    const exit = rt.exit(pid);
    rt.runUntilIdle();
    expect((await exit).value).toBe(1);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.name === 'job request')!;
    const job = spans.find((s) => s.name === 'process app:job')!;
    expect(job.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(job.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(job.attributes['moonforge.process.parent']).toBeUndefined();
  });
});
