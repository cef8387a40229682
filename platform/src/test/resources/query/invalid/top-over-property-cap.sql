SELECT TOP 10001 $id, firmwareVersion FROM dtmi:azurertos:devkit:hlby5jgib2o
