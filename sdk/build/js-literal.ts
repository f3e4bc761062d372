// A value as JavaScript source text, for data a build writes into a bundle (the app's definitions): read back
// exactly, with what JSON cannot say — NaN, ±Infinity, -0 and undefined members (YAML can write the numbers, the
// entry model has the members) — and an own `__proto__` key kept as a key, never taken for the object's prototype.

export function jsLiteral(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(v);
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (Object.is(v, -0)) return '-0';
      // NaN, Infinity and -Infinity print as the globals of those names
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map(jsLiteral).join(',')}]`;
      return objectLiteral(v);
    default:
      throw new Error(`a ${typeof v} cannot be written into a bundle`);
  }
}

function objectLiteral(v: object): string {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new Error(`a ${v.constructor.name} cannot be written into a bundle`);
  const members = Object.keys(v).map((k) => `${k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)}:${jsLiteral((v as Record<string, unknown>)[k])}`);
  // `__proto__: null` in a literal is the prototype, not a member
  if (proto === null) members.unshift('__proto__:null');
  return `{${members.join(',')}}`;
}
