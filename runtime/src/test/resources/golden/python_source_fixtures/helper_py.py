VALUE = 41
def bump():
    global VALUE
    VALUE += 1
    return VALUE
