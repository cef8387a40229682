SELECT $id, MAX(room) FROM dtmi:azurertos:devkit:hlby5jgib2o
