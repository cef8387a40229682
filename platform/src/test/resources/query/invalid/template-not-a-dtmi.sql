SELECT $id FROM temperature
