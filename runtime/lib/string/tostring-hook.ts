// How string.format's %s turns any value into text: core tostring (go-lua number text, __tostring,
// "table: 0x...") unless the embedder installs another conversion through setToStringHook.
import { tostring } from '../../core/tostring.js';

let hook: (v: unknown) => string = tostring;

export function setToStringHook(fn: (v: unknown) => string): void {
  hook = fn;
}

/** tostring(v) as the string library sees it. */
export function luaToString(v: unknown): string {
  return typeof v === 'string' ? v : hook(v);
}

/** Whether %s converts with core tostring (no embedder hook): then a `__tostring` twin may run in its place. */
export function isDefaultToString(): boolean {
  return hook === tostring;
}
