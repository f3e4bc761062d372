print("about to fail")
error({})
