-- Not Lua: if this file were compiled, its text would show in the syntax error.
THE-SECRET-TEXT = = =
