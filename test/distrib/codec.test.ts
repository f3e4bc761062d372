// The remote layer's value codec (runtime/distrib/codec.ts; rules in peer.ts): what crosses comes back equal under
// copy.ts's rules (tables with cycles, sharing and metatables, bit-exact numbers, byte strings, error values,
// payloads), what cannot cross becomes nil, and bytes that are not an encoding are refused.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LuaTable, rawget, rawset } from '../../runtime/core/table.js';
import { ARR, HASH, MT } from '../../runtime/core/symbols.js';
import { createError, LuaErrorValue } from '../../runtime/lib/wippy/errors.js';
import { Payload, PAYLOAD_FORMATS } from '../../runtime/lib/wippy/payload.js';
import { CodecError, decodeFrame, decodeValues, encodeFrame, encodeValues } from '../../runtime/distrib/codec.js';
import type { Frame } from '../../runtime/distrib/peer.js';

const roundTrip = (vals: unknown[]): unknown[] => decodeValues(encodeValues(vals));

/** A plain view of a Lua value for comparison (tables by content; numbers by Object.is). */
function view(v: unknown, seen = new Map<LuaTable, number>()): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v;
  if (v instanceof LuaTable) {
    const id = seen.get(v);
    if (id !== undefined) return `#ref${id}`;
    seen.set(v, seen.size);
    const hash: unknown[] = [];
    for (const [k, x] of v[HASH] ?? new Map()) hash.push([view(k, seen), view(x, seen)]);
    const strs: Record<string, unknown> = {};
    for (const k of Object.keys(v)) strs[k] = view(v[k], seen);
    return { arr: v[ARR].map((x: unknown) => view(x, seen)), strs, hash, mt: v[MT] === undefined ? null : view(v[MT], seen) };
  }
  if (v instanceof LuaErrorValue) return { err: [v.message, v.kind, v.retryable, v.context, v.frames, v.details, v.cause && view(v.cause, seen)] };
  if (v instanceof Payload) return { payload: v.format, data: view(v.data, seen) };
  return v;
}

const byteString = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }).map((cs) => String.fromCharCode(...cs));
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 31), 2 ** 31));
const leaf = fc.oneof(fc.constant(undefined), fc.boolean(), number, byteString);
const luaValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown; t: LuaTable }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, tie('t')),
  t: fc
    .record({
      arr: fc.array(fc.oneof(fc.boolean(), number, byteString, tie('t')), { maxLength: 5 }),
      strs: fc.dictionary(byteString, tie('v'), { maxKeys: 4 }),
      nums: fc.array(fc.tuple(fc.double({ noNaN: true }), tie('v')), { maxLength: 3 }),
    })
    .map(({ arr, strs, nums }) => {
      const t = new LuaTable();
      arr.forEach((x, i) => rawset(t, i + 1, x));
      for (const [k, x] of Object.entries(strs)) if (x !== undefined) rawset(t, k, x);
      for (const [k, x] of nums) if (x !== undefined) rawset(t, k, x);
      return t;
    }),
})).v;

describe('value codec', () => {
  it('round-trips arbitrary Lua values (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(luaValue, { maxLength: 4 }), (vals) => {
        expect(roundTrip(vals).map((x) => view(x))).toEqual(vals.map((x) => view(x)));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps numbers bit-exact and strings as bytes', () => {
    const vals = [0, -0, NaN, Infinity, -Infinity, 1.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, -7, 'caf\xe9\x00\xff', ''];
    const out = roundTrip(vals);
    out.forEach((x, i) => expect(Object.is(x, vals[i])).toBe(true));
  });

  it('keeps cycles, sharing between payloads, and metatables', () => {
    const shared = new LuaTable();
    shared.x = 1;
    const a = new LuaTable();
    a.self = a;
    a.s = shared;
    const mt = new LuaTable();
    mt.__index = shared;
    a[MT] = mt;
    const [a2, s2] = roundTrip([a, shared]) as LuaTable[];
    expect(a2!.self).toBe(a2);
    expect(a2!.s).toBe(s2);
    expect(a2![MT]!.__index).toBe(s2);
    expect(s2!.x).toBe(1);
    expect(a2).not.toBe(a);
  });

  it('turns functions and other userdata into nil, keys and values alike', () => {
    const t = new LuaTable();
    t.f = () => 1;
    rawset(t, 1, 'a');
    rawset(t, 2, () => 2);
    rawset(t, () => 3, 'k');
    const [t2, f] = roundTrip([t, () => 4]) as [LuaTable, unknown];
    expect(f).toBeUndefined();
    expect(t2.f).toBeUndefined();
    expect(t2[ARR]).toEqual(['a']);
    expect(t2[HASH]?.size ?? 0).toBe(0);
  });

  it('keeps error values: message, kind, retryable, details, context, cause, frames', () => {
    const cause = createError({ message: 'inner', kind: 'NotFound', frames: [] });
    const e = createError({ message: 'outer', kind: 'Unavailable', retryable: true, details: { n: 1, s: 'x', d: { b: true } }, context: 'ctx', cause, frames: [{ level: 1, source: 'app.lua', line: 3, name: 'f', type: 'Lua' }] });
    const [e2] = roundTrip([e]) as LuaErrorValue[];
    expect(e2).toBeInstanceOf(LuaErrorValue);
    expect(view(e2)).toEqual(view(e));
  });

  it('keeps payloads (Lua data decoded fresh)', () => {
    const t = new LuaTable();
    t.k = 'v';
    const [p] = roundTrip([new Payload(PAYLOAD_FORMATS.LUA, t)]) as Payload[];
    expect(p!.format).toBe(PAYLOAD_FORMATS.LUA);
    expect(rawget(p!.data as LuaTable, 'k')).toBe('v');
  });

  it('round-trips frames and refuses bytes that are not one', () => {
    const f: Frame = { t: 'spawn', pid: '{a|0x00002}', watch: true, parent: '{a|0x00001}', entry: 'app:w', host: 'app:h', argsBytes: encodeValues([1, 'x']), link: true, monitor: false, messages: [['go', encodeValues([])]], security: { actor: { id: 'u', meta: { role: 'admin' } }, scope: ['app:p1'] } };
    const g = decodeFrame(encodeFrame(f));
    expect(g).toEqual(f);
    expect(() => decodeFrame(new Uint8Array([99]))).toThrow(CodecError);
    expect(() => decodeValues(encodeValues([1]).subarray(0, 1))).toThrow(CodecError);
  });
});
