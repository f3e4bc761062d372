// How deep and how wide a chunk may be. luaparse, the analyzer, the emitter and V8's own parser of the emitted JS
// all recurse over the syntax tree, so a chunk nested deeply enough would overflow the JS stack somewhere in the
// compiler. The typed front end (compiler/typed/parser.ts), which reads every chunk first, counts these limits as it
// goes and reports a positioned diagnostic instead, before any recursive pass runs.

/**
 * Lua 5.1's LUAI_MAXCCALLS: "chunk has too many syntax levels" when nested blocks, parentheses, table constructors,
 * function bodies, unary operators and right-associative operators (`..`, `^`) reach it. The front end counts a
 * level wherever lua5.1's parser calls enterlevel (a block, an expression, a unary operator, a right operand of
 * `..`/`^`), and lua_load itself holds one level, so the same programs pass and fail as with lua5.1 (198 nested
 * `(` fail, 197 pass).
 */
export const MAX_SYNTAX_LEVELS = 200;

/**
 * Left-associative chains (`a + b + ...`, `x.a.b...`, `f()()...`, `a and b and ...`) cost lua5.1 no recursion, so it
 * has no limit on them, but each operation is one more level of the syntax tree here, and of the emitted JS
 * expression. A tree deeper than this (levels and chained operations together) is "function or expression too
 * complex": the compiled form of 1,500 chained `+` overflows the JS stack, 1,000 nested in 200 levels still compile.
 * `elseif` branches count too (each is an `else if` nested in the previous one in the emitted JS): past the limit an
 * `if` is "control structure too long", lua5.1's message when its jumps overflow (about 20,000 branches there).
 */
export const MAX_TREE_DEPTH = 1000;

/**
 * Arguments of one call, and named parameters of one function: lua5.1 fails near 250 arguments ("function or
 * expression too complex", its 250 registers) and 200 parameters (its 200 locals), V8 at 65,535 (a SyntaxError in
 * the emitted module). lua5.1's call limit is kept for both: a call it refuses is refused here too, with its message,
 * and a function cannot be given more arguments than that anyway.
 */
export const MAX_CALL_ARGS = 250;
