// Registry ids as Wippy parses them (wippyai/runtime api/registry/id.go parseIDString): split at the first ":";
// without one the namespace is "" and the id's text is ":name" (what store keys and error messages show).

export interface RegistryId {
  ns: string;
  name: string;
}

export function parseId(s: string): RegistryId {
  const i = s.indexOf(':');
  return i < 0 ? { ns: '', name: s } : { ns: s.slice(0, i), name: s.slice(i + 1) };
}

/** The id's text: "ns:name" (":name" without a namespace). */
export function idText(s: string): string {
  return s.includes(':') ? s : `:${s}`;
}

/** The namespace of an entry id ("" without one). */
export function namespaceOf(id: string): string {
  return parseId(id).ns;
}
