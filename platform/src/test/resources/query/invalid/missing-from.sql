SELECT $id, temperature WHERE temperature > 5
