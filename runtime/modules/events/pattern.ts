// How a subscription's system and kind patterns match an event (wippyai/runtime system/eventbus/dispatcher.go
// matchPattern): "" or "*" match everything, a pattern ending in "*" matches by prefix ("test.*" matches
// "test.match", and "test*" matches "testing"), anything else matches exactly. No other wildcard exists.

export function matchPattern(pattern: string, value: string): boolean {
  if (pattern === '' || pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}
