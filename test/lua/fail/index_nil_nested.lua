local cfg = { a = {} }
print(cfg.a.b.c)
