// A bundle's dependencies that most runs never use (ajv, uuid, yaml) are carried as prebuilt CommonJS text in string
// literals (esbuild.config.mjs, `moonforge-lazy:NAME`) and compiled at their first use: V8 scans a string literal
// without parsing it, so they cost a bundle's start almost nothing. Bundle runtime only.

/** Runs a dependency's CommonJS text as a module and answers its exports; `moonforge-lazy:NAME` names it in stacks. */
export function evaluateText(name: string, text: string): Record<string, unknown> {
  const vm = require('node:vm') as typeof import('node:vm');
  const module = { exports: {} as Record<string, unknown> };
  vm.compileFunction(text, ['require', 'module', 'exports'], { filename: `moonforge-lazy:${name}` })(require, module, module.exports);
  return module.exports;
}

/**
 * An export of a module loaded at its first use, standing in for it where the runtime imports it by name (yaml):
 * calls, `new`, static members and `instanceof` reach the real export, which loads the module the first time.
 */
export function lazyExport(load: () => Record<string, unknown>, name: string, kind: 'function' | 'object'): unknown {
  const real = (): object => load()[name] as object;
  // a plain function as the target, so that the stand-in can be called and constructed
  const target = kind === 'function' ? function () {} : {};
  const stand: object = new Proxy(target, {
    apply: (_t, self, args) => Reflect.apply(real() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args, newTarget) => Reflect.construct(real() as new (...a: unknown[]) => object, args, newTarget === stand ? real() as new () => object : newTarget),
    get: (_t, key) => Reflect.get(real(), key),
    has: (_t, key) => Reflect.has(real(), key),
  });
  return stand;
}
