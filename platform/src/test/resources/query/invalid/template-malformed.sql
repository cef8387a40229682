SELECT $id FROM dtmi:9devkit:x
