print("lore")
