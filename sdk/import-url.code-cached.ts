// importUrl in dist/app-run.cjs (esbuild.config.mjs puts this file in place of import-url.ts there): the import() of
// the ES module that loaded the build, passed in as a parameter of its wrapper (sdk/code-cache/load.ts).
declare const __moonforgeImport: (url: string) => Promise<unknown>;

export const importUrl = (url: string): Promise<unknown> => __moonforgeImport(url);
