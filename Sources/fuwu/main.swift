import ArgumentParser
print("fuwu")
