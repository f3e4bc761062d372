// Policy parsing and evaluation as wippyai/runtime does it: globs (service/security/policy/util.go), validation
// (api/service/security/policy/config.go) and every condition operator (condition_evaluator.go).
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../runtime/security/matcher.js';
import { Policy, parsePolicyConfig, type PolicyConfig } from '../../runtime/security/policy.js';
import type { Actor } from '../../runtime/security/conditions.js';
import type { AttrRecord } from '../../runtime/security/values.js';

function policy(def: Record<string, unknown>, groups?: unknown): Policy {
  const cfg = parsePolicyConfig({ policy: def, ...(groups === undefined ? {} : { groups }) }, 'app.sec');
  if (Array.isArray(cfg)) throw new Error(cfg.map((p) => `${p.field}: ${p.message}`).join('; '));
  return new Policy('app.sec:p', cfg);
}

const admin: Actor = { id: 'admin', meta: { role: 'admin', level: 5, tags: ['a', 'b'], org: { name: 'acme', size: 10 } } };

describe('globs (util.go matchesPattern)', () => {
  const cases: [string[], string, boolean][] = [
    [['*'], 'anything', true],
    [['process.send'], 'process.send', true],
    [['process.send'], 'process.spawn', false],
    [['process.*'], 'process.spawn.linked', true],
    [['process.*'], 'process', true], // ".*" strips the dot: prefix "process"
    [['process.*'], 'processes', true],
    [['process.*'], 'proc', false],
    [['app.workers:*'], 'app.workers:handler', true],
    [['app.workers:*'], 'app.work:handler', false],
    [['*.read'], 'doc.read', false], // only a trailing * is a glob
    [['*.read'], '*.read', true],
    [['a', 'b*'], 'b2', true],
    [['a', 'b*'], 'a', true],
    [['a', 'b*'], 'c', false],
    [['a', 'c', 'x.*'], 'x.y', true],
    [[], 'a', false],
    [['.*'], '.x', true], // too short for the ".*" rule: "*" rule with prefix "."
    [['.*'], 'x', false],
  ];
  it.each(cases)('%j matches %s: %s', (patterns, value, expected) => {
    expect(compileFilter(patterns)(value)).toBe(expected);
  });
});

describe('policy validation (config.go Validate)', () => {
  const problems = (def: unknown, groups?: unknown): string[] => {
    const r = parsePolicyConfig({ policy: def, ...(groups === undefined ? {} : { groups }) }, 'app');
    return Array.isArray(r) ? r.map((p) => p.message) : [];
  };
  it('accepts string and list filters', () => {
    expect(problems({ actions: '*', resources: ['a', 'b'], effect: 'allow' })).toEqual([]);
  });
  it('rejects a bad effect', () => {
    expect(problems({ actions: '*', resources: '*', effect: 'maybe' })).toEqual(['invalid policy effect: maybe']);
    expect(problems({ actions: '*', resources: '*' })).toEqual(['invalid policy effect: ']);
  });
  it('rejects empty or mistyped filters', () => {
    expect(problems({ actions: '', resources: '*', effect: 'allow' })).toEqual(['actions string cannot be empty']);
    expect(problems({ actions: [], resources: '*', effect: 'allow' })).toEqual(['actions list cannot be empty']);
    expect(problems({ actions: '*', resources: 5, effect: 'allow' })).toEqual(['resources must be a string or list']);
    expect(problems({ actions: '*', effect: 'allow' })).toEqual(['resources must be a string or list']);
  });
  it('rejects incomplete conditions and unknown operators', () => {
    const base = { actions: '*', resources: '*', effect: 'allow' };
    expect(problems({ ...base, conditions: [{ operator: 'eq', value: 1 }] })).toEqual(['condition 0: field is required']);
    expect(problems({ ...base, conditions: [{ field: 'action', value: 1 }] })).toEqual(['condition 0: operator is required']);
    expect(problems({ ...base, conditions: [{ field: 'action', operator: 'eq' }] })).toEqual([
      'condition 0: value or value_from is required',
    ]);
    expect(problems({ ...base, conditions: [{ field: 'a', operator: 'eq', value: 1 }, { field: 'a', operator: 'like', value: 1 }] })).toEqual([
      'condition 1: invalid operator: like',
    ]);
    expect(problems({ ...base, conditions: [{ field: 'a', operator: 'matches', value: '(' }] })[0]).toMatch(/^condition 0: invalid regex pattern '\('/);
  });
  it('makes group ids absolute against the namespace', () => {
    const r = parsePolicyConfig({ policy: { actions: '*', resources: '*', effect: 'deny' }, groups: ['g1', 'other:g2'] }, 'app.sec') as PolicyConfig;
    expect(r.groups).toEqual(['app.sec:g1', 'other:g2']);
  });
});

describe('policy evaluation (policy.go Evaluate)', () => {
  it('gives its effect when action and resource match, else undefined', () => {
    const p = policy({ actions: ['process.send', 'process.spawn*'], resources: 'app.workers:*', effect: 'deny' });
    expect(p.evaluate(admin, 'process.send', 'app.workers:x', undefined)).toBe('deny');
    expect(p.evaluate(admin, 'process.spawn.linked', 'app.workers:x', undefined)).toBe('deny');
    expect(p.evaluate(admin, 'process.exec', 'app.workers:x', undefined)).toBe('undefined');
    expect(p.evaluate(admin, 'process.send', 'app.other:x', undefined)).toBe('undefined');
  });
  it('ANDs its conditions', () => {
    const p = policy({
      actions: '*',
      resources: '*',
      effect: 'allow',
      conditions: [
        { field: 'actor.meta.role', operator: 'eq', value: 'admin' },
        { field: 'meta.pid', operator: 'exists', value: true },
      ],
    });
    expect(p.evaluate(admin, 'a', 'r', { pid: '{local@h|0x1}' })).toBe('allow');
    expect(p.evaluate(admin, 'a', 'r', {})).toBe('undefined');
    expect(p.evaluate({ id: 'u', meta: { role: 'user' } }, 'a', 'r', { pid: 'x' })).toBe('undefined');
  });
});

describe('condition operators (condition_evaluator.go)', () => {
  const meta: AttrRecord = { owner: 'admin', n: '10', list: ['x', 'y'], deep: { a: { b: 'c' } }, flag: true };
  const check = (field: string, operator: string, value: unknown, m: AttrRecord = meta, actor: Actor = admin): boolean => {
    const spec: Record<string, unknown> = { field, operator };
    if (typeof value === 'object' && value !== null && 'from' in value) spec.value_from = (value as { from: string }).from;
    else spec.value = value;
    return policy({ actions: '*', resources: '*', effect: 'allow', conditions: [spec] }).evaluate(actor, 'read', 'doc:1', m) === 'allow';
  };
  const cases: [string, string, unknown, boolean][] = [
    ['actor.id', 'eq', 'admin', true],
    ['actor.id', 'eq', 'root', false],
    ['actor.id', 'ne', 'root', true],
    ['actor.id', 'ne', 'admin', false],
    ['actor.meta.level', 'eq', '5', true], // numeric comparison of a string and a number
    ['actor.meta.level', 'eq', 5.0, true],
    ['meta.n', 'eq', 10, true],
    ['meta.flag', 'eq', 'true', true], // strconv.FormatBool
    ['actor.meta.level', 'lt', 6, true],
    ['actor.meta.level', 'lt', 5, false],
    ['actor.meta.level', 'gt', 4, true],
    ['actor.meta.level', 'lte', 5, true],
    ['actor.meta.level', 'gte', 6, false],
    ['meta.n', 'gt', '9.5', true],
    ['actor.id', 'lt', 5, false], // not numeric: error, condition false
    ['actor.meta.role', 'in', ['user', 'admin'], true],
    ['actor.meta.role', 'in', ['user'], false],
    ['actor.meta.role', 'in', 'admin', true], // a string value compares with equals
    ['actor.meta.role', 'in', 5, false], // error
    ['actor.meta.role', 'nin', ['user'], true],
    ['actor.meta.role', 'nin', ['admin'], false],
    ['actor.meta.role', 'nin', 5, false], // error
    ['actor.meta.role', 'exists', true, true],
    ['actor.meta.missing', 'exists', true, false],
    ['actor.meta.missing', 'exists', false, true],
    ['actor.meta.role', 'exists', false, false],
    ['actor.meta.missing', 'nexists', true, true],
    ['actor.meta.role', 'nexists', true, false],
    ['actor.meta.role', 'nexists', false, true],
    ['resource', 'contains', ':1', true],
    ['resource', 'contains', ':2', false],
    ['actor.meta.tags', 'contains', 'b', true],
    ['actor.meta.tags', 'contains', 'z', false],
    ['actor.meta.tags', 'ncontains', 'z', true],
    ['actor.meta.tags', 'ncontains', 'a', false],
    ['actor.meta.org', 'ncontains', 'zzz', true], // a record prints as Go's map[...]
    ['action', 'matches', '^re', true],
    ['action', 'matches', '^ad$', false],
    ['action', 'nmatches', '^w', true],
    ['action', 'nmatches', 'ea', false],
    ['action', 'matches', '(?i)^READ$', true], // RE2 inline flags
    ['meta.deep.a.b', 'eq', 'c', true],
    ['meta.deep.a.x', 'exists', true, false],
    ['actor.meta.org.name', 'eq', 'acme', true],
    ['meta.owner', 'eq', { from: 'actor.id' }, true],
    ['meta.owner', 'ne', { from: 'actor.id' }, false],
    ['meta.owner', 'eq', { from: 'meta.missing' }, false],
    ['owner', 'eq', 'admin', true], // any other path is a meta key
    ['actor.name', 'exists', false, false], // unknown actor field: error
    ['actor', 'exists', false, false],
    ['meta', 'exists', false, false],
  ];
  it.each(cases)('%s %s %j -> %s', (field, op, value, expected) => {
    expect(check(field, op, value)).toBe(expected);
  });
  it('fails every actor condition for an empty actor, even nexists', () => {
    expect(check('actor.meta.x', 'nexists', true, meta, { id: '', meta: undefined })).toBe(false);
    expect(check('actor.id', 'ne', 'x', meta, { id: '', meta: undefined })).toBe(false);
  });
  it('reads no meta when there is none', () => {
    const p = policy({ actions: '*', resources: '*', effect: 'allow', conditions: [{ field: 'meta.owner', operator: 'exists', value: false }] });
    expect(p.evaluate(admin, 'a', 'r', undefined)).toBe('allow');
    expect(p.evaluate(admin, 'a', 'r', { owner: 'x' })).toBe('undefined');
  });
});
