SELECT $id, location FROM dtmi:azurertos:devkit:hlby5jgib2o
