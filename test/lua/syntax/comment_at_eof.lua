print("no trailing newline")
-- end