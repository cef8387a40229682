SELECT $id FROM WHERE temperature > 1
