// The tracing options of `moonforge run APPDIR` (and a bundle's), read by the one parser of an app run's arguments.
import { describe, expect, it } from 'vitest';
import { parseAppRunArgs } from '../../sdk/cli/app-run-args.js';
import { otlpTracesUrl } from '../../sdk/tracing/otlp-provider.js';

describe('--trace and --trace-otlp', () => {
  it('--trace turns tracing on; --trace-otlp URL too, with its URL; neither: off', () => {
    expect(parseAppRunArgs(['--trace', '-x', 'app:main', 'a'])).toEqual({ ok: true, value: { overrides: [], args: ['a'], exec: 'app:main', trace: true } });
    expect(parseAppRunArgs(['--trace-otlp', 'http://collector:4318', '-x', 'app:main'])).toEqual({
      ok: true,
      value: { overrides: [], args: [], exec: 'app:main', trace: true, traceOtlp: 'http://collector:4318' },
    });
    const off = parseAppRunArgs(['-x', 'app:main']);
    expect(off.ok && 'trace' in off.value).toBe(false);
  });

  it('after the entry\'s first argument they are the entry\'s own', () => {
    expect(parseAppRunArgs(['-x', 'app:main', 'a', '--trace'])).toEqual({ ok: true, value: { overrides: [], args: ['a', '--trace'], exec: 'app:main' } });
  });

  it('a URL that is not http(s) is refused', () => {
    for (const bad of ['localhost:4318', 'grpc://collector:4317', 'http://', 'http://a b:4318']) {
      expect(parseAppRunArgs(['--trace-otlp', bad, '-x', 'app:main'])).toEqual({ ok: false, message: `--trace-otlp needs an http:// or https:// URL, not '${bad}'` });
    }
  });

  it('OTLP\'s traces path is added to a URL without a path, a full URL is kept', () => {
    expect(otlpTracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl('https://otlp.example.com/api/v1/traces')).toBe('https://otlp.example.com/api/v1/traces');
  });
});
