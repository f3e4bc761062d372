// moonforge's declarations for TypeScript processes (TypeScriptToLua 1.37.1, Lua 5.4 target): name this folder in a
// tsconfig's "types" (or reference this file). It brings the Lua standard library (lua-types 5.4), TSTL's language
// extensions (LuaMultiReturn, LuaTable, ...), the process globals and one `declare module` per module moonforge
// provides. Never load @types/node next to it: its `process` clashes with ours.
//
// Calling conventions: namespaces and modules marked @noSelf are called with `.` (`process.spawn(...)`); interfaces
// without it are objects whose methods are called with `:` (`inbox:receive()`), as each really is in Lua.

/// <reference types="@typescript-to-lua/language-extensions" />
/// <reference types="lua-types/5.4" />
/// <reference path="./core.d.ts" />
/// <reference path="./channel.d.ts" />
/// <reference path="./errors.d.ts" />
/// <reference path="./payload.d.ts" />
/// <reference path="./coroutine.d.ts" />
/// <reference path="./process.d.ts" />
/// <reference path="./modules/time.d.ts" />
/// <reference path="./modules/ctx.d.ts" />
/// <reference path="./modules/io.d.ts" />
/// <reference path="./modules/security.d.ts" />
/// <reference path="./modules/logger.d.ts" />
/// <reference path="./modules/json.d.ts" />
/// <reference path="./modules/funcs.d.ts" />
