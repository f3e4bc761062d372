print(notDefined.x)
