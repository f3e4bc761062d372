// Lua's `<` for library code (table.sort's default order), re-exported from ops.ts where compiled code's version lives.
export { lessThan } from './ops.js';
