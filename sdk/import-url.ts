// Imports an ES module by its URL: a compiled chunk from the compile cache. In one place so that the CommonJS build of
// the app-run path (dist/app-run.cjs, sdk/code-cache/) can send it to its loader's import(): a function compiled by
// vm.Script, as that build is, cannot call import() itself on Node 20 (it needs --experimental-vm-modules).
export const importUrl = (url: string): Promise<unknown> => import(url);
