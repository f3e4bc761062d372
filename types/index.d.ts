// moonforge's declarations for TypeScript processes (TypeScriptToLua 1.37.1, Lua 5.4 target): name this folder in a
// tsconfig's "types" (or reference this file). It brings the Lua standard library (lua-types 5.4), TSTL's language
// extensions (LuaMultiReturn, LuaTable, ...), the process globals and one `declare module` per module moonforge
// provides. Never load @types/node next to it: its `process` clashes with ours.
//
// lua-types declares the whole Lua 5.4 library; a process has Wippy's: Lua 5.1's base, string, table, math and
// coroutine libraries with Wippy's additions, `os` with time/date/clock/difftime/platform only, and no io, debug,
// utf8 or package globals (`io` is a module here). test/ts-types/declarations-match-runtime.test.ts keeps
// moonforge's own declarations, not lua-types', true to the runtime.
//
// Calling conventions: namespaces and modules marked @noSelf are called with `.` (`process.spawn(...)`); interfaces
// without it are objects whose methods are called with `:` (`inbox:receive()`), as each really is in Lua. A Lua
// sequence a function returns or takes is a TypeScript array (TSTL's arrays are Lua sequences: `a[0]` is `a[1]`).

/// <reference types="@typescript-to-lua/language-extensions" />
/// <reference types="lua-types/5.4" />
/// <reference path="./core.d.ts" />
/// <reference path="./channel.d.ts" />
/// <reference path="./errors.d.ts" />
/// <reference path="./payload.d.ts" />
/// <reference path="./coroutine.d.ts" />
/// <reference path="./os.d.ts" />
/// <reference path="./process.d.ts" />
/// <reference path="./modules/time.d.ts" />
/// <reference path="./modules/ctx.d.ts" />
/// <reference path="./modules/io.d.ts" />
/// <reference path="./modules/security.d.ts" />
/// <reference path="./modules/logger.d.ts" />
/// <reference path="./modules/json.d.ts" />
/// <reference path="./modules/yaml.d.ts" />
/// <reference path="./modules/base64.d.ts" />
/// <reference path="./modules/hash.d.ts" />
/// <reference path="./modules/crypto.d.ts" />
/// <reference path="./modules/uuid.d.ts" />
/// <reference path="./modules/funcs.d.ts" />
/// <reference path="./modules/events.d.ts" />
/// <reference path="./modules/registry.d.ts" />
/// <reference path="./modules/env.d.ts" />
/// <reference path="./modules/store.d.ts" />
/// <reference path="./modules/text.d.ts" />
/// <reference path="./modules/expr.d.ts" />
/// <reference path="./modules/system.d.ts" />
