SELECT $id FROM dtmi:devkit:
