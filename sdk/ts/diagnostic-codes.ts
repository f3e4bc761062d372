// The codes of problems the TypeScript build finds itself (TypeScript's and TSTL's own keep their `TSnnnn`). Each
// code means one thing.

/** TSTL's output does not parse as Lua (the luaparse gate, lua-gate.ts). */
export const TSL_INVALID_LUA = 'TSL0001';
