// `moonforge-lazy:NAME`: a dependency's prebuilt CommonJS text, which the bundle runtime's build provides
// (esbuild.config.mjs) for optional-require.bundle.ts and optional-require-nats.bundle.ts.
declare module 'moonforge-lazy:*' {
  const text: string;
  export default text;
}
