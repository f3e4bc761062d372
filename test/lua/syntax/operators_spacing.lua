local a=1 local b=2
print(a+b,a-b,a*b,a/b==0.5,a^b,a%b,-a,a..b,a<b,a<=b,a>b,a>=b,a==b,a~=b)
print(not a,#"x",a and b,a or b)
print(1- -1, 1--1
)
