// `lifecycle:` of hosts and services (api/supervisor/config.go LifecycleConfig + RetryPolicy + InitDefaults):
// durations are Go duration strings, and a zero or absent value takes the Go default.
import { parseGoDuration } from '../lib/wippy/time/duration.js';
import { DIAGNOSTIC_CODES } from './diagnostics.js';
import type { Lifecycle, RetryPolicy, SecurityConfig } from './model.js';
import type { FieldReader } from './yaml-file.js';

const SECOND = 1e9;

/** A duration field: a Go duration string ("10s", "1m30s"); 0 when absent or invalid (reported). */
export function readDuration(r: FieldReader, key: string): number {
  const v = r.value(key);
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'string') {
    r.wrongType(key, 'a duration string such as "10s"', v);
    return 0;
  }
  const d = parseGoDuration(v);
  if (!d.ok) {
    r.report(DIAGNOSTIC_CODES.BAD_DURATION, `${r.owner}: field '${key}': ${d.message}`, key);
    return 0;
  }
  return d.ns;
}

function readRestart(r: FieldReader | undefined): RetryPolicy {
  const p: RetryPolicy = {
    initialDelay: r ? readDuration(r, 'initial_delay') : 0,
    maxDelay: r ? readDuration(r, 'max_delay') : 0,
    backoffFactor: r?.number('backoff_factor') ?? 0,
    jitter: r?.number('jitter') ?? 0,
    maxAttempts: r?.number('max_attempts', true) ?? 0,
  };
  // RetryPolicy defaults (InitDefaults): zero means "use the default"
  if (p.initialDelay === 0) p.initialDelay = SECOND;
  if (p.maxDelay === 0) p.maxDelay = 90 * SECOND;
  if (p.backoffFactor === 0) p.backoffFactor = 2.0;
  if (p.jitter === 0) p.jitter = 0.1;
  return p;
}

function readSecurity(r: FieldReader | undefined): SecurityConfig | undefined {
  if (r === undefined) return undefined;
  const actor = r.sub('actor');
  return {
    actor: { id: actor?.string('id') ?? '', meta: actor?.record('meta') ?? {} },
    groups: r.stringList('groups'),
    policies: r.stringList('policies'),
  };
}

/** Reads `lifecycle:` of the entry read by `entry` (absent: all defaults). */
export function readLifecycle(entry: FieldReader): Lifecycle {
  const r = entry.sub('lifecycle');
  const startup = r?.string('startup');
  const requires = [...(r?.stringList('requires') ?? []), ...(r?.stringList('depends_on') ?? [])];
  const l: Lifecycle = {
    autoStart: r?.bool('auto_start') ?? false,
    startTimeout: r ? readDuration(r, 'start_timeout') : 0,
    stopTimeout: r ? readDuration(r, 'stop_timeout') : 0,
    stableThreshold: r ? readDuration(r, 'stable_threshold') : 0,
    startup: startup === 'optional' ? 'optional' : 'required',
    requires: [...new Set(requires)],
    restart: readRestart(r?.sub('restart')),
    security: readSecurity(r?.sub('security')),
  };
  if (l.startTimeout === 0) l.startTimeout = 10 * SECOND;
  if (l.stopTimeout === 0) l.stopTimeout = 10 * SECOND;
  if (l.stableThreshold === 0) l.stableThreshold = 5 * SECOND;
  return l;
}
