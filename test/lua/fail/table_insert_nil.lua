local list
table.insert(list, 1)
