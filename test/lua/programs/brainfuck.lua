local function bf(src, input)
  local tape, ptr, pc, out, inp = {}, 1, 1, {}, 1
  local jump, stack = {}, {}
  for i = 1, #src do
    local c = src:sub(i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then local j = table.remove(stack) jump[i], jump[j] = j, i end
  end
  while pc <= #src do
    local c = src:sub(pc, pc)
    if c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "+" then tape[ptr] = ((tape[ptr] or 0) + 1) % 256
    elseif c == "-" then tape[ptr] = ((tape[ptr] or 0) - 1) % 256
    elseif c == "." then out[#out + 1] = string.char(tape[ptr] or 0)
    elseif c == "," then tape[ptr] = input:byte(inp) or 0 inp = inp + 1
    elseif c == "[" and (tape[ptr] or 0) == 0 then pc = jump[pc]
    elseif c == "]" and (tape[ptr] or 0) ~= 0 then pc = jump[pc] end
    pc = pc + 1
  end
  return table.concat(out)
end
print(bf("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.", ""))
print(bf(",[.,]", "echo"))
