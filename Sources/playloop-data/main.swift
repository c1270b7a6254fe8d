// Deterministic generator of example and benchmark customer data. Built in issue 3.
print("playloop-data: not yet built")
