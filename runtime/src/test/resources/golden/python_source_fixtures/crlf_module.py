A = 1
B = 2
if A:
    C = A + B
