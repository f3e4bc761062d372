print(1)
do return end
print(2)
