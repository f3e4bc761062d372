// Wippy's `os` global is its ostime module: time, date, clock, difftime (declared by lua-types) and `platform`.
// lua-types also declares Lua's os.execute, os.getenv, os.exit, ...: they are nil in a process.

declare namespace os {
  const platform: "wippy";
}
